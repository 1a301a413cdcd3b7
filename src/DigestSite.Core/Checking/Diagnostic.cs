namespace DigestSite.Checking;

/// <summary>A position in a source file: 1-based line and column (UTF-16 code units).</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static readonly SourcePosition Start = new(1, 1);

    public SourcePosition ShiftLines(int lines) => this with { Line = Line + lines };
}

/// <summary>
/// One problem found in the content, where it is and what to do about it.
/// Path is relative to the content folder, with forward slashes, so tests and messages do not
/// depend on where the content lives.
/// </summary>
public sealed record Diagnostic(string Path, SourcePosition Position, string Message)
{
    /// <summary>
    /// Always one line, whatever the content quoted in it (a key written "a\nb" in YAML), so that
    /// reports stay one problem per line, and safe to print (see <see cref="Printable"/>).
    /// </summary>
    public string Message { get; init; } = Printable(Message);

    public int Line => Position.Line;
    public int Column => Position.Column;

    public static Diagnostic At(string path, SourcePosition position, string message) => new(path, position, message);

    public static Diagnostic AtStart(string path, string message) => new(path, SourcePosition.Start, message);

    /// <summary>Order of reports: by file, then by position, then by text, ordinal so it never depends on culture.</summary>
    public static readonly IComparer<Diagnostic> Order = Comparer<Diagnostic>.Create((a, b) =>
    {
        int c = string.CompareOrdinal(a.Path, b.Path);
        if (c == 0) c = a.Line.CompareTo(b.Line);
        if (c == 0) c = a.Column.CompareTo(b.Column);
        if (c == 0) c = string.CompareOrdinal(a.Message, b.Message);
        return c;
    });

    /// <summary>
    /// <paramref name="text"/> as it can be written to a terminal or a log: line breaks, escape
    /// sequences and every other control character, and the invisible characters that reorder text
    /// (bidirectional controls: a file name could read as another), are written as \n, \r or \uXXXX.
    /// Tabs are kept.
    /// </summary>
    public static string Printable(string text)
    {
        if (!text.Any(IsUnprintable)) return text;
        var printable = new System.Text.StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            printable.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                _ when IsUnprintable(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return printable.ToString();
    }

    private static bool IsUnprintable(char c) =>
        char.IsControl(c) && c != '\t'
        || c is '\u2028' or '\u2029' or '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    public static IReadOnlyList<Diagnostic> Sorted(IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.ToList();
        list.Sort(Order);
        return list;
    }
}
