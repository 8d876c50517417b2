namespace SupplyGraph.Formats;

/// <summary>
/// Where a single-file source's bytes come from: a file, opened anew for each read, or a stream the caller owns (and
/// disposes), which can be read once and is left open when the read is done.
/// </summary>
internal sealed class SourceInput
{
    private readonly Func<Stream> open;

    private SourceInput(string name, string location, long? length, Func<Stream> open)
    {
        Name = name;
        Location = location;
        Length = length;
        this.open = open;
    }

    /// <summary>The file's name, without its folder; or the name the caller gave its stream.</summary>
    public string Name { get; }

    /// <summary>
    /// What errors name as the file: the path as the caller gave it (relative stays relative, so an editor or a script
    /// finds it from where the command ran); or the name the caller gave its stream.
    /// </summary>
    public string Location { get; }

    /// <summary>The bytes to read, where known.</summary>
    public long? Length { get; }

    public static SourceInput FromPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new SourceInput(Path.GetFileName(path), path, new FileInfo(path).Length, () => File.OpenRead(path));
    }

    public static SourceInput FromStream(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var read = false;
        return new SourceInput(fileName, fileName, stream.CanSeek ? stream.Length - stream.Position : null, () =>
        {
            if (read)
            {
                throw new InvalidOperationException($"The stream of {fileName} was read already.");
            }

            read = true;
            return new PassThroughStream(stream, leaveOpen: true);
        });
    }

    /// <summary>A stream of the bytes, for the reader to dispose.</summary>
    public Stream Open() => open();
}
