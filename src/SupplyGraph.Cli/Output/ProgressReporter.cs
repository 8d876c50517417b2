using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace SupplyGraph.Cli.Output;

/// <summary>
/// Shows how long work is getting on: a live bar with the count and the rate when standard error is a terminal,
/// plain lines every <see cref="CliConsole.ProgressInterval"/> when it is redirected (logs, CI).
/// </summary>
internal static class ProgressReporter
{
    /// <summary>Runs <paramref name="work"/>, which reports the number of <paramref name="unit"/> done so far.</summary>
    public static async Task<T> RunAsync<T>(CliConsole console, string label, string unit, Func<Action<long>, Task<T>> work)
    {
        var started = Stopwatch.GetTimestamp();
        if (console.ErrorIsTerminal)
        {
            T result = default!;
            await console.ErrorTerminal()
                .Progress()
                .AutoClear(true)
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(Markup.Escape(label));
                    task.IsIndeterminate = true;
                    result = await work(done => task.Description = Markup.Escape($"{label}: {Describe(done, unit, started)}"));
                    task.StopTask();
                });
            return result;
        }

        long latest = 0;
        using var timer = new Timer(
            _ =>
            {
                // Nothing counted yet (small inputs report every 1,000 rows) says nothing worth a line.
                if (Interlocked.Read(ref latest) is > 0 and var done)
                {
                    console.Error.WriteLine($"{label}: {Describe(done, unit, started)}");
                }
            },
            null,
            console.ProgressInterval,
            console.ProgressInterval);
        return await work(done => Interlocked.Exchange(ref latest, done));
    }

    public static string Describe(long done, string unit, long started)
    {
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var rate = seconds > 0 ? done / seconds : 0;
        return string.Create(CultureInfo.InvariantCulture, $"{done:N0} {unit} ({rate:N0} {unit}/s)");
    }
}
