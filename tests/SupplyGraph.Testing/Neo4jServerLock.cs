using System.Security.Cryptography;
using System.Text;

namespace SupplyGraph.Testing;

/// <summary>
/// Test projects run in parallel processes, and Neo4j Community has one user database, which the Neo4j tests clear:
/// whoever uses the server holds this lock (a file locked by the operating system, so a crashed holder frees it).
/// </summary>
public sealed class Neo4jServerLock : IDisposable
{
    private readonly FileStream file;

    private Neo4jServerLock(FileStream file) => this.file = file;

    /// <summary>Waits (up to <paramref name="timeout"/>) until no other test process uses the server at <paramref name="uri"/>.</summary>
    public static async Task<Neo4jServerLock> AcquireAsync(Uri uri, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(uri.GetLeftPart(UriPartial.Authority))))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"supplygraph-neo4j-{name}.lock");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new Neo4jServerLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    public void Dispose() => file.Dispose();
}
