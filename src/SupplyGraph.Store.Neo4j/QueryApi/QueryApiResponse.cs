using System.Globalization;
using System.Text.Json;

namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>A successful Query API answer: the result, and for explicit transactions where the transaction stands.</summary>
internal sealed record QueryApiResponse(
    CypherResult Result,
    string? TransactionId,
    DateTimeOffset? TransactionExpires,
    string? ClusterAffinity)
{
    /// <summary>The length of the answer's body, for the span of the request.</summary>
    public long ReceivedBytes { get; init; }

    public static QueryApiResponse Empty(string? clusterAffinity) => new(CypherResult.Empty, null, null, clusterAffinity);

    public static QueryApiResponse Read(JsonElement root, bool typed, string? clusterAffinity)
    {
        var result = new CypherResult
        {
            Fields = [],
            Counters = root.TryGetProperty("counters", out var counters) ? ReadCounters(counters) : null,
            Notifications = root.TryGetProperty("notifications", out var notifications) ? ReadNotifications(notifications) : [],
            Bookmarks = root.TryGetProperty("bookmarks", out var bookmarks) ? ReadStrings(bookmarks) : [],
        };

        if (root.TryGetProperty("data", out var data))
        {
            var fields = data.TryGetProperty("fields", out var fieldArray) ? ReadStrings(fieldArray) : [];
            result = result with { Fields = fields, Rows = ReadRows(data, fields, typed) };
        }

        string? transactionId = null;
        DateTimeOffset? expires = null;
        if (root.TryGetProperty("transaction", out var transaction))
        {
            transactionId = transaction.TryGetProperty("id", out var id) ? id.GetString() : null;
            expires = transaction.TryGetProperty("expires", out var expiry) && expiry.GetString() is { } text
                ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                : null;
        }

        return new QueryApiResponse(result, transactionId, expires, clusterAffinity);
    }

    private static List<CypherRow> ReadRows(JsonElement data, List<string> fields, bool typed)
    {
        if (!data.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var fieldIndex = new Dictionary<string, int>(fields.Count, StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            fieldIndex[fields[i]] = i;
        }

        var rows = new List<CypherRow>(values.GetArrayLength());
        foreach (var row in values.EnumerateArray())
        {
            var cells = new object?[row.GetArrayLength()];
            var column = 0;
            foreach (var cell in row.EnumerateArray())
            {
                cells[column++] = typed ? TypedValueReader.Read(cell) : PlainValueReader.Read(cell);
            }

            rows.Add(new CypherRow(fields, fieldIndex, cells));
        }

        return rows;
    }

    private static CypherCounters ReadCounters(JsonElement counters)
    {
        int Count(string name) => counters.TryGetProperty(name, out var value) ? value.GetInt32() : 0;
        bool Flag(string name) => counters.TryGetProperty(name, out var value) && value.GetBoolean();

        return new CypherCounters
        {
            ContainsUpdates = Flag("containsUpdates"),
            NodesCreated = Count("nodesCreated"),
            NodesDeleted = Count("nodesDeleted"),
            PropertiesSet = Count("propertiesSet"),
            RelationshipsCreated = Count("relationshipsCreated"),
            RelationshipsDeleted = Count("relationshipsDeleted"),
            LabelsAdded = Count("labelsAdded"),
            LabelsRemoved = Count("labelsRemoved"),
            IndexesAdded = Count("indexesAdded"),
            IndexesRemoved = Count("indexesRemoved"),
            ConstraintsAdded = Count("constraintsAdded"),
            ConstraintsRemoved = Count("constraintsRemoved"),
            ContainsSystemUpdates = Flag("containsSystemUpdates"),
            SystemUpdates = Count("systemUpdates"),
        };
    }

    private static List<CypherNotification> ReadNotifications(JsonElement notifications) =>
        [.. notifications.EnumerateArray().Select(notification => new CypherNotification(
            StringOf(notification, "code"),
            StringOf(notification, "severity"),
            StringOf(notification, "title"),
            StringOf(notification, "description"),
            notification.TryGetProperty("category", out var category) ? category.GetString() : null,
            notification.TryGetProperty("position", out var position) && position.ValueKind == JsonValueKind.Object
                ? new CypherInputPosition(
                    position.GetProperty("offset").GetInt32(),
                    position.GetProperty("line").GetInt32(),
                    position.GetProperty("column").GetInt32())
                : null))];

    private static List<string> ReadStrings(JsonElement array) =>
        [.. array.EnumerateArray().Select(item => item.GetString() ?? "")];

    private static string StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";
}
