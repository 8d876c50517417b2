using System.Globalization;

namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>
/// One result row. Values are plain .NET values: null, bool, long, double, string, byte[], DateOnly,
/// DateTimeOffset, DateTime (local date-time), TimeOnly (local time), lists, string-keyed maps, and the
/// Cypher* types for what .NET has no type of its own.
/// </summary>
internal sealed class CypherRow
{
    private readonly IReadOnlyDictionary<string, int> fieldIndex;
    private readonly object?[] values;

    internal CypherRow(IReadOnlyList<string> fields, IReadOnlyDictionary<string, int> fieldIndex, object?[] values)
    {
        Fields = fields;
        this.fieldIndex = fieldIndex;
        this.values = values;
    }

    public IReadOnlyList<string> Fields { get; }

    public IReadOnlyList<object?> Values => values;

    public object? this[int index] => values[index];

    public object? this[string field] => values[IndexOf(field)];

    /// <summary>
    /// The value of <paramref name="field"/> as <typeparamref name="T"/>. Integers and floats convert to other
    /// numeric types when the value fits; anything else must already be a <typeparamref name="T"/>.
    /// </summary>
    public T Get<T>(string field)
    {
        var value = this[field];
        switch (value)
        {
            case T typed:
                return typed;
            case null when default(T) is null:
                return default!;
            case null:
                throw new InvalidCastException($"Field '{field}' is null, which a {typeof(T).Name} cannot hold.");
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (value is long or double && target.IsPrimitive && target != typeof(bool) && target != typeof(char))
        {
            // Checked conversion: an Integer that does not fit an int is an error, not a silent wrap.
            return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }

        throw new InvalidCastException($"Field '{field}' holds a {value.GetType().Name}, not a {typeof(T).Name}.");
    }

    private int IndexOf(string field) =>
        fieldIndex.TryGetValue(field, out var index)
            ? index
            : throw new KeyNotFoundException($"The result has no field '{field}'; it has: {string.Join(", ", Fields)}.");
}
