using System.IO.Pipelines;
using System.Text;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Formats.Json;
using YamlDotNet.Core;

namespace SupplyGraph.Formats.Yaml;

/// <summary>
/// A dataset file written as YAML: the fields and rules of datasets/README.md, in YAML syntax. The YAML is not checked
/// here: its parser's events are turned into JSON text, on another thread, and piped into <see cref="DatasetReader"/>,
/// so every rule and message is the JSON reader's. The JSON is laid out so that each value starts at the line (and,
/// where there is room, the column) of its YAML node, so the reader's <c>file:line:column</c> points into the YAML.
/// Plain scalars follow the YAML 1.2 core schema (null, ~ and nothing are null; true and false are booleans; integers
/// and floats are numbers; everything else, dates included, is text); quoted and block scalars are always text.
/// Anchors, aliases, explicit tags, more than one document and keys that are not text are errors. Both sides stream:
/// the pipe between them holds a few hundred kilobytes at most, so a file of any size is never held whole.
/// </summary>
public sealed class YamlDatasetSource : IDatasetSource
{
    // The converter waits once this much JSON is waiting for the reader, and goes on when half of it was read.
    private const int PipeLimit = 256 * 1024;
    private const int FlushEvery = 32 * 1024;

    private readonly SourceInput input;

    public YamlDatasetSource(string path) => input = SourceInput.FromPath(path);

    /// <summary>Reads from a stream the caller owns (and disposes); it can be read once.</summary>
    public YamlDatasetSource(Stream stream, string fileName) => input = SourceInput.FromStream(stream, fileName);

    public string Name => input.Name;

    public long? Length => input.Length;

    /// <summary>Filled in while reading, for tests: how much JSON was made and how much of it waited at most.</summary>
    internal YamlReadStatistics? Statistics { get; init; }

    public async Task<DatasetHeader> ReadIntoAsync(IDatasetSink sink, IEntityLookup existing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: PipeLimit, resumeWriterThreshold: PipeLimit / 2, useSynchronizationContext: false));
        var json = new CountingStream(pipe.Reader.AsStream());
        var producer = Task.Run(() => ProduceAsync(pipe.Writer, json, cancellationToken), CancellationToken.None);
        try
        {
            // The reader runs here, so the sink is called on the caller's thread as with a JSON file.
            return DatasetReader.ReadInto(json, input.Location, sink, cancellationToken);
        }
        catch (YamlRejectedException rejected)
        {
            throw new DatasetValidationException([rejected.Error]);
        }
        finally
        {
            // Tells a converter that is still writing (the read was cancelled or failed) to stop.
            await pipe.Reader.CompleteAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }

    private async Task ProduceAsync(PipeWriter output, CountingStream json, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            using var text = new StreamReader(new Utf8CheckingStream(input.Open()), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024);
            var layout = new JsonLayout(output);
            var converter = new YamlToJson(new Parser(text), layout, input.Location);
            while (converter.Step())
            {
                if (layout.Unflushed < FlushEvery)
                {
                    continue;
                }

                Statistics?.Record(layout.Written - json.BytesRead);
                layout.Flushed();
                var flushed = await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (flushed.IsCompleted)
                {
                    return;
                }
            }

            Statistics?.Record(layout.Written - json.BytesRead);
        }
        catch (NotUtf8Exception notUtf8)
        {
            // Columns in characters, as YamlDotNet counts them.
            var fault = notUtf8.Fault;
            failure = new YamlRejectedException(new DatasetError(input.Location, "$", fault.Line, fault.CharacterColumn, $"the file is not valid UTF-8 (first bad byte at offset {fault.Offset})"));
        }
#pragma warning disable CA1031 // Every failure, whatever it is, must reach the reader's thread, which rethrows it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            failure = exception;
        }

        await output.CompleteAsync(failure).ConfigureAwait(false);
    }

    /// <summary>The reader's side of the pipe, counting what it took.</summary>
    private sealed class CountingStream(Stream inner) : PassThroughStream(inner)
    {
        private long bytesRead;

        public long BytesRead => Interlocked.Read(ref bytesRead);

        protected override void OnRead(ReadOnlySpan<byte> read, int asked) => Interlocked.Add(ref bytesRead, read.Length);
    }
}

/// <summary>What a YAML read cost: the JSON made, and the most of it that waited in the pipe for the reader.</summary>
internal sealed class YamlReadStatistics
{
    private long largestBacklog;

    public long LargestBacklog => Interlocked.Read(ref largestBacklog);

    public void Record(long backlog)
    {
        long seen;
        while (backlog > (seen = Interlocked.Read(ref largestBacklog)) && Interlocked.CompareExchange(ref largestBacklog, backlog, seen) != seen)
        {
        }
    }
}
