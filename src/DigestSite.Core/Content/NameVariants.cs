using DigestSite.Archive;
using DigestSite.Diagnostics;

namespace DigestSite.Content;

/// <summary>
/// Spellings that probably name one person ("Jörg Müller", "Jorg Muller", "J. Müller"), which the
/// registry (authors.yml) has not settled: one warning for each newer spelling, on its first file,
/// naming the oldest spelling it may be and how to record the decision. Two spellings are compared when their family
/// names fold to the same letters (accents, case, hyphens and particles such as "van" dropped) and
/// their given names start alike:
/// <list type="bullet">
/// <item>given names that fold to the same letters ("Jörg"/"Jorg", "Jean-Pierre"/"Jean Pierre"):
/// a warning, unless the two spellings are on one paper (two people then);</item>
/// <item>given names that are only compatible (an initial for a name, "J."/"Jörg"; a middle initial
/// added or dropped; a two-word name written the other way round, "Zhang Wei"/"Wei Zhang"): these
/// also fit two different people with a common name, so a warning only when the two spellings
/// share a co-author, as a person's papers under two spellings do.</item>
/// </list>
/// Its precision and recall on a generated archive with planted variants are in docs/authors.md.
/// </summary>
public static class NameVariants
{
    /// <summary>Spellings compared with each other in one group (same family name and first initial): beyond, the rest are left out.</summary>
    public const int MaxGroup = 1000;

    /// <summary>Warnings given at most; one more counts the rest. A first check of a large archive can find hundreds.</summary>
    public const int MaxWarnings = 100;

    private sealed class Spelling(string name, int first, SourcePosition at)
    {
        public string Name { get; } = name;
        public AuthorName Parts { get; } = AuthorName.Parse(name);

        /// <summary>Its first paper in age order, and where the name is written there.</summary>
        public int First { get; } = first;
        public SourcePosition At { get; } = at;
        public List<int> Papers { get; } = [];
        public HashSet<string>? CoAuthors { get; set; }

        /// <summary>The name folded to letters and digits: how it counts as a co-author of another spelling.</summary>
        public string Folded => folded ??= AuthorName.Fold(Name, lettersOnly: true);

        private string? folded;
    }

    public static void Check(IReadOnlyList<LoadedPaper> papers, AuthorRegistry registry, List<Diagnostic> warnings)
    {
        var ordered = papers.OrderBy(p => p.Paper.IssueDate).ThenBy(p => p.Paper.SourcePath, StringComparer.Ordinal).ToArray();
        var spellings = new Dictionary<string, Spelling>(StringComparer.Ordinal);
        for (int i = 0; i < ordered.Length; i++)
        {
            var authors = ordered[i].Paper.Authors;
            for (int a = 0; a < authors.Count; a++)
            {
                if (!spellings.TryGetValue(authors[a], out var spelling))
                    spellings[authors[a]] = spelling = new Spelling(authors[a], i, ordered[i].AuthorPositions[a]);
                if (spelling.Papers.Count == 0 || spelling.Papers[^1] != i) spelling.Papers.Add(i);
            }
        }

        // Each newer spelling once, against the oldest spelling it may be: one name written 300 ways is 299
        // warnings, not one for each of the 45,000 pairs.
        var likely = new Dictionary<Spelling, (Spelling Older, string Person, string Why)>(ReferenceEqualityComparer.Instance);
        foreach (var group in Groups(spellings.Values))
            for (int j = 1; j < group.Count; j++)
            {
                var (newer, newerParts) = group[j];
                var best = likely.GetValueOrDefault(newer).Older; // found in another group (a name's words swapped)
                // A group is in age order: its first match is its oldest.
                for (int i = 0; i < j; i++)
                {
                    var (older, olderParts) = group[i];
                    if (best is not null && !Older(older, best)) break;
                    if (older == newer) continue;
                    var person = registry.Canonical(older.Name);
                    if (person == registry.Canonical(newer.Name) || registry.AreDistinct(older.Name, newer.Name)) continue;
                    if (Likeness(olderParts, newerParts, older, newer, ordered, spellings) is not { } why) continue;
                    likely[newer] = (older, person, why);
                    break;
                }
            }

        var found = likely
            .Select(l => (Newer: l.Key, Warning: Diagnostic.At(ordered[l.Key.First].Paper.SourcePath, l.Key.At, Warning(l.Value.Older, l.Key, l.Value.Person, l.Value.Why, ordered))))
            .OrderBy(f => f.Warning, Diagnostic.Order).ToList();
        warnings.AddRange(found.Take(MaxWarnings).Select(f => f.Warning));
        if (found.Count > MaxWarnings)
        {
            var (newer, warning) = found[MaxWarnings];
            warnings.Add(warning with
            {
                Message = $"\"{newer.Name}\" and {found.Count - MaxWarnings - 1} more spellings may also be people the archive has under another spelling, " +
                          $"not shown: only the first {MaxWarnings} such warnings are. Settle those in authors.yml and run check again for the rest.",
            });
        }
    }

    private static bool Older(Spelling a, Spelling b) => a.First < b.First || a.First == b.First && string.CompareOrdinal(a.Name, b.Name) < 0;

    /// <summary>Spellings by folded family name and first initial; a two-word name also under its words swapped.</summary>
    private static IEnumerable<List<(Spelling, AuthorName)>> Groups(IEnumerable<Spelling> spellings)
    {
        var groups = new Dictionary<string, List<(Spelling, AuthorName)>>(StringComparer.Ordinal);
        void Add(Spelling spelling, AuthorName parts)
        {
            if (parts.FamilyKey.Length == 0 || parts.GivenKey.Length == 0) return;
            var key = parts.FamilyKey + "|" + parts.GivenKey[0];
            if (!groups.TryGetValue(key, out var group)) groups[key] = group = [];
            if (group.Count < MaxGroup) group.Add((spelling, parts));
        }
        foreach (var spelling in spellings.OrderBy(s => s.First).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            Add(spelling, spelling.Parts);
            if (spelling.Parts.Swapped() is { } swapped) Add(spelling, swapped);
        }
        return groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Value);
    }

    /// <summary>Why the two spellings may be one person, or null when they are not alike enough.</summary>
    private static string? Likeness(AuthorName a, AuthorName b, Spelling sa, Spelling sb, LoadedPaper[] papers, Dictionary<string, Spelling> spellings)
    {
        if (OnOnePaper(sa, sb)) return null; // two people
        bool aSwapped = !ReferenceEquals(a, sa.Parts), bSwapped = !ReferenceEquals(b, sb.Parts);
        if (aSwapped && bSwapped) return null; // the two spellings as written are compared too
        bool swapped = aSwapped || bSwapped;
        if (!swapped && a.GivenKey == b.GivenKey) return "they differ only in accents, case, hyphens or spaces";
        if (!swapped && !Compatible(a, b)) return null;
        if (swapped && a.GivenKey != b.GivenKey) return null;
        var shared = SharedCoAuthor(sa, sb, papers, spellings);
        if (shared is null) return null;
        return swapped
            ? $"one writes the family name first, and both have written with {shared}"
            : $"their given names fit each other, and both have written with {shared}";
    }

    /// <summary>Whether the two spellings are on one paper: their papers, each in ascending order, walked side by side.</summary>
    private static bool OnOnePaper(Spelling a, Spelling b)
    {
        var (x, y) = (a.Papers, b.Papers);
        for (int i = 0, j = 0; i < x.Count && j < y.Count;)
        {
            if (x[i] == y[j]) return true;
            if (x[i] < y[j]) i++;
            else j++;
        }
        return false;
    }

    /// <summary>Given names that can be one person's: the first alike (an initial fits any name it starts), and the middle ones alike or left out.</summary>
    private static bool Compatible(AuthorName a, AuthorName b)
    {
        if (!Fits(a, 0, b, 0)) return false;
        if (a.Given.Count == 1 || b.Given.Count == 1) return true;
        if (a.Given.Count != b.Given.Count) return false;
        for (int i = 1; i < a.Given.Count; i++)
            if (!Fits(a, i, b, i)) return false;
        return true;
    }

    private static bool Fits(AuthorName a, int i, AuthorName b, int j)
    {
        string x = AuthorName.Fold(a.Given[i], lettersOnly: true), y = AuthorName.Fold(b.Given[j], lettersOnly: true);
        if (x.Length == 0 || y.Length == 0) return false;
        return a.GivenIsInitial[i] || b.GivenIsInitial[j] ? x[0] == y[0] : x == y;
    }

    /// <summary>A co-author (as the older spelling's paper prints them) whom both spellings have written with, or null.</summary>
    private static string? SharedCoAuthor(Spelling a, Spelling b, LoadedPaper[] papers, Dictionary<string, Spelling> spellings)
    {
        var mine = a.CoAuthors ??= CoAuthors(a, papers, spellings);
        var theirs = b.CoAuthors ??= CoAuthors(b, papers, spellings);
        var (small, large) = mine.Count <= theirs.Count ? (mine, theirs) : (theirs, mine);
        string? shared = small.Where(large.Contains).Order(StringComparer.Ordinal).FirstOrDefault();
        if (shared is null) return null;
        foreach (var paper in a.Papers)
            foreach (var name in papers[paper].Paper.Authors)
                if (spellings[name].Folded == shared) return $"\"{name}\"";
        return $"\"{shared}\"";
    }

    /// <param name="spellings">Every spelling of the archive, by name: each folds its name once, however many papers print it.</param>
    private static HashSet<string> CoAuthors(Spelling spelling, LoadedPaper[] papers, Dictionary<string, Spelling> spellings)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paper in spelling.Papers)
        {
            var authors = papers[paper].Paper.Authors;
            // As on author pages, a consortium's paper makes nobody a co-author (and keeps this linear in the names).
            if (authors.Count > AuthorIndex.MaxAuthorsForCoAuthors) continue;
            foreach (var name in authors)
                if (name != spelling.Name) names.Add(spellings[name].Folded);
        }
        return names;
    }

    private static string Warning(Spelling older, Spelling newer, string person, string why, LoadedPaper[] papers)
    {
        var where = papers[older.First].Paper.SourcePath;
        var olderShown = older.Name == person ? $"\"{older.Name}\"" : $"\"{older.Name}\" (\"{person}\" in authors.yml)";
        int others = newer.Papers.Count - 1;
        var alsoIn = others == 0 ? "" : $" (It is written so in {others} other {(others == 1 ? "file" : "files")} too: this warning is for them all.)";
        return $"\"{newer.Name}\" may be the same person as {olderShown} of {where}: {why}. " +
               $"If one person, add \"{newer.Name}\" to the aliases of \"{person}\" in authors.yml; " +
               $"if two, add \"{newer.Name}\" to the distinct list of \"{person}\" there.{alsoIn}";
    }
}
