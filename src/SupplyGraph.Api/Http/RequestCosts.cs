using System.Security.Cryptography;
using System.Text;

namespace SupplyGraph.Api.Http;

/// <summary>
/// What a request is, for predicting its cost: the request itself (its text, operation name and variables, hashed:
/// the same document with other variables may walk a hub instead of a leaf, so it is another request) and what its
/// syntax tree says, for the first time it is seen.
/// </summary>
internal readonly record struct RequestCostKey(UInt128 Document, bool WalksTheGraph, int StoreRootFields)
{
    public static RequestCostKey For(string query, string? operationName, IReadOnlyDictionary<string, object?>? variables, QueryAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(analysis);
        var text = new StringBuilder(operationName).Append('\n').Append(query).Append('\n');
        AppendValue(text, variables);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        return new RequestCostKey(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash),
            analysis.WalksTheGraph,
            analysis.StoreRootFields);
    }

    /// <summary>Writes a variables value so that equal values write equal text (maps in key order).</summary>
    private static void AppendValue(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string plain:
                text.Append('"').Append(plain.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                text.Append('{');
                foreach (var (name, item) in map.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    text.Append(name).Append(':');
                    AppendValue(text, item);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case System.Collections.IEnumerable list:
                text.Append('[');
                foreach (var item in list)
                {
                    AppendValue(text, item);
                    text.Append(',');
                }

                text.Append(']');
                break;
            default:
                text.Append(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}

/// <summary>
/// The processor time each request's store calls took (<see cref="StoreCpuTime"/>), smoothed over its last runs (a
/// moving average), kept for a bounded number of requests (the least recently run go first).
/// </summary>
internal sealed class RequestCosts(TimeSpan expensive)
{
    /// <summary>Documents remembered at most.</summary>
    public const int Capacity = 10_000;

    /// <summary>Predicted under this (in milliseconds), a request takes no turn.</summary>
    public const double FreeBelowMilliseconds = 2;

    /// <summary>What a lookup root field (entity, search, profile) is presumed to cost before it has run.</summary>
    public const double PresumedLookupMilliseconds = 1;

    /// <summary>How much one run moves the average: recent runs count most, one odd run does not flip a lane.</summary>
    private const double Smoothing = 0.3;

    private readonly Lock sync = new();
    private readonly Dictionary<UInt128, LinkedListNode<(UInt128 Document, double Milliseconds)>> byDocument = [];
    private readonly LinkedList<(UInt128 Document, double Milliseconds)> recency = new();

    public TimeSpan Expensive { get; } = expensive;

    public int Count
    {
        get
        {
            lock (sync)
            {
                return byDocument.Count;
            }
        }
    }

    /// <summary>The milliseconds a request is expected to take: what its document took before, else its presumed cost.</summary>
    public double Predicted(RequestCostKey key)
    {
        lock (sync)
        {
            if (byDocument.TryGetValue(key.Document, out var known))
            {
                return known.Value.Milliseconds;
            }
        }

        return key.WalksTheGraph ? Expensive.TotalMilliseconds : key.StoreRootFields * PresumedLookupMilliseconds;
    }

    /// <summary>
    /// The lane: expensive from the threshold up; no turn below <see cref="FreeBelowMilliseconds"/>, but only for
    /// lookups (a walk always takes a turn, so a flood of one walk cannot start ungated before its first run ends).
    /// </summary>
    public RequestLane LaneOf(RequestCostKey key)
    {
        var predicted = Predicted(key);
        return predicted >= Expensive.TotalMilliseconds ? RequestLane.Expensive
            : predicted < FreeBelowMilliseconds && !key.WalksTheGraph ? RequestLane.Free
            : RequestLane.Cheap;
    }

    public void Record(RequestCostKey key, TimeSpan took)
    {
        var milliseconds = took.TotalMilliseconds;
        lock (sync)
        {
            if (byDocument.TryGetValue(key.Document, out var known))
            {
                recency.Remove(known);
                known.Value = (key.Document, known.Value.Milliseconds + (Smoothing * (milliseconds - known.Value.Milliseconds)));
                recency.AddFirst(known);
                return;
            }

            if (byDocument.Count >= Capacity && recency.Last is { } oldest)
            {
                recency.RemoveLast();
                byDocument.Remove(oldest.Value.Document);
            }

            byDocument[key.Document] = recency.AddFirst((key.Document, milliseconds));
        }
    }
}
