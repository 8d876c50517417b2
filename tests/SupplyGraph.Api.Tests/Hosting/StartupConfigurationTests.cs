using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using SupplyGraph.Api.Hosting;

namespace SupplyGraph.Api.Tests.Hosting;

/// <summary>Tests that read or set process environment variables: they run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class StartupConfigurationTests
{
    [Fact]
    public void A_content_root_without_appsettings_gets_the_shipped_ones()
    {
        // arrange: the directory `dotnet run` is called from, or a published build run elsewhere
        var contentRoot = Directory.CreateTempSubdirectory("supplygraph-content-root-").FullName;
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot, Args = [] });

            // act
            builder.AddSupplyGraphConfiguration();

            // assert: what only appsettings.json says
            builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"].Should().Be("Warning");
            builder.Configuration["SupplyGraph:Store"].Should().Be("embedded");
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public void Defaults_come_from_appsettings_and_urls_follow_them()
    {
        // arrange
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = CliContentRoot(), Args = [] });

        // act
        builder.AddSupplyGraphConfiguration();

        // assert
        var options = builder.Configuration.GetSection("SupplyGraph").Get<SupplyGraphOptions>()!;
        options.Port.Should().Be(5080);
        options.BindAddress.Should().Be("127.0.0.1");
        options.DataDirectory.Should().Be("data");
        options.Store.Should().Be("embedded");
        options.SeedOnEmptyStore.Should().BeTrue();
        if (Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is null)
        {
            builder.Configuration["urls"].Should().Be("http://127.0.0.1:5080");
        }
    }

    [Fact]
    public void Command_line_urls_win_over_bind_address_and_port()
    {
        // arrange
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = CliContentRoot(),
            Args = ["--urls", "http://127.0.0.1:7001", "--SupplyGraph:Port", "7002"],
        });

        // act
        builder.AddSupplyGraphConfiguration();

        // assert
        builder.Configuration["urls"].Should().Be("http://127.0.0.1:7001");
        builder.Configuration["SupplyGraph:Port"].Should().Be("7002");
    }

    [Fact]
    public void Flat_variables_override_appsettings_and_section_variables_override_them()
    {
        // arrange
        using var variables = new EnvironmentVariables(new Dictionary<string, string?>
        {
            ["SUPPLYGRAPH_PORT"] = "6101",
            ["SUPPLYGRAPH_BIND_ADDRESS"] = "0.0.0.0",
            ["SUPPLYGRAPH_STORE"] = "memory",
            ["SupplyGraph__Port"] = "6102",
            ["ASPNETCORE_URLS"] = null,
        });
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = CliContentRoot(), Args = [] });

        // act
        builder.AddSupplyGraphConfiguration();

        // assert
        var options = builder.Configuration.GetSection("SupplyGraph").Get<SupplyGraphOptions>()!;
        options.Store.Should().Be("memory");
        options.BindAddress.Should().Be("0.0.0.0");
        options.Port.Should().Be(6102, "SupplyGraph__Port is more specific than SUPPLYGRAPH_PORT");
        builder.Configuration["urls"].Should().Be("http://0.0.0.0:6102");
    }

    [Fact]
    public void Aspnetcore_urls_wins_over_bind_address_and_port()
    {
        // arrange
        using var variables = new EnvironmentVariables(new Dictionary<string, string?>
        {
            ["SUPPLYGRAPH_PORT"] = "6201",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:6202",
        });
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = CliContentRoot(), Args = [] });

        // act
        builder.AddSupplyGraphConfiguration();

        // assert
        builder.Configuration["urls"].Should().Be("http://127.0.0.1:6202");
    }

    private static string CliContentRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "src", "SupplyGraph.Cli", "appsettings.json")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("The repository root was not found."), "src", "SupplyGraph.Cli");
    }

    /// <summary>Sets process environment variables for the length of a test and puts the old values back.</summary>
    private sealed class EnvironmentVariables : IDisposable
    {
        private readonly Dictionary<string, string?> previous = [];

        public EnvironmentVariables(Dictionary<string, string?> values)
        {
            foreach (var (name, value) in values)
            {
                previous[name] = Environment.GetEnvironmentVariable(name);
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach (var (name, value) in previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
