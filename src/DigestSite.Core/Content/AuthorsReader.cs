using DigestSite.Archive;
using DigestSite.Content.Yaml;
using DigestSite.Diagnostics;

namespace DigestSite.Content;

/// <summary>
/// Reads authors.yml, the optional registry of people: the name their page shows, then on indented
/// lines the spellings papers also print for them (aliases), their ORCID iD, homepage and
/// affiliation, and spellings that are someone else (distinct):
/// <code>
/// "Jörg Müller":
///   aliases: ["Jorg Muller", "J. Müller"]
///   orcid: 0000-0002-1825-0097
///   homepage: https://example.org/~mueller
///   affiliation: Example University
///   distinct: ["Jürgen Müller"]
/// </code>
/// A spelling names one person: one that is already another's name or alias is an error.
/// </summary>
public static class AuthorsReader
{
    private static readonly string[] Keys = ["aliases", "orcid", "homepage", "affiliation", "distinct"];

    /// <summary>Far above any digest's (each person is a page and a feed already; the registry only settles who is who).</summary>
    public const int MaxPeople = 10_000;

    /// <summary>Spellings of one person, and people one is told apart from: a few in practice.</summary>
    public const int MaxSpellings = 50;

    public static AuthorRegistry? Read(SourceText source, List<Diagnostic> diagnostics)
    {
        int errorsBefore = diagnostics.Count;
        if (YamlDocuments.ReadMapping(source.Text, 1, source.Path, diagnostics) is not { } map) return null;
        if (map.Entries.Count > MaxPeople)
        {
            diagnostics.Add(Diagnostic.At(source.Path, map.Entries[MaxPeople].Key.Position,
                $"authors.yml lists {map.Entries.Count:N0} people; it holds at most {MaxPeople:N0}: list only the people whose spellings or details need settling."));
            return null;
        }

        var people = new List<RegisteredAuthor>();
        var owners = new Dictionary<string, (string Person, SourcePosition At)>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            var name = entry.Key.Value.Trim();
            if (!name.Any(char.IsLetterOrDigit) || Fields.HasLineBreak(name))
            {
                diagnostics.Add(Diagnostic.At(source.Path, entry.Key.Position,
                    "each person is a name on one line, with letters, as a paper spells it, e.g.  \"Jörg Müller\":"));
                continue;
            }
            if (Claim(owners, name, name, entry.Key.Position, source.Path, diagnostics) is false) continue;
            if (entry.Value is not YamlMapping fieldsMap)
            {
                diagnostics.Add(Diagnostic.At(source.Path, entry.Value.Position,
                    $"\"{name}\" needs its details on indented lines below it (aliases, orcid, homepage, affiliation or distinct), not {entry.Value.Kind}."));
                continue;
            }
            var fields = new Fields(fieldsMap, source.Path, entry.Key.Position, diagnostics);
            fields.RejectUnknownKeys(Keys);
            var aliases = Spellings(fields, "aliases", "other spellings of this name", "aliases: [\"Jorg Muller\", \"J. Müller\"]");
            var distinct = Spellings(fields, "distinct", "names of other people", "distinct: [\"Jürgen Müller\"]");
            var orcid = fields.Text("orcid", required: false, "orcid: 0000-0002-1825-0097");
            var homepage = fields.Text("homepage", required: false, "homepage: https://example.org/~you");
            var affiliation = fields.Text("affiliation", required: false, "affiliation: \"Example University\"");

            foreach (var alias in aliases)
                Claim(owners, alias.Value, name, alias.Position, source.Path, diagnostics);
            foreach (var other in distinct.Where(d => d.Value == name || aliases.Any(a => a.Value == d.Value)))
                fields.Report(other.Position, $"\"{other.Value}\" is this person's own spelling: a name cannot be distinct from itself.");
            string? orcidId = null;
            if (orcid is { } o && Orcid.Parse(o.Value) is var (id, problem))
            {
                if (problem is null) orcidId = id;
                else fields.Report(o.Position, problem);
            }
            var homepageUri = homepage is { } h ? WebAddress.ParseHttp(h.Value) : null;
            if (homepage is { } page && homepageUri is null)
                fields.Report(page.Position, $"\"homepage\" must be a web address starting with https:// or http://, not \"{page.Value}\".");
            // A user name in the address, or a host of look-alike letters, makes a link read as another site's.
            else if (homepage is { } shown && homepageUri is { } uri && (uri.UserInfo.Length > 0 || !uri.IdnHost.Equals(uri.Host, StringComparison.OrdinalIgnoreCase) || !uri.Host.All(char.IsAscii)))
                fields.Report(shown.Position, $"\"homepage\" must name its site plainly, without a user name or non-ASCII letters in the host: \"{shown.Value}\".");
            people.Add(new RegisteredAuthor(name, aliases.Select(a => a.Value).ToArray(), orcidId, homepageUri, affiliation?.Value,
                distinct.Select(d => d.Value).ToArray()));
        }
        return diagnostics.Count > errorsBefore ? null : new AuthorRegistry(people);
    }

    private static IReadOnlyList<Located<string>> Spellings(Fields fields, string key, string what, string example)
    {
        var list = fields.TextList(key, required: false, what, example) ?? [];
        if (list.Count <= MaxSpellings) return list;
        fields.Report(list[MaxSpellings].Position, $"\"{key}\" lists {list.Count} names; a person has at most {MaxSpellings}.");
        return [];
    }

    /// <summary>Records that <paramref name="spelling"/> names <paramref name="person"/>; false (reported) when it already names someone.</summary>
    private static bool Claim(Dictionary<string, (string Person, SourcePosition At)> owners, string spelling, string person, SourcePosition at,
        string path, List<Diagnostic> diagnostics)
    {
        if (!owners.TryGetValue(spelling, out var owner))
        {
            owners[spelling] = (person, at);
            return true;
        }
        var whose = owner.Person == spelling ? "a person's name" : $"an alias of \"{owner.Person}\"";
        diagnostics.Add(Diagnostic.At(path, at,
            $"\"{spelling}\" is already {whose} (line {owner.At.Line}): a spelling names one person; keep one of the two."));
        return false;
    }
}

/// <summary>
/// ORCID iDs: sixteen characters in four groups of four, the last a check character (ISO 7064
/// MOD 11-2, "X" for ten), written bare or as https://orcid.org/ID.
/// </summary>
public static class Orcid
{
    public const string Prefix = "https://orcid.org/";

    /// <summary>The bare iD, and what is wrong with <paramref name="text"/> (null when nothing).</summary>
    public static (string Id, string? Problem) Parse(string text)
    {
        var id = text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..]
            : text.StartsWith("http://orcid.org/", StringComparison.Ordinal) ? text["http://orcid.org/".Length..]
            : text;
        if (!WellFormed(id))
            return (id, $"\"orcid\" must be an ORCID iD such as 0000-0002-1825-0097 (four groups of four digits, the last may be X), not \"{text}\".");
        char expected = CheckCharacter(id.Replace("-", "")[..15]);
        return id[^1] == expected
            ? (id, null)
            : (id, $"ORCID iD {id} does not exist: its check character is {id[^1]}, and for {id[..^1]} it would be {expected}. Copy the iD from the person's ORCID page.");
    }

    private static bool WellFormed(string id) =>
        id.Length == 19
        && id.Select((c, i) => i % 5 == 4 ? c == '-' : i == 18 ? char.IsAsciiDigit(c) || c == 'X' : char.IsAsciiDigit(c)).All(ok => ok);

    /// <summary>ISO 7064 MOD 11-2 over the first fifteen digits, as ORCID documents it.</summary>
    public static char CheckCharacter(string digits)
    {
        int total = 0;
        foreach (char c in digits) total = (total + (c - '0')) * 2;
        int result = (12 - total % 11) % 11;
        return result == 10 ? 'X' : (char)('0' + result);
    }
}
