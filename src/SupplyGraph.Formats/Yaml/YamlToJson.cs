using System.Globalization;
using System.Text;
using System.Text.Json;
using SupplyGraph.Domain.Datasets;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SupplyGraph.Formats.Yaml;

/// <summary>
/// Turns the YAML parser's events into JSON tokens, one event at a time, laid out by <see cref="JsonLayout"/>. Only
/// the plain JSON subset of YAML passes: one document, text keys, no anchors, aliases or explicit tags; anything else
/// stops the conversion with a <see cref="YamlRejectedException"/> at its line and column.
/// </summary>
internal sealed class YamlToJson(IParser parser, JsonLayout layout, string fileName)
{
    private static readonly byte[] Comma = ","u8.ToArray();
    private static readonly byte[] OpenObject = "{"u8.ToArray();
    private static readonly byte[] CloseObject = "}"u8.ToArray();
    private static readonly byte[] OpenArray = "["u8.ToArray();
    private static readonly byte[] CloseArray = "]"u8.ToArray();

    private readonly List<Frame> frames = [];
    private readonly ArrayBufferWriterPool scratch = new();
    private int documents;

    /// <summary>Converts the next event. False once the stream has ended.</summary>
    public bool Step()
    {
        ParsingEvent next;
        try
        {
            if (!parser.MoveNext())
            {
                return false;
            }

            next = parser.Current!;
        }
        catch (YamlException exception)
        {
            throw Rejected(exception.Start, $"not valid YAML: {MessageOf(exception)}");
        }

        switch (next)
        {
            case DocumentStart start:
                if (++documents > 1)
                {
                    throw Rejected(start.Start, "a dataset file holds one YAML document; this is a second one");
                }

                break;
            case AnchorAlias alias:
                throw Rejected(alias.Start, $"aliases (*{alias.Value}) are not supported in a dataset file; write the value out in full");
            case Scalar scalar:
                Check(scalar);
                OnScalar(scalar);
                break;
            case MappingStart mapping:
                Check(mapping);
                BeforeNode(mapping, "a mapping");
                layout.Placed(OpenObject, mapping.Start.Line, mapping.Start.Column);
                frames.Add(new Frame(IsMapping: true));
                break;
            case SequenceStart sequence:
                Check(sequence);
                BeforeNode(sequence, "a sequence");
                layout.Placed(OpenArray, sequence.Start.Line, sequence.Start.Column);
                frames.Add(new Frame(IsMapping: false));
                break;
            case MappingEnd or SequenceEnd:
                layout.Attached(frames[^1].IsMapping ? CloseObject : CloseArray);
                frames.RemoveAt(frames.Count - 1);
                AfterNode();
                break;
            case StreamEnd:
                if (documents == 0)
                {
                    throw new YamlRejectedException(new DatasetError(fileName, "$", 1, 1, "the file is empty (or holds only whitespace and comments); a dataset is a YAML mapping with \"format\", \"version\", \"entities\" and \"relationships\""));
                }

                layout.Finish();
                break;
        }

        return true;
    }

    private static string MessageOf(YamlException exception)
    {
        // YamlDotNet puts both marks in front of the message; the error names the position already.
        var message = exception.Message;
        var prefix = $"({exception.Start}) - ({exception.End}): ";
        return message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message;
    }

    private void Check(NodeEvent node)
    {
        if (!node.Anchor.IsEmpty)
        {
            throw Rejected(node.Start, $"anchors (&{node.Anchor}) are not supported in a dataset file; write each value out in full");
        }

        if (!node.Tag.IsEmpty)
        {
            throw Rejected(node.Start, $"explicit tags ({node.Tag}) are not supported in a dataset file; quote a value to make it text");
        }
    }

    private void OnScalar(Scalar scalar)
    {
        if (frames.Count > 0 && frames[^1] is { IsMapping: true, Key: null } mapping)
        {
            if (mapping.Count > 0)
            {
                layout.Attached(Comma);
            }

            frames[^1] = mapping with { Key = scalar.Value };
            layout.Placed(Encode(scalar.Value, ":"), scalar.Start.Line, scalar.Start.Column);
            return;
        }

        BeforeNode(scalar, "text");
        var json = scalar.Style == ScalarStyle.Plain ? YamlScalars.Resolve(scalar.Value) : (YamlScalars.Kind.String, null);
        switch (json.Kind)
        {
            case YamlScalars.Kind.NotFinite:
                throw Rejected(scalar.Start, $"{scalar.Value} is not a number a dataset can hold (JSON has no infinity or NaN); quote it to make it text");
            case YamlScalars.Kind.String:
                layout.Value(Encode(scalar.Value, ""), scalar.Start.Line, scalar.Start.Column);
                break;
            default:
                layout.Value(Encoding.UTF8.GetBytes(json.Json!), scalar.Start.Line, scalar.Start.Column);
                break;
        }

        AfterNode();
    }

    // A node starts: a key must be text; an item after the first needs its comma.
    private void BeforeNode(NodeEvent node, string what)
    {
        if (frames.Count == 0)
        {
            return;
        }

        var parent = frames[^1];
        if (parent.IsMapping && parent.Key is null)
        {
            throw Rejected(node.Start, $"a key in a dataset file is text, not {(what == "text" ? "this" : what)}");
        }

        if (!parent.IsMapping && parent.Count > 0)
        {
            layout.Attached(Comma);
        }
    }

    private void AfterNode()
    {
        if (frames.Count > 0)
        {
            var parent = frames[^1];
            frames[^1] = parent with { Count = parent.Count + 1, Key = null };
        }
    }

    private byte[] Encode(string text, string suffix)
    {
        var buffer = scratch.Take();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStringValue(text);
        }

        var bytes = new byte[buffer.WrittenCount + suffix.Length];
        buffer.WrittenSpan.CopyTo(bytes);
        Encoding.ASCII.GetBytes(suffix, bytes.AsSpan(buffer.WrittenCount));
        return bytes;
    }

    private YamlRejectedException Rejected(Mark at, string message) =>
        new(new DatasetError(fileName, Path(), (int)Math.Min(at.Line, int.MaxValue), (int)Math.Min(at.Column, int.MaxValue), message));

    // The JSON path of the node being read, as the JSON reader names paths.
    private string Path()
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames)
        {
            if (frame.IsMapping && frame.Key is not null)
            {
                path.Append('.').Append(frame.Key);
            }
            else if (!frame.IsMapping)
            {
                path.Append(CultureInfo.InvariantCulture, $"[{frame.Count}]");
            }
        }

        return path.ToString();
    }

    /// <summary>A mapping or sequence being read: items done, and the key whose value comes next.</summary>
    private readonly record struct Frame(bool IsMapping, int Count = 0, string? Key = null);

    /// <summary>One reusable buffer for encoding strings.</summary>
    private sealed class ArrayBufferWriterPool
    {
        private readonly System.Buffers.ArrayBufferWriter<byte> buffer = new(256);

        public System.Buffers.ArrayBufferWriter<byte> Take()
        {
            buffer.ResetWrittenCount();
            return buffer;
        }
    }
}
