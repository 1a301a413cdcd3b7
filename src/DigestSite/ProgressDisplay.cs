using System.Diagnostics;

namespace DigestSite.Cli;

/// <summary>
/// Shows a build's progress. On a terminal, one line rewritten in place (at most ten times a
/// second) and cleared at the end, so only the summary stays; in a log (output redirected), one
/// plain line per step, never a carriage return or an escape sequence.
/// </summary>
internal sealed class ProgressDisplay : IProgress<BuildProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly Lock gate = new();
    private readonly bool onTerminal = !Console.IsOutputRedirected;
    private readonly Stopwatch sinceDrawn = Stopwatch.StartNew();
    private string? step;
    private bool drawn;

    public void Report(BuildProgress value)
    {
        lock (gate)
        {
            bool newStep = value.Step != step;
            step = value.Step;
            if (!onTerminal)
            {
                if (newStep) Console.WriteLine(value.Total > 0 ? $"{value.Step} ({value.Total:N0})…" : $"{value.Step}…");
                return;
            }
            if (!newStep && sinceDrawn.Elapsed < Interval) return;
            var counted = value.Total > 0 ? $" {value.Done:N0}/{value.Total:N0}" : "";
            Console.Write($"\r\u001b[2K{value.Step}…{counted}");
            drawn = true;
            sinceDrawn.Restart();
        }
    }

    /// <summary>Clears the progress line, so what follows starts on a clean line.</summary>
    public void Finish()
    {
        lock (gate)
        {
            if (drawn) Console.Write("\r\u001b[2K");
            drawn = false;
        }
    }
}
