namespace DigestSite.Archive;

/// <summary>
/// One person of content/authors.yml: the name their page shows, the other spellings papers print
/// for them (aliases), what the page links to, and spellings that are other people (distinct).
/// </summary>
/// <param name="Orcid">The ORCID iD, checked: "0000-0002-1825-0097".</param>
public sealed record RegisteredAuthor(
    string Name,
    IReadOnlyList<string> Aliases,
    string? Orcid,
    Uri? Homepage,
    string? Affiliation,
    IReadOnlyList<string> Distinct);

/// <summary>content/authors.yml, optional: the maintainers' decisions about who is who.</summary>
public sealed class AuthorRegistry
{
    public static readonly AuthorRegistry Empty = new([]);

    private readonly Dictionary<string, RegisteredAuthor> bySpelling = new(StringComparer.Ordinal);

    public IReadOnlyList<RegisteredAuthor> People { get; }

    /// <param name="people">Checked by the reader: no spelling names two people.</param>
    public AuthorRegistry(IReadOnlyList<RegisteredAuthor> people)
    {
        People = people;
        foreach (var person in people)
        {
            bySpelling[person.Name] = person;
            foreach (var alias in person.Aliases) bySpelling[alias] = person;
        }
    }

    /// <summary>The registered person a paper's spelling names, if any.</summary>
    public RegisteredAuthor? Find(string spelling) => bySpelling.GetValueOrDefault(spelling);

    /// <summary>The name a spelling stands for: its person's, or itself.</summary>
    public string Canonical(string spelling) => Find(spelling)?.Name ?? spelling;

    /// <summary>Whether the registry records that two spellings (of two people) are not the same person.</summary>
    public bool AreDistinct(string a, string b)
    {
        string ca = Canonical(a), cb = Canonical(b);
        return Find(a) is { } pa && pa.Distinct.Any(d => Canonical(d) == cb)
            || Find(b) is { } pb && pb.Distinct.Any(d => Canonical(d) == ca);
    }
}
