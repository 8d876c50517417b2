namespace SupplyGraph.Generator;

/// <summary>
/// Writes a synthetic supply chain in the dataset format (version 1, see datasets/README.md), streaming: entities
/// first, then relationships, through one <see cref="System.Text.Json.Utf8JsonWriter"/> flushed as it goes. Memory
/// stays at a few megabytes of per-tier weights whatever the size; nothing of the dataset is kept.
/// The same options always give the same bytes.
/// </summary>
public static class SyntheticSupplyChain
{
    /// <summary>Writes the dataset to <paramref name="output"/> (which need not be seekable) and flushes it.</summary>
    public static GeneratorSummary Write(Stream output, GeneratorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!output.CanWrite)
        {
            throw new ArgumentException("the output stream is not writable", nameof(output));
        }

        using var chain = new ChainWriter(output, options, cancellationToken);
        return chain.Run();
    }

    /// <summary>
    /// Writes the dataset to a file: first to <c>{path}.partial</c>, renamed to <paramref name="path"/> when complete,
    /// so a failed or interrupted run never leaves a truncated dataset under the real name.
    /// </summary>
    public static GeneratorSummary Write(string path, GeneratorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var partial = path + ".partial";
        try
        {
            GeneratorSummary summary;
            using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                summary = Write(file, options, cancellationToken);
            }

            File.Move(partial, path, overwrite: true);
            return summary;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }
}
