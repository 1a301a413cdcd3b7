using DigestSite.Checking;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DigestSite.Content.Yaml;

/// <summary>
/// Reads YAML into <see cref="YamlNode"/>s with file positions, from YamlDotNet's event parser.
/// The parser's events carry a start mark for every node, which the object model would lose.
/// Anchors and aliases are refused: no paper needs them, and never expanding an alias is what
/// makes an alias bomb harmless.
/// </summary>
public static class YamlReader
{
    /// <summary>Deep enough for any real front matter, shallow enough to keep the recursion safe.</summary>
    private const int MaxDepth = 32;

    /// <summary>
    /// Parses <paramref name="yaml"/>, whose first line is line <paramref name="firstLine"/> of the file.
    /// Returns null, with diagnostics, when the YAML is malformed; an empty mapping when there is nothing.
    /// </summary>
    public static YamlNode? Read(string yaml, int firstLine, string path, List<Diagnostic> diagnostics)
    {
        var scanner = new Scanner(new StringReader(yaml));
        var reader = new Reading(new GuardedParser(new Parser(scanner)), firstLine - 1, path);
        try
        {
            return reader.Document();
        }
        catch (YamlException e)
        {
            // Some errors come without a position (a tab used as indentation): the scanner stopped at the problem.
            var at = e.Start.Equals(Mark.Empty) ? scanner.CurrentPosition : e.Start;
            diagnostics.Add(Diagnostic.At(path, reader.Position(at), $"invalid YAML: {Describe(e)}"));
            return null;
        }
        catch (RefusedYaml refused)
        {
            diagnostics.Add(refused.Diagnostic);
            return null;
        }
    }

    /// <summary>YamlDotNet's messages start with the position we already print; keep the reason.</summary>
    private static string Describe(YamlException e)
    {
        var message = e.Message;
        int close = message.StartsWith("(Line:", StringComparison.Ordinal) ? message.IndexOf("): ", StringComparison.Ordinal) : -1;
        if (close >= 0) message = message[(close + 3)..];
        message = message.TrimEnd('.');
        if (message.Length == 0) return "the YAML could not be read.";
        message = char.ToLowerInvariant(message[0]) + message[1..] + ".";
        // The most common mistake of all: a colon in an unquoted title ("title: LoRA: Low-Rank ...").
        if (message.Contains("invalid mapping", StringComparison.Ordinal) || message.Contains("mapping values are not allowed", StringComparison.OrdinalIgnoreCase))
            message += " A value containing \": \" must be quoted, e.g.  title: \"LoRA: Low-Rank Adaptation\"";
        return message;
    }

    /// <summary>
    /// YamlDotNet's scanner throws exceptions other than <see cref="YamlException"/> on some malformed
    /// input (an unclosed "[" followed by more lines throws InvalidOperationException): make every
    /// failure of the parser a syntax error, located at the last event it did read.
    /// </summary>
    private sealed class GuardedParser(IParser parser) : IParser
    {
        private Mark lastGood = Mark.Empty;

        public ParsingEvent? Current => parser.Current;

        public bool MoveNext()
        {
            try
            {
                bool moved = parser.MoveNext();
                if (parser.Current is { } current) lastGood = current.Start;
                return moved;
            }
            catch (Exception e) when (e is not YamlException)
            {
                throw new YamlException(lastGood, lastGood,
                    "the YAML cannot be read from here on: look for an unclosed bracket, brace or quote", e);
            }
        }
    }

    /// <summary>Stops the reading of one file with a diagnostic; never leaves this class.</summary>
    private sealed class RefusedYaml(Diagnostic diagnostic) : Exception(diagnostic.Message)
    {
        public Diagnostic Diagnostic { get; } = diagnostic;
    }

    private sealed class Reading(IParser parser, int lineOffset, string path)
    {
        public SourcePosition Position(Mark mark) => new((int)mark.Line + lineOffset, (int)mark.Column);

        public YamlNode Document()
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out var end)) return new YamlMapping([], Position(end.Start));
            parser.Consume<DocumentStart>();
            var root = Node(depth: 0);
            parser.Consume<DocumentEnd>();
            if (parser.Current is DocumentStart second)
                Refuse(second.Start, "a second YAML document starts here: keep one set of fields.");
            return root;
        }

        private YamlNode Node(int depth)
        {
            if (depth > MaxDepth) Refuse(parser.Current!.Start, $"the YAML is nested more than {MaxDepth} levels deep.");
            var current = parser.Current!;
            if (current is AnchorAlias alias)
                Refuse(alias.Start, $"YAML aliases (*{alias.Value}) are not allowed in content: write the value out.");
            if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
                Refuse(anchored.Start, $"YAML anchors (&{anchored.Anchor}) are not allowed in content: write the value out.");

            switch (current)
            {
                case Scalar scalar:
                    parser.MoveNext();
                    // The file's own characters were checked when it was read; escapes ("\x01", "\uFFFE") are checked here.
                    if (Characters.FirstForbidden(scalar.Value) is var forbidden and >= 0)
                        Refuse(scalar.Start, "this text holds, through an escape, " + Characters.Forbidden(scalar.Value, forbidden));
                    return new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, Position(scalar.Start));
                case SequenceStart start:
                    return Sequence(start, depth);
                case MappingStart start:
                    return Mapping(start, depth);
                default:
                    Refuse(current.Start, "unexpected YAML content.");
                    return null!;
            }
        }

        private YamlSequence Sequence(SequenceStart start, int depth)
        {
            parser.MoveNext();
            var items = new List<YamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(Node(depth + 1));
            return new YamlSequence(items, Position(start.Start));
        }

        private YamlMapping Mapping(MappingStart start, int depth)
        {
            parser.MoveNext();
            var entries = new List<YamlEntry>();
            var seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = Node(depth + 1);
                if (keyNode is not YamlScalar key)
                {
                    Refuse(keyNode.Position, "a key must be plain text, such as \"title\".");
                    return null!;
                }
                if (seen.TryGetValue(key.Value, out var first))
                    Refuse(key.Position, $"duplicate key \"{key.Value}\": it is already set on line {first.Position.Line}. Keep one.");
                seen.Add(key.Value, key);
                entries.Add(new YamlEntry(key, Node(depth + 1)));
            }
            return new YamlMapping(entries, Position(start.Start));
        }

        private void Refuse(Mark at, string message) => Refuse(Position(at), message);

        private void Refuse(SourcePosition at, string message) =>
            throw new RefusedYaml(Diagnostic.At(path, at, message));
    }
}
