using Microsoft.Data.Sqlite;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;

namespace SupplyGraph.Store.Embedded;

/// <summary>
/// Reads the whole store into a <see cref="GraphIndex"/>. Entities (JSON to decode: the costly part) and
/// relationships (plain columns) are read at the same time on two connections, then joined: relationship rows
/// name entity row numbers, which become node numbers through one array. No record is made per relationship.
/// </summary>
internal static class SqliteIndexLoader
{
    public static GraphIndex Load(Func<SqliteConnection> open, string origin)
    {
        var entities = Task.Run(() =>
        {
            using var connection = open();
            return ReadEntities(connection, origin);
        });
        var relationships = Task.Run(() =>
        {
            using var connection = open();
            return ReadRelationships(connection, origin);
        });
        var (nodes, nodeOfRow) = entities.GetAwaiter().GetResult();
        var rows = relationships.GetAwaiter().GetResult();

        var builder = new GraphIndexBuilder(nodes.Count, rows.Count);
        foreach (var entity in nodes)
        {
            builder.AddNode(entity);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            builder.AddEdge(
                Node(rows.FromRow[i]),
                Node(rows.ToRow[i]),
                rows.Type[i],
                rows.ValidFrom[i],
                rows.ValidTo[i],
                rows.Status[i],
                rows.ExplicitKeys.GetValueOrDefault(i),
                rows.Notes.GetValueOrDefault(i),
                rows.SourceLists[rows.SourceList[i]]);
        }

        return builder.Build();

        int Node(long row) => row < nodeOfRow.Length && nodeOfRow[row] >= 0
            ? nodeOfRow[row]
            : throw new InvalidOperationException($"{origin} has a relationship to entity row {row}, which does not exist.");
    }

    /// <summary>The document titles (a small table; none in a file made before it existed).</summary>
    public static DocumentTitles LoadTitles(Func<SqliteConnection> open)
    {
        using var connection = open();
        if (!SqliteSchema.HasTable(connection, "documents"))
        {
            return DocumentTitles.None;
        }

        var documents = new List<DocumentTitle>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT document, title, url FROM documents;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            documents.Add(new DocumentTitle(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return new DocumentTitles(documents);
    }

    private static (List<Entity> Nodes, int[] NodeOfRow) ReadEntities(SqliteConnection connection, string origin)
    {
        var count = (int)Scalar(connection, "SELECT count(*) FROM entities;");
        var maxRow = Scalar(connection, "SELECT coalesce(max(node), 0) FROM entities;");
        var rows = new long[count];
        var entities = new Entity[count];
        var read = 0;
        var decoder = new EntityJsonReader(origin);

        // Read in row order (a sequential scan; "ORDER BY id" would visit rows at random), then sort by id here.
        using (var query = new PreparedStatement(connection, "SELECT node, json FROM entities;"))
        {
            while (query.NextRow())
            {
                if (read == count)
                {
                    throw new InvalidOperationException($"{origin} changed while it was being read.");
                }

                rows[read] = query.Int64(0);
                entities[read] = decoder.Read(query.Utf8(1));
                read++;
            }
        }

        var ids = new string[read];
        for (var i = 0; i < read; i++)
        {
            ids[i] = entities[i].Id;
        }

        var order = new int[read];
        for (var i = 0; i < read; i++)
        {
            order[i] = i;
        }

        Array.Sort(ids, order, StringComparer.Ordinal);
        var nodes = new List<Entity>(read);
        var nodeOfRow = new int[maxRow + 1];
        Array.Fill(nodeOfRow, -1);
        foreach (var index in order)
        {
            nodeOfRow[rows[index]] = nodes.Count;
            nodes.Add(entities[index]);
        }

        return (nodes, nodeOfRow);
    }

    private static RelationshipRows ReadRelationships(SqliteConnection connection, string origin)
    {
        var types = Lookup<RelationshipType>(connection, "SELECT code, name FROM relationship_types;", RelationshipTypes.TryParse, origin);
        var statuses = Lookup<RelationshipStatus>(connection, "SELECT code, name FROM relationship_statuses;", WireNames.TryParse, origin);
        var rows = new RelationshipRows((int)Scalar(connection, "SELECT count(*) FROM relationships;"), SourceLists(connection, origin));

        // Millions of rows: read through the SQLite handle itself, column by column, without a data reader.
        using var query = new PreparedStatement(connection, """
            SELECT from_node, type, to_node, nullif(key, ''), valid_from, valid_to, status, note, sources
            FROM relationships;
            """);
        var i = 0;
        while (query.NextRow())
        {
            if (i == rows.Count)
            {
                throw new InvalidOperationException($"{origin} changed while it was being read.");
            }

            rows.FromRow[i] = query.Int64(0);
            rows.Type[i] = Coded(types, query.Int64(1), "relationship type", origin);
            rows.ToRow[i] = query.Int64(2);
            if (!query.IsNull(3))
            {
                rows.ExplicitKeys[i] = query.Text(3);
            }

            rows.ValidFrom[i] = query.Date(4);
            rows.ValidTo[i] = query.Date(5);
            rows.Status[i] = Coded(statuses, query.Int64(6), "relationship status", origin);
            if (!query.IsNull(7))
            {
                rows.Notes[i] = query.Text(7);
            }

            rows.SourceList[i] = query.Int64(8);
            i++;
        }

        return rows;
    }

    private static TEnum Coded<TEnum>(TEnum?[] byCode, long code, string what, string origin)
        where TEnum : struct =>
        code >= 0 && code < byCode.Length && byCode[code] is { } value
            ? value
            : throw new InvalidOperationException($"{origin} has {what} code {code}, which its lookup table does not name.");

    private delegate bool Parser<TEnum>(string? text, out TEnum value);

    private static TEnum?[] Lookup<TEnum>(SqliteConnection connection, string sql, Parser<TEnum> parse, string origin)
        where TEnum : struct
    {
        var codes = new Dictionary<long, TEnum>();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var name = reader.GetString(1);
            codes[reader.GetInt64(0)] = parse(name, out var value)
                ? value
                : throw new InvalidOperationException($"{origin} names \"{name}\", which this build does not know.");
        }

        var byCode = new TEnum?[codes.Count == 0 ? 0 : codes.Keys.Max() + 1];
        foreach (var (code, value) in codes)
        {
            byCode[code] = value;
        }

        return byCode;
    }

    private static Dictionary<long, IReadOnlyList<Source>> SourceLists(SqliteConnection connection, string origin)
    {
        var lists = new Dictionary<long, IReadOnlyList<Source>>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT list, json FROM source_lists;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            lists[reader.GetInt64(0)] = DatasetReader.ReadSourcesJson(reader.GetString(1), origin);
        }

        return lists;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Relationship rows column by column, as read, before their entity rows become node numbers.</summary>
    private sealed class RelationshipRows(int count, Dictionary<long, IReadOnlyList<Source>> sourceLists)
    {
        public int Count { get; } = count;

        public long[] FromRow { get; } = new long[count];

        public long[] ToRow { get; } = new long[count];

        public RelationshipType[] Type { get; } = new RelationshipType[count];

        public RelationshipStatus[] Status { get; } = new RelationshipStatus[count];

        public DateOnly?[] ValidFrom { get; } = new DateOnly?[count];

        public DateOnly?[] ValidTo { get; } = new DateOnly?[count];

        public long[] SourceList { get; } = new long[count];

        public Dictionary<int, string> ExplicitKeys { get; } = [];

        public Dictionary<int, string> Notes { get; } = [];

        public Dictionary<long, IReadOnlyList<Source>> SourceLists { get; } = sourceLists;
    }
}
