using System.Diagnostics;
using System.Text;
using System.Xml;
using DigestSite.Diagnostics;
using DigestSite.Content;
using DigestSite.Rendering;
using Xunit.Abstractions;

namespace DigestSite.Commands.Tests;

/// <summary>
/// Property: whatever the Markdown of a summary (deep nesting, unclosed links and brackets,
/// emphasis runs, long lines, reference definitions, and mixes of them, up to the 1 MiB file
/// limit), checking the file either passes and the build's rendering then succeeds with text a
/// feed can hold, or reports a located error; and either way the work is bounded. The time bound
/// asserted is loose (machines are shared); the real figures are in docs/performance.md.
/// </summary>
public class AdversarialMarkdownTests(ITestOutputHelper output)
{
    /// <summary>Far above the figures measured (docs/performance.md), so that only runaway work fails it.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private const string FrontMatter = "---\ntitle: \"T\"\nauthors: [Ada]\ntopics: [rag]\n---\n";

    private static string Repeat(string s, int times) => new StringBuilder(s.Length * times).Insert(0, s, times).ToString();

    /// <summary>Hostile constructs, each as a function of a repetition count.</summary>
    public static readonly (string Name, Func<int, string> Make)[] Constructs =
    [
        ("block quotes", n => Repeat(">", n) + " a"),
        ("block quotes spaced", n => Repeat("> ", n) + "a"),
        ("bullets on one line", n => Repeat("- ", n) + "a"),
        ("ordered on one line", n => Repeat("1. ", n) + "a"),
        ("quote and list", n => Repeat("> - ", n) + "a"),
        ("indented list", n => string.Concat(Enumerable.Range(0, Math.Min(n, 400)).Select(i => new string(' ', 2 * i) + "- a\n"))),
        ("unclosed links", n => Repeat("[a](", n)),
        ("unclosed links b", n => Repeat("[a](b", n)),
        ("unclosed pointy links", n => Repeat("[a](<b", n)),
        ("unclosed images", n => Repeat("![a](", n)),
        ("open brackets", n => Repeat("[", n) + "a"),
        ("nested brackets", n => Repeat("[", n) + "a" + Repeat("]", n)),
        ("close brackets", n => Repeat("](", n)),
        ("reference brackets", n => Repeat("[a][", n)),
        ("emphasis openers", n => Repeat("*a", n)),
        ("emphasis closers", n => Repeat("a*", n)),
        ("emphasis mix", n => Repeat("*a **a ", n)),
        ("underscore mix", n => Repeat("_a *", n)),
        ("nested strong", n => Repeat("**", n) + "a" + Repeat("**", n)),
        ("extras", n => Repeat("==a++b^^c~~d", n)),
        ("emphasis and parentheses", n => Repeat("*(", n)),
        ("everything", n => Repeat("*[_`<(", n)),
        ("backticks", n => Repeat("`a", n)),
        ("backtick run", n => Repeat("`", n) + "a"),
        ("long line", n => Repeat("word ", n)),
        ("long word", n => Repeat("a", n * 4)),
        ("reference definitions", n => string.Concat(Enumerable.Range(0, n).Select(i => $"[r{i}]: https://example.org/{i}\n")) + Repeat("[r1] ", n)),
        ("autolinks", n => Repeat("www.a.b ", n)),
        ("urls", n => Repeat("https://a.b/c ", n)),
        ("pointy autolinks", n => Repeat("<a", n)),
        ("character references", n => Repeat("&#65;&amp;&#x42;", n)),
        ("backslashes", n => Repeat("\\", n)),
        ("link titles", n => Repeat("[x](y \"", n)),
        ("paragraphs", n => Repeat("*a* [b](https://c) `d`\n\n", n)),
    ];

    [Fact]
    public void Every_construct_at_every_size_is_checked_and_rendered_in_bounded_time()
    {
        CheckAndBuild("Warm *up*: [the](https://example.org) code."); // not the JIT's time
        var failures = new List<string>();
        var slowest = (Name: "", Size: 0, Time: TimeSpan.Zero);
        foreach (var (name, make) in Constructs)
        {
            foreach (int n in new[] { 10, 100, 1_000, 4_000, 16_000, 64_000, 250_000 })
            {
                var body = make(n);
                if (Encoding.UTF8.GetByteCount(FrontMatter + body) > SourceText.MaxBytes) continue;
                var (time, failure) = CheckAndBuild(body);
                if (failure is not null) failures.Add($"{name} x{n}: {failure}");
                if (time > slowest.Time) slowest = (name, n, time);
            }
        }
        output.WriteLine($"slowest: {slowest.Name} x{slowest.Size}, {slowest.Time.TotalMilliseconds:0} ms");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Random_mixes_of_constructs_are_checked_and_rendered_in_bounded_time()
    {
        var random = new Random(20261130);
        string[] glue = ["", " ", "\n", "\n\n", "a", " *b* ", "\\", "\t", "    "];
        CheckAndBuild("Warm *up*: [the](https://example.org) code.");
        var failures = new List<string>();
        var slowest = TimeSpan.Zero;
        for (int i = 0; i < 300 && failures.Count < 5; i++)
        {
            var body = new StringBuilder();
            int target = random.Next(4) switch { 0 => 500, 1 => 5_000, 2 => 25_000, _ => 120_000 };
            while (body.Length < target)
            {
                var (_, make) = Constructs[random.Next(Constructs.Length)];
                body.Append(make(random.Next(1, 1 << random.Next(1, 12))));
                body.Append(glue[random.Next(glue.Length)]);
            }
            var text = body.ToString();
            var (time, failure) = CheckAndBuild(text);
            if (failure is not null) failures.Add($"case {i}: {failure}\n  input: {text[..Math.Min(300, text.Length)]}");
            if (time > slowest) slowest = time;
        }
        output.WriteLine($"slowest: {slowest.TotalMilliseconds:0} ms");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void A_summary_within_every_limit_and_full_of_markup_passes_and_renders()
    {
        // A summary at each limit at once: the limits leave real writing room.
        // Markup about as dense as writing gets (one character in ten), in paragraphs near the length limit.
        var paragraph = Repeat("Some *emphasis*, a [link](https://example.org), `code` and ", 80)[..(MarkdownLimits.MaxParagraphCharacters - 200)];
        var body = string.Join("\n\n", Enumerable.Repeat(paragraph, 4)) + "\n\n> - quoted\n>   - nested list\n";
        var (time, failure) = CheckAndBuild(body, expectPass: true);
        Assert.Null(failure);
        Assert.True(time < Bound);
    }

    /// <summary>Checks a paper whose summary is <paramref name="body"/>, then, when it passes, renders it as the build does.</summary>
    private static (TimeSpan Time, string? Failure) CheckAndBuild(string body, bool expectPass = false)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new List<Diagnostic>();
        try
        {
            var source = SourceText.Decode(Encoding.UTF8.GetBytes(FrontMatter + body), "a.md", diagnostics);
            var paper = source is null ? null : PaperReader.Read(source, "a", new DateOnly(2026, 3, 18), new HashSet<string> { "rag" }, diagnostics);
            if (paper is not null)
            {
                var (html, plain) = SafeMarkdown.ToHtmlAndPlainText(paper.Paper.SummaryMarkdown);
                FeedCanHold(html);
                FeedCanHold(plain);
            }
            else if (diagnostics.Count == 0) return (clock.Elapsed, "no paper and no diagnostic");
        }
        catch (Exception e)
        {
            return (clock.Elapsed, $"threw {e.GetType().Name}: {e.Message}");
        }
        var time = clock.Elapsed;
        if (time > Bound) return (time, $"took {time.TotalSeconds:0.0} s");
        if (expectPass && diagnostics.Count > 0) return (time, string.Join("; ", FixtureSite.Format(diagnostics)));
        foreach (var d in diagnostics)
        {
            int lines = (FrontMatter + body).Count(c => c == '\n') + 1;
            if (d.Path != "a.md" || d.Line < 1 || d.Line > lines || d.Column < 1) return (time, $"not located: {d}");
        }
        return (time, null);
    }

    /// <summary>Writes <paramref name="text"/> as an Atom feed's XmlWriter would; throws on a character XML forbids.</summary>
    private static void FeedCanHold(string text)
    {
        using var writer = XmlWriter.Create(new StringWriter(), new XmlWriterSettings { CheckCharacters = true });
        writer.WriteElementString("content", text);
    }
}
