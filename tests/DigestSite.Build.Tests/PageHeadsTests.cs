using DigestSite.Pages;

namespace DigestSite.Build.Tests;

/// <summary>A page's head: its description is the summary, shortened.</summary>
public class PageHeadsTests
{
    [Fact]
    public void A_summary_held_as_UTF_8_is_shortened_as_its_string_is()
    {
        // Characters of one to four bytes in UTF-8 (the last two UTF-16 chars), texts around the limit and far beyond it,
        // spaces where the cut may fall and a text without any.
        foreach (var character in new[] { "a", "é", "数", "🎓" })
            foreach (int length in new[] { 0, 150, 299, 300, 301, 302, 320, 450, 1000, 5000 })
                foreach (int wordLength in new[] { 6, 200, int.MaxValue })
                {
                    var text = string.Concat(Enumerable.Range(0, length).Select(i => i % wordLength == wordLength - 1 ? " " : character));
                    Assert.Equal(PageHeads.Shorten(text, 300), PageHeads.Shorten(Utf8Text.Of(text), 300));
                }
    }
}
