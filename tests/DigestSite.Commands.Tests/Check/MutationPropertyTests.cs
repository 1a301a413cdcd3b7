using System.Diagnostics;
using System.Text;
using DigestSite.Diagnostics;
using DigestSite.Content;
using Xunit.Abstractions;

namespace DigestSite.Commands.Tests;

/// <summary>
/// Property: whatever a content file holds, reading it ends quickly with a result or located
/// diagnostics, and never throws. Valid files are mutated at random (fixed seeds, so a failure
/// reproduces) and every reader is run on each mutant.
/// </summary>
public class MutationPropertyTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(5);
    private static readonly IReadOnlySet<string> Topics = new HashSet<string> { "fine-tuning", "rag" };

    private static readonly string[] YamlSyntax =
        [":", ": ", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "---", "...", "- ", "? ", "#", "%", "@", "`",
         ",", "\t", "\n", "\r\n", "\r", "  ", "&a ", "*a", "!!str ", "!<x> ", "|-\n", ">+\n", "\\", "\\x", "\\u12", "\0",
         "\uFEFF", "\u2028", "\u0085", "null", "~", "[[[[", "{a: ", "'''", "\"\\", "\n---\n", "\n...\n", "%YAML 1.2\n", "%TAG ! x\n",
         "<<: *a\n", "? [a]\n: b\n", "title: x\n", "title:\n  - a\n"];

    private enum Kind { Paper, Intro, Site, Topics }

    private static readonly (Kind Kind, string Text)[] Seeds =
    [
        (Kind.Paper, FixtureSite.RagPaperText),
        (Kind.Paper, FixtureSite.LoraPaperText),
        (Kind.Paper, FixtureSite.RagPaperText.Replace("\n", "\r\n")),
        (Kind.Paper, "\uFEFF---\ntitle: 'Single ''quoted'''\nauthors: [\"Zoë\", 'Ünal']\ntopics: [rag, fine-tuning]\narxiv: hep-th/9901001v2\npublished: \"2024-02-29\"\nupvotes: 7\nlinks: { code: \"https://example.org/a?b=c#d\" }\n---\nSummary with `code` and *emphasis*.\n"),
        (Kind.Intro, "---\ntitle: \"Retrieval week\"\n---\nThis week: *retrieval*.\n"),
        (Kind.Site, FixtureSite.SiteYml + "language: pt-BR\npapers_per_page: 10\nfeed_size: 5\nsubscribe: \"https://buttondown.com/x\"\n"),
        (Kind.Topics, FixtureSite.TopicsYml),
    ];

    [Fact]
    public void Mutated_files_never_crash_or_hang_any_reader()
    {
        // DIGESTSITE_FUZZ_CASES and DIGESTSITE_FUZZ_SEED explore further than the default run does.
        int Cases = int.TryParse(Environment.GetEnvironmentVariable("DIGESTSITE_FUZZ_CASES"), out int n) ? n : 4000;
        var random = new Random(int.TryParse(Environment.GetEnvironmentVariable("DIGESTSITE_FUZZ_SEED"), out int s) ? s : 20260318);
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        int withErrors = 0;

        for (int i = 0; i < Cases && failures.Count < 5; i++)
        {
            var (kind, seed) = Seeds[i % Seeds.Length];
            var bytes = Mutate(Encoding.UTF8.GetBytes(seed), random);
            var outcome = Run(kind, bytes);
            if (outcome.Failure is { } failure)
                failures.Add($"case {i} ({kind}): {failure}\n  input: {Escape(bytes)}");
            else if (outcome.Diagnostics.Count > 0)
                withErrors++;
        }

        output.WriteLine($"{Cases} cases in {clock.Elapsed.TotalSeconds:F1} s, {withErrors} with diagnostics.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // The mutations must actually break files, or the property says little.
        Assert.InRange(withErrors, Cases / 2, Cases);
    }

    [Fact]
    public void Mutated_content_folders_never_crash_the_loader()
    {
        const int Cases = 150;
        var random = new Random(7);
        var failures = new List<string>();
        using var site = new FixtureSite();
        string[] files = ["site.yml", "topics.yml", FixtureSite.RagPaper, FixtureSite.LoraPaper];
        string[] texts = [FixtureSite.SiteYml, FixtureSite.TopicsYml, FixtureSite.RagPaperText, FixtureSite.LoraPaperText];

        for (int i = 0; i < Cases && failures.Count < 3; i++)
        {
            int which = random.Next(files.Length);
            var bytes = Mutate(Encoding.UTF8.GetBytes(texts[which]), random);
            site.WriteBytes(files[which], bytes);
            var (finished, result, error) = WithTimeout(site.Load);
            if (!finished) failures.Add($"case {i}: {files[which]} did not finish in {PerCase}: {Escape(bytes)}");
            else if (error is not null) failures.Add($"case {i}: {files[which]} threw {error}\n  input: {Escape(bytes)}");
            else Check(result!.Diagnostics, result.Archive is not null, failures, $"case {i}: {files[which]}: {Escape(bytes)}");
            site.Write(files[which], texts[which]);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Empty(site.Errors());
    }

    /// <summary>Inputs the property test found crashing, kept as they were found.</summary>
    [Theory]
    [InlineData("---\ntitle: \"T\"\nauthors: [Ada\ntopics: [rag]\n---\nA summary.\n")]
    [InlineData("---\nlinks: {a: [b\nc: d\n---\nx\n")]
    public void Regressions(string text)
    {
        var outcome = Run(Kind.Paper, Encoding.UTF8.GetBytes(text));
        Assert.Null(outcome.Failure);
        Assert.NotEmpty(outcome.Diagnostics);
    }

    private sealed record Outcome(IReadOnlyList<Diagnostic> Diagnostics, string? Failure);

    private static Outcome Run(Kind kind, byte[] bytes)
    {
        var diagnostics = new List<Diagnostic>();
        var (finished, succeeded, error) = WithTimeout(() => Read(kind, bytes, diagnostics));
        if (!finished) return new([], $"did not finish in {PerCase}");
        if (error is not null) return new([], $"threw {error}");
        var problems = new List<string>();
        Check(diagnostics, succeeded, problems, "");
        return new(diagnostics, problems.Count > 0 ? string.Join("; ", problems) : null);
    }

    /// <summary>Runs <paramref name="work"/> on its own thread, so that a hang is detected rather than waited out.</summary>
    private static (bool Finished, T? Result, Exception? Error) WithTimeout<T>(Func<T> work)
    {
        T? result = default;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try { result = work(); }
            catch (Exception e) { error = e; }
        }) { IsBackground = true };
        thread.Start();
        return thread.Join(PerCase) ? (true, result, error) : (false, default, null);
    }

    private static bool Read(Kind kind, byte[] bytes, List<Diagnostic> diagnostics)
    {
        var path = kind switch { Kind.Site => "site.yml", Kind.Topics => "topics.yml", Kind.Intro => "issues/2026-03-18/index.md", _ => "issues/2026-03-18/a.md" };
        if (SourceText.Decode(bytes, path, diagnostics) is not { } text) return false;
        return kind switch
        {
            Kind.Paper => PaperReader.Read(text, "a", new DateOnly(2026, 3, 18), Topics, diagnostics) is not null,
            Kind.Intro => IssueIntroReader.Read(text, diagnostics) is not null,
            Kind.Site => SiteConfigReader.Read(text, diagnostics) is not null,
            _ => TopicsReader.Read(text, diagnostics) is not null,
        };
    }

    /// <summary>A result comes without diagnostics, no result with at least one; each located and on one line.</summary>
    private static void Check(IReadOnlyList<Diagnostic> diagnostics, bool succeeded, List<string> failures, string context)
    {
        if (succeeded && diagnostics.Count > 0) failures.Add($"a result and diagnostics. {context}");
        if (!succeeded && diagnostics.Count == 0) failures.Add($"no result and no diagnostic. {context}");
        foreach (var d in diagnostics)
        {
            if (d.Line < 1 || d.Column < 1) failures.Add($"unlocated: {d}. {context}");
            if (d.Message.Length == 0 || d.Message.Any(c => c is '\n' or '\r')) failures.Add($"not one line: {d}. {context}");
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        int count = 1 + random.Next(4);
        for (int m = 0; m < count; m++)
        {
            int at = random.Next(bytes.Count + 1);
            switch (random.Next(11))
            {
                case 0 when bytes.Count > 0: // delete a run of bytes
                    bytes.RemoveRange(Math.Min(at, bytes.Count - 1), Math.Min(1 + random.Next(8), bytes.Count - Math.Min(at, bytes.Count - 1)));
                    break;
                case 1: // insert YAML syntax
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(YamlSyntax[random.Next(YamlSyntax.Length)]));
                    break;
                case 2: // insert random bytes, often invalid UTF-8
                    for (int k = random.Next(1, 4); k > 0; k--) bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 3 when bytes.Count > 1: // swap two bytes
                    int other = random.Next(bytes.Count);
                    at = Math.Min(at, bytes.Count - 1);
                    (bytes[at], bytes[other]) = (bytes[other], bytes[at]);
                    break;
                case 4 when bytes.Count > 0: // duplicate a run
                    at = Math.Min(at, bytes.Count - 1);
                    bytes.InsertRange(at, bytes.GetRange(at, Math.Min(1 + random.Next(16), bytes.Count - at)));
                    break;
                case 5: // truncate
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 6: // line operations: delete, duplicate or swap lines
                    bytes = LineMutation(bytes, random);
                    break;
                case 7: // change indentation of a line
                    bytes = Lines(bytes, random, (lines, i) => lines[i] = new string(' ', random.Next(6)) + lines[i].TrimStart());
                    break;
                case 8 when bytes.Count > 0: // flip a byte to a YAML indicator
                    bytes[Math.Min(at, bytes.Count - 1)] = (byte)":-[]{}&*!|>'\"#,?"[random.Next(16)];
                    break;
                case 9: // grow: repeat the whole text
                    if (bytes.Count < 20_000) bytes.AddRange(bytes.ToArray());
                    break;
                default: // replace a value after a colon with syntax
                    bytes = Lines(bytes, random, (lines, i) =>
                    {
                        int colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
                        if (colon >= 0) lines[i] = lines[i][..(colon + 2)] + YamlSyntax[random.Next(YamlSyntax.Length)];
                    });
                    break;
            }
        }
        return bytes.ToArray();
    }

    private static List<byte> LineMutation(List<byte> bytes, Random random) => Lines(bytes, random, (lines, i) =>
    {
        switch (random.Next(3))
        {
            case 0: lines.RemoveAt(i); break;
            case 1: lines.Insert(i, lines[i]); break;
            default:
                int j = random.Next(lines.Count);
                (lines[i], lines[j]) = (lines[j], lines[i]);
                break;
        }
    });

    /// <summary>Edits one random line of the text (read leniently: invalid bytes become U+FFFD).</summary>
    private static List<byte> Lines(List<byte> bytes, Random random, Action<List<string>, int> edit)
    {
        var lines = Encoding.UTF8.GetString(bytes.ToArray()).Split('\n').ToList();
        edit(lines, random.Next(lines.Count));
        return new List<byte>(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
    }

    private static string Escape(byte[] bytes)
    {
        var text = new StringBuilder("\"");
        foreach (byte b in bytes)
        {
            text.Append(b switch
            {
                (byte)'"' => "\\\"",
                (byte)'\\' => "\\\\",
                (byte)'\n' => "\\n",
                >= 0x20 and < 0x7F => ((char)b).ToString(),
                _ => $"\\x{b:X2}",
            });
        }
        return text.Append('"').ToString();
    }
}
