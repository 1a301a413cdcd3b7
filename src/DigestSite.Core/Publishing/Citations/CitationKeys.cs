using System.Globalization;
using System.Text;
using DigestSite.Archive;

namespace DigestSite.Publishing.Citations;

/// <summary>
/// BibTeX keys (also the RIS and CSL-JSON ids), unique across the archive and stable across builds.
/// A paper's own key is lastname + year + first long title word ("vaswani2017attention"). Papers
/// whose keys are the same are ordered by issue date, then slug: the first keeps the key, the next
/// ones get a letter, "b", "c"… ("vaswani2017attentionb"), the first letter that no paper before
/// them holds. So a key changes only when a paper of an earlier issue (or of the same issue, with a
/// smaller slug) comes to share it: papers are added to new issues, and the keys already cited stay.
/// </summary>
public static class CitationKeys
{
    /// <summary>Every paper's key, by slug.</summary>
    public static IReadOnlyDictionary<string, string> Assign(IEnumerable<Paper> papers)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (paper, own) in papers.Select(p => (p, Own(p))).OrderBy(p => p.p.IssueDate).ThenBy(p => p.p.Slug, StringComparer.Ordinal))
        {
            var key = own;
            for (int n = 2; !taken.Add(key); n++) key = own + Letters(n);
            keys[paper.Slug] = key;
        }
        return keys;
    }

    /// <summary>The year a citation gives: the paper's publication date's, else a new-style arXiv id's (YYMM.NNNNN).</summary>
    public static int? Year(DateOnly? published, string? arxiv) =>
        published?.Year
        ?? (arxiv is { Length: > 4 } && arxiv[4] == '.' && int.TryParse(arxiv.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int yy)
            ? (yy >= 91 ? 1900 : 2000) + yy
            : null);

    /// <summary>lastname + year + first title word of more than three letters, ASCII letters and digits only (accents taken off); the slug if that is empty.</summary>
    public static string Own(Paper paper)
    {
        var lastName = paper.Authors.Count > 0 ? Ascii(LastWord(paper.Authors[0])) : "";
        var key = lastName + Year(paper.Published, paper.Arxiv) + FirstLongWord(paper.Title);
        return key.Length > 0 ? key : paper.Slug;
    }

    /// <summary>The last of the words a name's spaces separate ("" when it has none).</summary>
    private static string LastWord(string name)
    {
        var words = name.AsSpan().TrimEnd(' ');
        return words[(words.LastIndexOf(' ') + 1)..].ToString();
    }

    /// <summary>The first word (between spaces) of more than three letters and digits once folded, folded; "" when there is none.</summary>
    private static string FirstLongWord(string title)
    {
        // Only the word chosen is made a string: an ASCII word's folded length is its count of letters and digits.
        foreach (var range in title.AsSpan().Split(' '))
        {
            var word = title.AsSpan(range);
            if (word.IsEmpty || (System.Text.Ascii.IsValid(word) && Count(word) <= 3)) continue;
            var folded = Ascii(word.ToString());
            if (folded.Length > 3) return folded;
        }
        return "";

        static int Count(ReadOnlySpan<char> word)
        {
            int count = 0;
            foreach (char c in word)
                if (char.IsAsciiLetterOrDigit(c)) count++;
            return count;
        }
    }

    // The same folding as author slugs: "Müller" -> "muller", "王伟" -> "wangwei".
    private static string Ascii(string s) => Archive.AuthorName.Fold(s, lettersOnly: true);

    /// <summary>2 → "b", 26 → "z", 27 → "ba": a letter suffix, never "a" alone (the key without one is the first).</summary>
    private static string Letters(int n)
    {
        var letters = new StringBuilder();
        for (n--; n > 0; n /= 26) letters.Insert(0, (char)('a' + n % 26));
        return letters.ToString();
    }
}
