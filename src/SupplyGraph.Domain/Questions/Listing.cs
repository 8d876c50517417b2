using System.Buffers.Text;
using System.Text.Json;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Questions;

/// <summary>
/// The read API over a <see cref="GraphIndex"/>: filtered, ordered pages of entities and of one entity's relationships,
/// and counts in groups. A page is found in one pass over what matches, keeping only the <c>first + 1</c> smallest items
/// after the cursor, so a page costs the matches' count, not a sort of them.
/// </summary>
/// <remarks>
/// A cursor is the base64url of the order's name, the item's sort key and its id (or key): the next page starts at
/// the first item after that position, so a cursor stays valid, and pages stay apart, however the data changes
/// between them; on equal data the same cursor gives the same page.
/// </remarks>
internal sealed class Listing(GraphIndex graph)
{
    private const int CancellationStride = 4096;

    public Page<Entity> Entities(EntityListQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var order = question.Order;
        var after = Cursor.Read(question.After, OrderName(order));
        var page = new PageCollector<Entity>(question.First, after, order.Direction, Key, entity => entity.Id);
        for (var node = 0; node < graph.NodeCount; node++)
        {
            if (node % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (question.Where.Matches(graph.Node(node)))
            {
                page.Offer(graph.Node(node));
            }
        }

        return page.Finish(OrderName(order));

        SortValue Key(Entity entity) => order.Field switch
        {
            EntityOrderField.Name => SortValue.Of(entity.Name),
            EntityOrderField.Kind => SortValue.Of(entity.Kind.ToString()),
            EntityOrderField.Country => SortValue.Of(entity.Country?.ToUpperInvariant()),
            EntityOrderField.ReleaseDate => SortValue.Of((entity as Model)?.ReleaseDate?.DayNumber),
            EntityOrderField.Announced => SortValue.Of((entity as Regulation)?.Announced?.DayNumber),
            EntityOrderField.Effective => SortValue.Of((entity as Regulation)?.Effective.DayNumber),
            EntityOrderField.Rescinded => SortValue.Of((entity as Regulation)?.Rescinded?.DayNumber),
            _ => SortValue.Of(entity.Id),
        };
    }

    /// <summary>The relationships of <paramref name="node"/> or, when null, of the whole graph (direction then does not apply).</summary>
    public Page<Relationship> Relationships(int? node, RelationshipListQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var order = question.Order;
        var after = Cursor.Read(question.After, OrderName(order));
        var page = new PageCollector<Relationship>(question.First, after, order.Direction, Key, relationship => relationship.Record.Key);
        var examined = 0;
        if (node is not { } listed)
        {
            for (var edge = 0; edge < graph.EdgeCount; edge++)
            {
                Consider(edge, outgoing: null);
            }

            return page.Finish(OrderName(order));
        }

        foreach (var edge in graph.Outgoing(listed))
        {
            Consider(edge, outgoing: true);
        }

        foreach (var edge in graph.Incoming(listed))
        {
            // A relationship from the entity to itself was listed as outgoing already.
            if (graph.From(edge) != listed)
            {
                Consider(edge, outgoing: false);
            }
        }

        return page.Finish(OrderName(order));

        void Consider(int edge, bool? outgoing)
        {
            if (examined++ % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var record = graph.Edge(edge);
            if (question.Where.Matches(record, outgoing))
            {
                page.Offer(new Relationship(record, graph.Node(graph.From(edge)), graph.Node(graph.To(edge))));
            }
        }

        SortValue Key(Relationship relationship) => order.Field switch
        {
            RelationshipOrderField.Type => SortValue.Of(relationship.Type.Name()),
            RelationshipOrderField.Status => SortValue.Of((long)relationship.Record.Status),
            RelationshipOrderField.ValidFrom => SortValue.Of(relationship.Record.ValidFrom?.DayNumber),
            RelationshipOrderField.ValidTo => SortValue.Of(relationship.Record.ValidTo?.DayNumber),
            // Only with an entity (RelationshipListQuestion.Create refuses it without one).
            RelationshipOrderField.OtherEndName => SortValue.Of((relationship.From.Id == graph.Node(node!.Value).Id ? relationship.To : relationship.From).Name),
            _ => SortValue.Of(relationship.Record.Key),
        };
    }

    /// <summary>Counts by kind, category, country, relationship type or status (stages are counted by <see cref="GraphQuestions"/>).</summary>
    public CountsAnswer Count(CountQuestion question, int? node, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var keys = new List<string?>();
        var examined = 0;
        if (question.CountsRelationships)
        {
            if (node is { } listed)
            {
                foreach (var edge in graph.Outgoing(listed))
                {
                    CountEdge(edge, outgoing: true);
                }

                foreach (var edge in graph.Incoming(listed))
                {
                    // A relationship from the entity to itself was counted as outgoing already.
                    if (graph.From(edge) != listed)
                    {
                        CountEdge(edge, outgoing: false);
                    }
                }
            }
            else
            {
                for (var edge = 0; edge < graph.EdgeCount; edge++)
                {
                    CountEdge(edge, outgoing: null);
                }
            }
        }
        else
        {
            for (var each = 0; each < graph.NodeCount; each++)
            {
                Step();
                var entity = graph.Node(each);
                if (question.Where?.Matches(entity) != false)
                {
                    keys.Add(question.By switch
                    {
                        CountDimension.EntityKind => entity.Kind.ToString().ToUpperInvariant(),
                        CountDimension.EntityCategory => entity is Actor actor ? WireNames.ToWire(actor.Category) : null,
                        _ => entity.Country?.ToUpperInvariant(),
                    });
                }
            }
        }

        return Grouped(question.By, keys);

        void CountEdge(int edge, bool? outgoing)
        {
            Step();

            // A record is made only when the filter reads one: counting every relationship of a large graph stays cheap.
            if ((question.AsOf is { } day && !graph.IsValidOn(edge, day.DayNumber))
                || (question.RelationshipWhere is { } where && !where.Matches(graph.Edge(edge), outgoing)))
            {
                return;
            }

            keys.Add(question.By == CountDimension.RelationshipType ? graph.Type(edge).Name() : WireNames.ToWire(graph.Status(edge)));
        }

        void Step()
        {
            if (examined++ % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>Groups by size, largest first, then by key (ordinal), the unset group last among equals.</summary>
    public static CountsAnswer Grouped(CountDimension by, IEnumerable<string?> keys)
    {
        var groups = keys
            .GroupBy(key => key ?? string.Empty, StringComparer.Ordinal)
            .Select(group => new CountGroup(group.Key.Length == 0 ? null : group.Key, group.Count()))
            .OrderByDescending(group => group.Count)
            .ThenBy(group => group.Key is null)
            .ThenBy(group => group.Key, StringComparer.Ordinal)
            .ToList();
        return new CountsAnswer(by, groups, groups.Sum(group => group.Count));
    }

    private static string OrderName(EntityOrder order) => $"entities:{order.Field}:{order.Direction}";

    private static string OrderName(RelationshipOrder order) => $"relationships:{order.Field}:{order.Direction}";

    /// <summary>Keeps the <c>first + 1</c> smallest items after the cursor, and counts every item offered.</summary>
    private sealed class PageCollector<T>(int first, (SortValue Value, string Id)? after, SortDirection direction, Func<T, SortValue> keyOf, Func<T, string> idOf)
    {
        // The largest kept item is dequeued first, so the queue orders by the reverse of the page order.
        private readonly PriorityQueue<(T Item, SortValue Key, string Id), (SortValue Key, string Id)> kept =
            new(Comparer<(SortValue Key, string Id)>.Create((left, right) => Compare(right, left, direction)));

        private int total;

        public void Offer(T item)
        {
            total++;
            var key = (keyOf(item), idOf(item));
            if (after is { } start && Compare(key, start, direction) <= 0)
            {
                return;
            }

            if (kept.Count <= first)
            {
                kept.Enqueue((item, key.Item1, key.Item2), key);
            }
            else if (kept.TryPeek(out _, out var largest) && Compare(key, largest, direction) < 0)
            {
                kept.EnqueueDequeue((item, key.Item1, key.Item2), key);
            }
        }

        public Page<T> Finish(string orderName)
        {
            var items = new List<(T Item, SortValue Key, string Id)>(kept.Count);
            while (kept.TryDequeue(out var item, out _))
            {
                items.Add(item);
            }

            items.Reverse();
            var hasNext = items.Count > first;
            var edges = items.Take(first).Select(item => new PageItem<T>(Cursor.Write(orderName, item.Key, item.Id), item.Item)).ToList();
            return new Page<T>(edges, hasNext, total);
        }

        private static int Compare((SortValue Key, string Id) left, (SortValue Key, string Id) right, SortDirection direction)
        {
            var byKey = left.Key.CompareTo(right.Key, direction);
            return byKey != 0 ? byKey : string.CompareOrdinal(left.Id, right.Id);
        }
    }

    /// <summary>A sort key: a text (ordered ignoring case, then exactly), a number, or nothing (last either way).</summary>
    private readonly record struct SortValue(string? Text, long? Number)
    {
        public static SortValue Of(string? text) => new(text, null);

        public static SortValue Of(long? number) => new(null, number);

        public bool IsNull => Text is null && Number is null;

        public int CompareTo(SortValue other, SortDirection direction)
        {
            if (IsNull || other.IsNull)
            {
                return IsNull.CompareTo(other.IsNull);
            }

            var ascending = Number is { } number
                ? number.CompareTo(other.Number ?? long.MinValue)
                : Fold(StringComparer.OrdinalIgnoreCase.Compare(Text, other.Text), string.CompareOrdinal(Text, other.Text));
            return direction == SortDirection.Descending ? -ascending : ascending;
        }

        private static int Fold(int first, int second) => first != 0 ? first : second;
    }

    /// <summary>Opaque cursors: base64url of a small JSON array [order, text or number or null, id].</summary>
    private static class Cursor
    {
        public static string Write(string orderName, SortValue key, string id)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(new object?[] { orderName, (object?)key.Text ?? key.Number, id });
            return Base64Url.EncodeToString(json);
        }

        public static (SortValue Value, string Id)? Read(string? cursor, string orderName)
        {
            if (cursor is null)
            {
                return null;
            }

            const string Problem = "after is not a cursor of this list in this order: pass pageInfo.endCursor (or an edge's cursor) of a page asked with the same order.";
            try
            {
                if (cursor.Length > 4096)
                {
                    throw new InvalidArgumentException("after", Problem);
                }

                using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(cursor));
                var parts = document.RootElement;
                if (parts.ValueKind != JsonValueKind.Array || parts.GetArrayLength() != 3
                    || parts[0].ValueKind != JsonValueKind.String || parts[0].GetString() != orderName
                    || parts[2].ValueKind != JsonValueKind.String)
                {
                    throw new InvalidArgumentException("after", Problem);
                }

                var value = parts[1].ValueKind switch
                {
                    JsonValueKind.String => SortValue.Of(parts[1].GetString()),
                    JsonValueKind.Number => SortValue.Of(parts[1].GetInt64()),
                    JsonValueKind.Null => default,
                    _ => throw new InvalidArgumentException("after", Problem),
                };
                return (value, parts[2].GetString()!);
            }
            catch (Exception exception) when (exception is FormatException or JsonException or InvalidOperationException)
            {
                throw new InvalidArgumentException("after", Problem);
            }
        }
    }
}
