using SupplyGraph.Domain.Stores;
using SupplyGraph.Store.Embedded;
using SupplyGraph.Store.Neo4j;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Api.Hosting;

/// <summary>The stores the API can run on, by their configuration name. Adding a store is one entry here.</summary>
public static class StoreKinds
{
    public const string Embedded = "embedded";
    public const string Memory = "memory";
    public const string Neo4j = "neo4j";

    private static readonly Dictionary<string, Func<StoreContext, ISupplyGraphStore>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        [Embedded] = context => new EmbeddedGraphStore(
            new EmbeddedStoreOptions
            {
                DatabasePath = Path.Combine(context.DataDirectory, EmbeddedStoreOptions.DefaultFileName),
                ReloadFailed = context.Logger is not { } logger ? null : (exception, failures) => logger.LogWarning(
                    "Reloading the store after an outside import failed ({Failures} in a row; checking less often): {Reason}", failures, exception.Message),
            },
            context.Clock),
        [Memory] = context => new EmbeddedGraphStore(new EmbeddedStoreOptions { InMemory = true }, context.Clock),
        [Neo4j] = context => Neo4jGraphStore.Connect(
            new Neo4jStoreOptions { Connection = Neo4jConnection(context.Neo4j), ImportBatchSize = context.Neo4j.ImportBatchSize, WalkReadBudget = context.Neo4j.WalkReadBudget },
            context.Clock),
    };

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    public static bool IsSupported(string? name) => name is not null && Factories.ContainsKey(name.Trim());

    public static ISupplyGraphStore Create(string name, StoreContext context)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Factories.TryGetValue(name.Trim(), out var factory))
        {
            throw new InvalidOperationException($"SupplyGraph:Store \"{name}\" is not supported. Supported stores: {string.Join(", ", Names)}.");
        }

        return factory(context);
    }

    /// <summary>The Query API connection the neo4j store uses, from the SupplyGraph:Neo4j settings.</summary>
    public static Neo4jConnectionOptions Neo4jConnection(Neo4jSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var uri = new Uri(settings.Uri ?? throw new InvalidOperationException("SupplyGraph:Neo4j:Uri is not set."));

        // A user and password written into the address are taken out of it (so it can be shown) and used as basic auth.
        var (user, password) = (settings.User, settings.Password);
        if (uri.IsAbsoluteUri && !string.IsNullOrEmpty(uri.UserInfo))
        {
            var parts = uri.UserInfo.Split(':', 2);
            user ??= Uri.UnescapeDataString(parts[0]);
            password ??= parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null;
            uri = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri;
        }

        return new Neo4jConnectionOptions
        {
            Uri = uri,
            Database = settings.Database,
            User = user,
            Password = password,
            BearerToken = settings.BearerToken,
            RequestTimeout = TimeSpan.FromSeconds(settings.RequestTimeoutSeconds),
        };
    }
}

/// <summary>What a store factory may need: the resolved data directory, the clock, the Neo4j settings, and where background failures are logged.</summary>
public sealed record StoreContext(string DataDirectory, TimeProvider Clock, Neo4jSettings Neo4j, ILogger? Logger = null);
