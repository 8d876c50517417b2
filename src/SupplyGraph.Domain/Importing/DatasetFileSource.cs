using SupplyGraph.Domain.Datasets;

namespace SupplyGraph.Domain.Importing;

/// <summary>
/// A dataset file in the JSON format (datasets/README.md), streamed through <see cref="DatasetReader"/>. The format is
/// self-contained: every relationship's ends must be entities of the same file, so the store is not consulted.
/// </summary>
public sealed class DatasetFileSource : IDatasetSource
{
    private readonly Func<Stream> open;

    public DatasetFileSource(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Name = System.IO.Path.GetFileName(path);
        Length = new FileInfo(path).Length;
        open = () => File.OpenRead(path);
    }

    /// <summary>Reads from a stream the caller owns (and disposes); it can be read once.</summary>
    public DatasetFileSource(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        Name = fileName;
        Length = stream.CanSeek ? stream.Length - stream.Position : null;
        var read = false;
        open = () =>
        {
            if (read)
            {
                throw new InvalidOperationException($"The stream of {fileName} was read already.");
            }

            read = true;
            return new NonDisposing(stream);
        };
    }

    public string Name { get; }

    public long? Length { get; }

    public Task<DatasetHeader> ReadIntoAsync(IDatasetSink sink, IEntityLookup existing, CancellationToken cancellationToken)
    {
        using var stream = open();
        return Task.FromResult(DatasetReader.ReadInto(stream, Name, sink, cancellationToken));
    }

    /// <summary>Leaves the caller's stream open when the read is done.</summary>
    private sealed class NonDisposing(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
