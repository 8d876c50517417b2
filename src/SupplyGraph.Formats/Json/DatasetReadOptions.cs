namespace SupplyGraph.Formats.Json;

/// <summary>Knobs of the streaming reader; the defaults are what the public API uses, tests turn them down.</summary>
internal sealed record DatasetReadOptions
{
    public static DatasetReadOptions Default { get; } = new();

    /// <summary>Bytes the buffer starts with; it grows only when one value the reader must see whole does not fit.</summary>
    public int InitialBufferSize { get; init; } = 64 * 1024;

    /// <summary>Errors listed before the rest are only counted, so a broken huge file cannot exhaust memory.</summary>
    public int ErrorLimit { get; init; } = DatasetReader.ErrorLimit;

    /// <summary>Filled in while reading, for tests and probes.</summary>
    public DatasetReadStatistics? Statistics { get; init; }
}

/// <summary>What a read cost: lets tests check that the file is streamed rather than held.</summary>
internal sealed class DatasetReadStatistics
{
    public int LargestBuffer { get; set; }

    public long BytesRead { get; set; }
}
