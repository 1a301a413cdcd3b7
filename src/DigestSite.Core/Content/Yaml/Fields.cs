using System.Globalization;
using DigestSite.Diagnostics;

namespace DigestSite.Content.Yaml;

/// <summary>A value read from YAML and where it was written.</summary>
public readonly record struct Located<T>(T Value, SourcePosition Position);

/// <summary>
/// Typed reading of a YAML mapping's fields. Every problem becomes a diagnostic at the value's
/// position, with the example of a correct line, and reading goes on so that one run reports all.
/// </summary>
public sealed class Fields(YamlMapping mapping, string path, SourcePosition missingAt, List<Diagnostic> diagnostics)
{
    public string Path => path;

    public void Report(SourcePosition at, string message) => diagnostics.Add(Diagnostic.At(path, at, message));

    /// <summary>Reports each key outside <paramref name="known"/>, suggesting the nearest known one.</summary>
    public void RejectUnknownKeys(IReadOnlyList<string> known)
    {
        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Value;
            if (known.Contains(key)) continue;
            var hint = Suggestions.Nearest(key, known) is { } near
                ? $"did you mean \"{near}\"?"
                : $"the keys are: {string.Join(", ", known)}.";
            Report(entry.Key.Position, $"unknown key \"{key}\": {hint}");
        }
    }

    /// <summary>One line of text. Missing: reported when <paramref name="required"/>, with <paramref name="example"/>.</summary>
    public Located<string>? Text(string key, bool required, string example)
    {
        var value = Value(key, required, example);
        if (value is null) return null;
        if (value is not YamlScalar scalar)
        {
            Report(value.Position, $"\"{key}\" must be text, not {value.Kind}, e.g.  {example}");
            return null;
        }
        var text = scalar.Value.Trim();
        if (text.Length == 0)
        {
            Report(value.Position, $"\"{key}\" is empty, e.g.  {example}");
            return null;
        }
        if (HasLineBreak(text))
        {
            Report(value.Position, $"\"{key}\" must fit on one line.");
            return null;
        }
        return new(text, value.Position);
    }

    /// <summary>
    /// Any character a reader of our output may take for a new line: a lone carriage return splits a
    /// RIS or BibTeX line for most readers, U+2028 a JavaScript or feed reader's.
    /// </summary>
    public static bool HasLineBreak(string text) => text.AsSpan().IndexOfAny(LineBreaks) >= 0;

    private static readonly System.Buffers.SearchValues<char> LineBreaks = System.Buffers.SearchValues.Create("\n\r\u0085\u2028\u2029");

    /// <summary>A list of one-line texts; at least one when present. Single-line items only.</summary>
    public IReadOnlyList<Located<string>>? TextList(string key, bool required, string what, string example)
    {
        var value = Value(key, required, example);
        if (value is null) return null;
        if (value is not YamlSequence sequence)
        {
            Report(value.Position, $"\"{key}\" must be a list of {what}, not {value.Kind}, e.g.  {example}");
            return null;
        }
        if (sequence.Items.Count == 0)
        {
            Report(value.Position, $"\"{key}\" needs at least one of {what}, e.g.  {example}");
            return null;
        }
        var items = new List<Located<string>>();
        foreach (var item in sequence.Items)
        {
            if (item is YamlScalar { IsNull: false } scalar && scalar.Value.Trim() is { Length: > 0 } text && !HasLineBreak(text))
                items.Add(new(text, item.Position));
            else
                Report(item.Position, $"each item of \"{key}\" must be one of {what} on one line, not {(item is YamlScalar s && s.Value.Trim().Length == 0 ? "empty" : item.Kind)}.");
        }
        return items.Count == sequence.Items.Count ? items : null;
    }

    /// <summary>A whole number, written plainly (not quoted), at least <paramref name="minimum"/>.</summary>
    public Located<int>? WholeNumber(string key, int minimum, string example)
    {
        var value = Value(key, required: false, example);
        if (value is null) return null;
        if (value is YamlScalar { IsPlain: true } scalar
            && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number))
        {
            if (number >= minimum) return new(number, value.Position);
            Report(value.Position, $"\"{key}\" must be {minimum} or more, not {number}.");
            return null;
        }
        Report(value.Position, $"\"{key}\" must be a whole number, e.g.  {example}");
        return null;
    }

    /// <summary>A real calendar date written as YYYY-MM-DD.</summary>
    public Located<DateOnly>? Date(string key, string example)
    {
        var value = Value(key, required: false, example);
        if (value is null) return null;
        if (value is YamlScalar scalar && ContentDates.Parse(scalar.Value.Trim()) is { } date)
            return new(date, value.Position);
        var shown = value is YamlScalar s ? $"\"{s.Value}\"" : value.Kind;
        Report(value.Position, $"\"{key}\" must be a real date written YYYY-MM-DD, not {shown}, e.g.  {example}");
        return null;
    }

    /// <summary>A mapping of names to one-line texts, in the order written.</summary>
    public IReadOnlyList<(Located<string> Name, Located<string> Text)>? TextMap(string key, string example)
    {
        var value = Value(key, required: false, example);
        if (value is null) return null;
        if (value is not YamlMapping map)
        {
            Report(value.Position, $"\"{key}\" must be a set of \"name: value\" lines, not {value.Kind}, e.g.  {example}");
            return null;
        }
        var entries = new List<(Located<string>, Located<string>)>();
        foreach (var entry in map.Entries)
        {
            if (entry.Value is YamlScalar { IsNull: false } scalar && scalar.Value.Trim() is { Length: > 0 } text)
                entries.Add((new(entry.Key.Value, entry.Key.Position), new(text, scalar.Position)));
            else if (entry.Value is YamlScalar)
                Report(entry.Value.Position, $"\"{key}\": \"{entry.Key.Value}\" must have a value on one line.");
            else
                Report(entry.Value.Position, $"\"{key}\": \"{entry.Key.Value}\" must have one value on one line, not {entry.Value.Kind}.");
        }
        return entries;
    }

    /// <summary>The value of <paramref name="key"/>, or null (reported when required or set to nothing).</summary>
    private YamlNode? Value(string key, bool required, string example)
    {
        var entry = mapping.Find(key);
        if (entry is null)
        {
            if (required) Report(missingAt, $"\"{key}\" is missing: add a line such as  {example}");
            return null;
        }
        if (entry.Value is YamlScalar { IsNull: true })
        {
            Report(entry.Value.Position.Line == entry.Key.Position.Line ? entry.Key.Position : entry.Value.Position,
                required ? $"\"{key}\" has no value, e.g.  {example}" : $"\"{key}\" has no value: give one or remove the line.");
            return null;
        }
        return entry.Value;
    }
}
