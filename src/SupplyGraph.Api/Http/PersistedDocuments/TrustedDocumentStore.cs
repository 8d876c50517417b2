using System.Collections.Frozen;
using System.Text.Json;
using SupplyGraph.Api.Dashboard;
using SupplyGraph.Api.Hosting;

namespace SupplyGraph.Api.Http.PersistedDocuments;

/// <summary>
/// The trusted documents, by identifier: the dashboard's (the manifest its build writes, embedded with its files) and
/// those of the file <see cref="GraphQLSettings.TrustedDocumentsFile"/> names. Read once at start; every entry's
/// identifier is checked against its text, so a manifest cannot make one text run under another's id.
/// </summary>
internal sealed class TrustedDocumentStore
{
    /// <summary>The manifest's name in the dashboard's build (dist/) and among its embedded files.</summary>
    public const string ManifestName = "persisted-documents.json";

    private const string FileSetting = $"{SupplyGraphOptions.SectionName}:{GraphQLSettings.SectionName}:{nameof(GraphQLSettings.TrustedDocumentsFile)} (SUPPLYGRAPH_TRUSTED_DOCUMENTS_FILE)";

    private readonly FrozenDictionary<string, string> textById;
    private readonly FrozenSet<string> texts;

    private TrustedDocumentStore(Dictionary<string, string> textById)
    {
        this.textById = textById.ToFrozenDictionary(StringComparer.Ordinal);
        texts = textById.Values.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>How many documents are trusted.</summary>
    public int Count => textById.Count;

    /// <summary>The text of the trusted document <paramref name="id"/>, or false.</summary>
    public bool TryGetText(string id, out string text) => textById.TryGetValue(id, out text!);

    /// <summary>Whether <paramref name="text"/> is, character for character, one of the trusted documents.</summary>
    public bool IsTrusted(string text) => texts.Contains(text);

    /// <summary>
    /// The dashboard's documents (from this assembly) and those of <paramref name="settings"/>' file; what could not be
    /// read is in <paramref name="problems"/> (each naming the setting, the file and the entry) and left out.
    /// </summary>
    public static TrustedDocumentStore Load(GraphQLSettings settings, string contentRoot, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(contentRoot);
        var found = new List<string>();
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        if (EmbeddedManifest() is { } embedded)
        {
            Add(documents, embedded, $"the dashboard's {ManifestName}", found);
        }

        if (!string.IsNullOrWhiteSpace(settings.TrustedDocumentsFile))
        {
            string? json = null;
            string path = settings.TrustedDocumentsFile;
            try
            {
                path = Path.GetFullPath(settings.TrustedDocumentsFile, contentRoot);
                json = File.ReadAllText(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                found.Add($"{FileSetting} is {path}, which cannot be read: {exception.Message}");
            }

            if (json is not null)
            {
                Add(documents, json, $"{FileSetting} ({path})", found);
            }
        }

        problems = found;
        return new TrustedDocumentStore(documents);
    }

    /// <summary>What is wrong with the trusted documents <paramref name="settings"/> name, each naming the setting; empty when they load.</summary>
    public static IReadOnlyList<string> Problems(GraphQLSettings settings, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.TrustedDocumentsFile))
        {
            return [];
        }

        Load(settings, contentRoot, out var problems);
        return problems;
    }

    /// <summary>The manifest the dashboard's build wrote, as embedded in this assembly; null when built without the dashboard.</summary>
    public static string? EmbeddedManifest()
    {
        var assembly = typeof(TrustedDocumentStore).Assembly;
        using var stream = assembly.GetManifestResourceStream(DashboardAssets.ResourcePrefix + ManifestName);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void Add(Dictionary<string, string> documents, string json, string source, List<string> problems)
    {
        Dictionary<string, JsonElement>? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json);
        }
        catch (JsonException exception)
        {
            problems.Add($"{source} is not a JSON object of {{\"sha256:<hex>\": \"<query text>\"}}: {exception.Message}");
            return;
        }

        foreach (var (id, value) in manifest ?? [])
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                problems.Add($"{source}: the entry {DocumentIdentifier.Shown(id)} is a {value.ValueKind}, not the document's text.");
                continue;
            }

            var text = value.GetString()!;
            var actual = DocumentIdentifier.Of(text);
            if (!string.Equals(id, actual, StringComparison.Ordinal))
            {
                problems.Add($"{source}: the entry {DocumentIdentifier.Shown(id)} holds a text whose identifier is {actual} (an identifier is {DocumentIdentifier.Form}).");
                continue;
            }

            documents[id] = text;
        }
    }
}
