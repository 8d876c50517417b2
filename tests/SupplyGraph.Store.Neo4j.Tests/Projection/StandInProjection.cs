using System.Diagnostics;
using FluentAssertions;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Store.Neo4j.Tests.Contract;

namespace SupplyGraph.Store.Neo4j.Tests.Projection;

/// <summary>What the projection tests share: a Neo4j store over the in-memory stand-in, and waiting for a change to show.</summary>
internal static class StandInProjection
{
    /// <summary>How long a change by another client may take to show before the test fails.</summary>
    public static readonly TimeSpan Eventually = TimeSpan.FromSeconds(10);

    /// <summary>A store reading its projection from <paramref name="server"/>; polling Neo4j only if <paramref name="refresh"/> is given.</summary>
    public static Neo4jGraphStore StandInStore(InMemoryQueryServer server, int pageSize = 2000, TimeSpan? refresh = null) => new(
        server,
        new Neo4jStoreOptions
        {
            Connection = new Neo4jConnectionOptions { Uri = new Uri("http://stand-in:7474") },
            ProjectionPageSize = pageSize,
            ProjectionRefreshInterval = refresh ?? TimeSpan.Zero,
        });

    /// <summary>How long until <paramref name="condition"/> held, polled every 10 ms; fails the test past <see cref="Eventually"/>.</summary>
    public static async Task<TimeSpan> WaitForAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            clock.Elapsed.Should().BeLessThan(Eventually, "the condition should hold by then");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        return clock.Elapsed;
    }

    /// <inheritdoc cref="WaitForAsync(Func{Task{bool}})"/>
    public static Task<TimeSpan> WaitForAsync(Func<bool> condition) => WaitForAsync(() => Task.FromResult(condition()));
}
