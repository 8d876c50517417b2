using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SupplyGraph.Api.Hosting;
using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Cli;

/// <summary>
/// Opens the store the service would use — the same settings (appsettings.json, <c>SUPPLYGRAPH_*</c> variables) and
/// the same composition (<see cref="SupplyGraphStoreExtensions.AddSupplyGraphStore"/>) — with <c>--store</c> and
/// <c>--data-dir</c> on top, so a verb and <c>serve</c> see the same graph.
/// </summary>
internal static class CliStore
{
    public static Option<string?> StoreOption { get; } = new("--store")
    {
        Description = "The store: embedded (default, a SQLite file), memory or neo4j. Overrides SUPPLYGRAPH_STORE.",
        HelpName = "embedded|memory|neo4j",
        Recursive = true,
    };

    public static Option<string?> DataDirectoryOption { get; } = new("--data-dir")
    {
        Description = "Folder of the embedded store's file. Overrides SUPPLYGRAPH_DATA_DIR.",
        HelpName = "DIR",
        Recursive = true,
    };

    /// <summary>The host settings <c>--store</c> and <c>--data-dir</c> stand for.</summary>
    public static List<string> HostSettings(ParseResult parse)
    {
        var settings = new List<string>();
        if (parse.GetValue(StoreOption) is { Length: > 0 } store)
        {
            settings.Add($"--{SupplyGraphOptions.SectionName}:{nameof(SupplyGraphOptions.Store)}={store}");
        }

        if (parse.GetValue(DataDirectoryOption) is { Length: > 0 } directory)
        {
            settings.Add($"--{SupplyGraphOptions.SectionName}:{nameof(SupplyGraphOptions.DataDirectory)}={Path.GetFullPath(directory)}");
        }

        return settings;
    }

    /// <summary>
    /// Opens and initializes the store. Questions seed an empty store as <c>serve</c> does (when SeedOnEmptyStore is on);
    /// import, export and validate never do, so an import into an empty store holds exactly what was imported.
    /// </summary>
    public static async Task<OpenStore> OpenAsync(ParseResult parse, bool seedIfEmpty, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [.. HostSettings(parse)] });

        // A verb's output is its answer; the host's log lines would only get in the way.
        builder.Logging.ClearProviders();
        builder.AddSupplyGraphOptions();
        builder.AddSupplyGraphStore();
        var host = builder.Build();
        try
        {
            // Reading the options checks them: a bad setting fails here with its message, before any store is opened.
            var options = host.Services.GetRequiredService<IOptions<SupplyGraphOptions>>().Value;
            var store = host.Services.GetRequiredService<ISupplyGraphStore>();
            await StorePreparation.PrepareAsync(store, seedIfEmpty && options.SeedOnEmptyStore, NullLogger.Instance, cancellationToken);
            return new OpenStore(host, store);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}

/// <summary>A store opened for one verb; disposing it closes files and connections (the host owns the store).</summary>
internal sealed class OpenStore(IHost host, ISupplyGraphStore store) : IDisposable
{
    public ISupplyGraphStore Store { get; } = store;

    public void Dispose() => host.Dispose();
}
