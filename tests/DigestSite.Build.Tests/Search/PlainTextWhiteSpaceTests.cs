using System.Diagnostics;
using System.Text;
using System.Text.Json;
using DigestSite.Rendering;

namespace DigestSite.Build.Tests.Search;

/// <summary>
/// The plain text of a summary, which the search index is built from, has its white space collapsed
/// as JavaScript's \s defines it: lunr.js, given the plain text, finds the same words as in the
/// text itself. With .NET's white space, "next\u0085line" became two words where lunr.js keeps one.
/// </summary>
public sealed class PlainTextWhiteSpaceTests
{
    /// <summary>Every character either .NET or JavaScript counts as white space, and a few near them.</summary>
    private static readonly char[] Spaces =
    [
        '\t', '\n', '\v', '\f', '\r', '\u001C', '\u001D', '\u001E', '\u001F', ' ', '\u0085', '\u00A0', '\u1680', '\u180E',
        '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u200B',
        '\u2028', '\u2029', '\u202F', '\u205F', '\u3000', '\uFEFF',
    ];

    [Fact]
    public void Lunr_finds_the_same_words_in_the_plain_text_as_in_the_text()
    {
        var texts = Spaces.Select(c => $"next{c}line and{c}{c}more{c}").ToArray();
        var plain = texts.Select(SafeMarkdown.ToPlainText).ToArray();

        var expected = Tokenize(texts);
        var actual = Tokenize(plain);

        for (int i = 0; i < texts.Length; i++)
            Assert.True(expected[i].SequenceEqual(actual[i]),
                $"U+{(int)Spaces[i]:X4}: lunr.js finds [{string.Join("|", expected[i])}] in the text, [{string.Join("|", actual[i])}] in its plain text \"{plain[i]}\"");
    }

    private static string[][] Tokenize(string[] texts)
    {
        var lunr = Path.Combine(TestSite.RepositoryRoot, "theme", "node_modules", "lunr");
        if (!Directory.Exists(lunr))
            throw new InvalidOperationException("theme/node_modules/lunr is missing: run `npm ci --prefix theme` (tests/run.sh does it).");
        var script = Path.Combine(TestSite.RepositoryRoot, "tests", "DigestSite.Build.Tests", "Search", "tokenize.js");
        var start = new ProcessStartInfo("node", [script, lunr])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        node.StandardInput.Write(JsonSerializer.Serialize(texts));
        node.StandardInput.Close();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0, stderr.GetAwaiter().GetResult());
        return JsonSerializer.Deserialize<string[][]>(stdout.GetAwaiter().GetResult())!;
    }
}
