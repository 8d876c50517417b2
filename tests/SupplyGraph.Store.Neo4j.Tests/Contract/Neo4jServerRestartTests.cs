using System.Diagnostics;
using FluentAssertions;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Formats.Json;

namespace SupplyGraph.Store.Neo4j.Tests.Contract;

/// <summary>
/// A unit of work survives its server: the import's server is killed (SIGKILL) in the middle of the import's
/// transaction and started again, and the import runs again whole, so the store holds all of it, once.
/// Needs a server the test may kill and restart: one whose folder SUPPLYGRAPH_NEO4J_HOME names.
/// </summary>
[Collection(Neo4jServerCollection.Name)]
public sealed class Neo4jServerRestartTests(Neo4jServerFixture server)
{
    private const int Rows = 6_000;
    private const int KillAtRow = 3_000;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_import_whose_server_is_killed_midway_runs_again_whole_once_the_server_is_back()
    {
        // arrange
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? string.Empty);
        Assert.SkipWhen(
            Neo4jServerFixture.ServerHome is null,
            "Neo4j restart test skipped: SUPPLYGRAPH_NEO4J_HOME does not name the server's folder, so the test may not kill and restart it.");
        var home = Neo4jServerFixture.ServerHome!;
        var seeded = await server.EmptyStoreAsync(Token);
        await seeded.ImportAsync(SeedDataset.Load(), Token);
        var before = await seeded.GetStatisticsAsync(Token);
        using var store = Neo4jGraphStore.Connect(new Neo4jStoreOptions
        {
            Connection = server.Connection! with { MaxTransactionRetryTime = TimeSpan.FromMinutes(3), RequestTimeout = TimeSpan.FromSeconds(20) },
            ImportBatchSize = 250,
        });
        Task? restart = null;
        var source = new ActorsSource(Rows, row =>
        {
            if (row == KillAtRow && restart is null)
            {
                KillServer(home);
                restart = Task.Run(() => StartServer(home));
            }
        });

        // act
        var summary = await store.ImportAsync(source, ImportOptions.Default, Token);
        await restart!;

        // assert
        source.Reads.Should().BeGreaterThan(1, "the import was cut by the kill and run again from the start");
        summary.Entities.Added.Should().Be(Rows);
        var after = await store.GetStatisticsAsync(Token);
        after.Entities.Should().Be(before.Entities + Rows, "every row is there once: none lost with the killed transaction, none twice");
        after.Relationships.Should().Be(before.Relationships);
        (await store.ResolveAsync($"actor-{Rows - 1}", Token)).Name.Should().Be($"Actor {Rows - 1}");
    }

    private static void KillServer(string home)
    {
        var pid = int.Parse(File.ReadAllText(Path.Combine(home, "run", "neo4j.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.GetProcessById(pid);
        process.Kill();
        process.WaitForExit(TimeSpan.FromSeconds(30));
    }

    private static void StartServer(string home)
    {
        var start = new ProcessStartInfo(Path.Combine(home, "bin", "neo4j"), "start") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["NEO4J_HOME"] = home;
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, process.StandardError.ReadToEnd());
    }
}
