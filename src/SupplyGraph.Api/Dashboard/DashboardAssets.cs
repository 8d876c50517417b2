using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace SupplyGraph.Api.Dashboard;

/// <summary>
/// The dashboard's built files (src/SupplyGraph.Dashboard/dist, embedded in this assembly at build time), held in
/// memory with their gzip form (made by the dashboard's build: <c>app.js.gz</c> beside <c>app.js</c>) and an ETag:
/// the service serves its own pages, offline, without a folder to deploy and without compressing at run time.
/// </summary>
internal sealed class DashboardAssets
{
    public const string ResourcePrefix = "dashboard/";
    public const string IndexPage = "index.html";
    public const string GraphiQLPage = "graphiql.html";
    private const string GzipSuffix = ".gz";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".woff2"] = "font/woff2",
        [".woff"] = "font/woff",
        [".ttf"] = "font/ttf",
        [".map"] = "application/json",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, DashboardAsset> assets;

    private DashboardAssets(FrozenDictionary<string, DashboardAsset> assets) => this.assets = assets;

    /// <summary>Whether the build embedded the dashboard (it does unless built without Node.js, see the csproj).</summary>
    public bool IsEmpty => assets.Count == 0;

    public static DashboardAssets Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToDictionary(name => name[ResourcePrefix.Length..].Replace('\\', '/'), name => Read(assembly, name), StringComparer.Ordinal);
        var loaded = new Dictionary<string, DashboardAsset>(StringComparer.Ordinal);
        foreach (var (path, bytes) in files)
        {
            if (!path.EndsWith(GzipSuffix, StringComparison.Ordinal))
            {
                var contentType = ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
                var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"";
                loaded[path] = new DashboardAsset(bytes, files.GetValueOrDefault(path + GzipSuffix), contentType, etag);
            }
        }

        return new DashboardAssets(loaded.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The file at <paramref name="path"/> (relative, forward slashes), or null.</summary>
    public DashboardAsset? Find(string path) => assets.GetValueOrDefault(path);

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}

/// <summary>One built file: its bytes, the same gzipped (null when the build made none), its media type and its ETag.</summary>
internal sealed record DashboardAsset(byte[] Bytes, byte[]? Gzipped, string ContentType, string ETag);
