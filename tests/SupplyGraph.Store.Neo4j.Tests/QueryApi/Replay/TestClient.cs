using System.Net.Http.Headers;
using System.Text;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;

/// <summary>Clients wired to a <see cref="ReplayHandler"/>, with the credentials the recordings call "valid".</summary>
internal static class TestClient
{
    public const string User = "neo4j";
    public const string Password = "valid-password";
    public const string WrongPassword = "wrong-password";

    public static Neo4jConnectionOptions Options => new()
    {
        Uri = new Uri("http://localhost:7474"),
        User = User,
        Password = Password,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    public static QueryApiClient For(ReplayHandler handler, Neo4jConnectionOptions? options = null) =>
        new(handler, options ?? Options);

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
