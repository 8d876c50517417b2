namespace SupplyGraph.Domain.Datasets;

/// <summary>One thing wrong with a dataset file, located by JSON path and, where known, line and column.</summary>
public sealed record DatasetError(string File, string JsonPath, int? Line, int? Column, string Message)
{
    public override string ToString() =>
        Line is { } line
            ? $"{File}:{line}:{Column ?? 1}: {JsonPath}: {Message}"
            : $"{File}: {JsonPath}: {Message}";
}
