using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using SupplyGraph.Api.Hosting;
using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Api.Cli;

/// <summary>
/// Opens the store the service would use — the same settings (appsettings.json, <c>SUPPLYGRAPH_*</c> variables) — with
/// <c>--store</c> and <c>--data-dir</c> on top, so a verb and <c>serve</c> see the same graph.
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

    /// <summary>
    /// Opens and initializes the store. Questions seed an empty store as <c>serve</c> does (when SeedOnEmptyStore is on);
    /// import, export and validate never do, so an import into an empty store holds exactly what was imported.
    /// </summary>
    public static async Task<OpenStore> OpenAsync(ParseResult parse, bool seedIfEmpty, CancellationToken cancellationToken)
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

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [.. settings] });
        var options = builder.Configuration.ReadSupplyGraphOptions(builder.Environment.ContentRootPath);
        var dataDirectory = Path.GetFullPath(options.DataDirectory, builder.Environment.ContentRootPath);
        var instance = StoreKinds.Create(options.Store, new StoreContext(dataDirectory, TimeProvider.System, options.Neo4j));
        try
        {
            await StoreInitializer.PrepareAsync(instance, seedIfEmpty && options.SeedOnEmptyStore, NullLogger.Instance, cancellationToken);
            return new OpenStore(instance);
        }
        catch
        {
            (instance as IDisposable)?.Dispose();
            throw;
        }
    }
}

/// <summary>A store opened for one verb; disposing it closes files and connections.</summary>
internal sealed class OpenStore(ISupplyGraphStore store) : IDisposable
{
    public ISupplyGraphStore Store { get; } = store;

    public void Dispose() => (Store as IDisposable)?.Dispose();
}
