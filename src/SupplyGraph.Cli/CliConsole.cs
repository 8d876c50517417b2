using Spectre.Console;

namespace SupplyGraph.Cli;

/// <summary>
/// Where the command line writes: results to <see cref="Out"/> (what a script pipes on), progress and summaries to
/// <see cref="Error"/>. Tests give their own writers; <see cref="FromSystem"/> gives the process's.
/// </summary>
internal sealed class CliConsole
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>True when a person watches <see cref="Error"/>: progress is a live bar, not periodic lines.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>True when <see cref="Out"/> is a terminal: tables get colour and the terminal's width.</summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>How often progress lines are written when <see cref="Error"/> is not a terminal.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Opens standard output for bytes (an export); when not set, bytes go through <see cref="Out"/> as UTF-8.</summary>
    public Func<Stream>? StandardOutput { get; init; }

    public static CliConsole FromSystem() => new()
    {
        StandardOutput = Console.OpenStandardOutput,
        Out = Console.Out,
        Error = Console.Error,
        ErrorIsTerminal = !Console.IsErrorRedirected,
        OutIsTerminal = !Console.IsOutputRedirected,
    };

    public Stream OpenStandardOutput() => StandardOutput?.Invoke() ?? new TextWriterStream(Out);

    /// <summary>A Spectre console over <see cref="Out"/>; plain text and a wide fixed width when redirected, so tables do not wrap.</summary>
    public IAnsiConsole Tables()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = OutIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = OutIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!OutIsTerminal)
        {
            console.Profile.Width = 320;
        }

        return console;
    }

    /// <summary>A Spectre console over <see cref="Error"/>, for the live progress bar.</summary>
    public IAnsiConsole ErrorTerminal() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Error),
        Ansi = AnsiSupport.Detect,
        Interactive = InteractionSupport.Yes,
    });
}

/// <summary>A write-only stream that decodes UTF-8 into a text writer (sequences split across writes included).</summary>
internal sealed class TextWriterStream(TextWriter writer) : Stream
{
    private readonly System.Text.Decoder decoder = System.Text.Encoding.UTF8.GetDecoder();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var chars = new char[decoder.GetCharCount(buffer, flush: false)];
        decoder.GetChars(buffer, chars, flush: false);
        writer.Write(chars);
    }

    public override void Flush() => writer.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
