using System.Runtime.InteropServices;

namespace SupplyGraph.Cli;

/// <summary>
/// Turns the first Ctrl-C (SIGINT) or SIGTERM into a cancellation, so the running verb stops at its next check and an
/// import rolls its transaction back; a second Ctrl-C ends the process at once (the store is still safe: an
/// uncommitted SQLite transaction is undone when the file is next opened).
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource source;
    private readonly PosixSignalRegistration? interrupt;
    private readonly PosixSignalRegistration? terminate;

    private Interruption(CliConsole console, CancellationToken outer)
    {
        source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        if (!OperatingSystem.IsBrowser())
        {
            interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, console));
            terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, console));
        }
    }

    public CancellationToken Token => source.Token;

    public static Interruption Listen(CliConsole console, CancellationToken outer) => new(console, outer);

    public void Dispose()
    {
        interrupt?.Dispose();
        terminate?.Dispose();
        source.Dispose();
    }

    private void Stop(PosixSignalContext context, CliConsole console)
    {
        if (source.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        console.Error.WriteLine();
        console.Error.WriteLine("Stopping (an import in progress is rolled back: the store stays as it was before that input). Press Ctrl-C again to quit at once.");
        source.Cancel();
    }
}
