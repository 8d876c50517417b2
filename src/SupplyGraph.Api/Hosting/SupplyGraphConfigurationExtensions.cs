using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;

namespace SupplyGraph.Api.Hosting;

public static class SupplyGraphConfigurationExtensions
{
    /// <summary>
    /// Binds the <c>SupplyGraph</c> section (appsettings.json, then <c>SUPPLYGRAPH_*</c>, then <c>SupplyGraph__*</c>
    /// variables, then the command line), checked when the host starts or the options are first read. Shared by the
    /// web host and the command line's verbs, so both read the same settings.
    /// </summary>
    public static IHostApplicationBuilder AddSupplyGraphOptions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddShippedSettings(builder.Configuration, builder.Environment.ContentRootPath);
        AddFlatEnvironmentVariables(builder.Configuration);
        builder.Services.AddOptions<SupplyGraphOptions>()
            .Bind(builder.Configuration.GetSection(SupplyGraphOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SupplyGraphOptions>, SupplyGraphOptionsValidator>();
        return builder;
    }

    /// <summary>
    /// <see cref="AddSupplyGraphOptions"/>, and listening on <c>http://{BindAddress}:{Port}</c> unless URLs are given.
    /// </summary>
    internal static WebApplicationBuilder AddSupplyGraphConfiguration(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddSupplyGraphOptions();
        if (!HasExplicitUrls(builder.Configuration))
        {
            var options = builder.Configuration.GetSection(SupplyGraphOptions.SectionName).Get<SupplyGraphOptions>() ?? new SupplyGraphOptions();
            builder.WebHost.UseUrls(ListenUrl(options));
        }

        return builder;
    }

    internal static string ListenUrl(SupplyGraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var host = options.BindAddress.Contains(':', StringComparison.Ordinal) && !options.BindAddress.StartsWith('[')
            ? $"[{options.BindAddress}]"
            : options.BindAddress;
        return $"http://{host}:{options.Port}";
    }

    /// <summary>
    /// The appsettings.json shipped beside the executable, as the lowest source, when the content root (the directory
    /// supplygraph runs in) has none: `dotnet run` from the repository root, or a published build run elsewhere,
    /// still gets the shipped defaults (log levels among them). A content root's own appsettings.json wins.
    /// </summary>
    private static void AddShippedSettings(IConfigurationBuilder configuration, string contentRoot)
    {
        const string FileName = "appsettings.json";
        var shipped = Path.Combine(AppContext.BaseDirectory, FileName);
        if (File.Exists(Path.Combine(contentRoot, FileName)) || !File.Exists(shipped))
        {
            return;
        }

        var source = new JsonConfigurationSource
        {
            Path = FileName,
            Optional = true,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        };
        configuration.Sources.Insert(0, source);
    }

    /// <summary>Puts the flat variables just before the plain environment variables, so <c>SupplyGraph__*</c> and the command line override them.</summary>
    private static void AddFlatEnvironmentVariables(IConfigurationBuilder configuration)
    {
        var settings = FlatEnvironmentVariables.ToConfiguration(Environment.GetEnvironmentVariables());
        if (settings.Count == 0)
        {
            return;
        }

        var source = new MemoryConfigurationSource { InitialData = settings };
        var sources = configuration.Sources;
        var position = IndexOf(sources, s => s is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        if (position < 0)
        {
            position = IndexOf(sources, s => s is CommandLineConfigurationSource);
        }

        if (position < 0)
        {
            sources.Add(source);
        }
        else
        {
            sources.Insert(position, source);
        }
    }

    private static int IndexOf(IList<IConfigurationSource> sources, Func<IConfigurationSource, bool> match)
    {
        for (var i = 0; i < sources.Count; i++)
        {
            if (match(sources[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool HasExplicitUrls(ConfigurationManager configuration) =>
        !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
        || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
        || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey]);
}
