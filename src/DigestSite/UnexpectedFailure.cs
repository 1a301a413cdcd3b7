namespace DigestSite.Cli;

/// <summary>
/// A failure no rule foresaw (a disk full, a folder that cannot be read): one line that says what
/// happened, never a stack trace (DIGESTSITE_DEBUG=1 adds it, for a bug report). A build that
/// fails so has swapped nothing in: the previous output stays as it was, or, if it failed
/// during the swap itself, the next build finishes that swap first.
/// </summary>
internal static class UnexpectedFailure
{
    public const string DebugVariable = "DIGESTSITE_DEBUG";

    public static void Report(Exception exception, TextWriter error)
    {
        var e = exception is AggregateException { InnerExceptions.Count: 1 } one ? one.InnerException! : exception;
        error.WriteLine($"error: {OneLine(e.Message)} ({e.GetType().Name}; {DebugVariable}=1 shows where it happened)");
        if (Environment.GetEnvironmentVariable(DebugVariable) == "1") error.WriteLine(exception);
    }

    /// <summary>The message on one line, with no control character reaching the terminal raw.</summary>
    private static string OneLine(string message) =>
        string.Concat(message.Trim().Select(c => char.IsControl(c) ? (c is '\n' or '\r' or '\t' ? " " : $"\\u{(int)c:X4}") : c.ToString()));
}
