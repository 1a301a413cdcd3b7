namespace DigestSite.Corpus;

/// <summary>An author. <see cref="Name"/> is how they write their name; planted variants are other ways papers print it.</summary>
public sealed record Person(int Id, string Name, NameTradition Tradition, string Given, string? Middle, string Family)
{
    public List<string> Variants { get; } = [];
}

/// <summary>A research group: its members (the first is its head, usually the last author), the topics it works on.</summary>
public sealed record Lab(int Id, string Org, IReadOnlyList<Person> Members, IReadOnlyList<Topic> Topics, double Weight)
{
    public Person Head => Members[0];
}

/// <summary>
/// Everyone who writes the archive's papers. Labs grow with the archive (one per 20 papers) and a few
/// write most papers (weights 1/(rank+20)), so authors recur as they do in a real digest: a lab's head
/// appears on many papers, a student on a few. Every person's name is unique in the archive, so a
/// name is a person unless a variant is planted.
/// </summary>
public sealed class Population
{
    public IReadOnlyList<Lab> Labs { get; }
    public IReadOnlyList<Person> People { get; }
    private readonly double[] weights;

    private Population(List<Lab> labs, List<Person> people)
    {
        Labs = labs;
        People = people;
        weights = labs.Select(l => l.Weight).ToArray();
    }

    public Lab PickLab(Rng rng) => Labs[rng.Weighted(weights)];

    public static Population Make(int papers, Rng rng)
    {
        int labCount = Math.Max(3, papers / 20);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var people = new List<Person>();
        var labs = new List<Lab>();
        var orgs = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < labCount; i++)
        {
            var home = rng.Pick(NameTradition.All);
            int size = rng.Int(5, 12);
            var members = new List<Person>(size);
            for (int m = 0; m < size; m++)
            {
                var tradition = rng.Chance(0.7) ? home : rng.Pick(NameTradition.All);
                var person = NewPerson(people.Count, tradition, taken, rng);
                people.Add(person);
                members.Add(person);
            }
            var topics = rng.Sample(Topic.All, rng.Int(2, 4));
            labs.Add(new Lab(i, Org(members[0], orgs, rng), members, topics, 1.0 / (i + 20)));
        }
        return new Population(labs, people);
    }

    /// <summary>
    /// A new person with a name nobody has yet. When a tradition's names run out (a small pool in a
    /// large archive), the person comes from another; past that, middle initials (one, then two) make
    /// room, so an archive of any size finds names.
    /// </summary>
    internal static Person NewPerson(int id, NameTradition home, HashSet<string> taken, Rng rng)
    {
        for (int attempt = 0; ; attempt++)
        {
            var t = attempt < 20 ? home : rng.Pick(NameTradition.All);
            string given = rng.Pick(t.Given), family = rng.Pick(t.Family);
            // East Asian names rarely carry a middle initial in papers; elsewhere a quarter do.
            string? middle = attempt >= 200 ? Letter(rng) + ". " + Letter(rng)
                : attempt >= 100 || (!t.FamilyFirstAtHome && rng.Chance(0.25)) ? Letter(rng) : null;
            // A few people sign with initials only ("K. Nakamura", "J. R. Smith").
            bool initialsOnly = attempt < 20 && rng.Chance(0.03);
            string first = initialsOnly ? Initials(given) : given;
            string name = $"{first} {(middle is null ? "" : middle + ". ")}{family}";
            if (taken.Add(name)) return new Person(id, name, t, first, middle, family);
        }
    }

    private static string Letter(Rng rng) => ((char)('A' + rng.Int(0, 25))).ToString();

    /// <summary>"Jörg" -> "J.", "Jean-Pierre" -> "J.-P.", "Jae-won" -> "J.-W.".</summary>
    public static string Initials(string given) => string.Join('-', given.Split('-').Select(p => char.ToUpperInvariant(p[0]) + "."));

    private static string Org(Person head, HashSet<string> orgs, Rng rng)
    {
        string basis = Slugs.Ascii(head.Family);
        string[] suffixes = ["-lab", "-nlp", "-ml", "-group", "ai", "-research"];
        for (int i = 0; ; i++)
        {
            string org = basis + rng.Pick(suffixes) + (i > 3 ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
            if (orgs.Add(org)) return org;
        }
    }

    /// <summary>
    /// Plants name variants: a lab head in three, anyone else in twenty, gets one or two other ways of
    /// writing their name (without accents, given name as initials, middle initial dropped or added,
    /// hyphen dropped, family name first), none of them another person's name.
    /// </summary>
    public void PlantVariants(Rng rng)
    {
        var names = new HashSet<string>(People.Select(p => p.Name), StringComparer.Ordinal);
        var heads = new HashSet<int>(Labs.Select(l => l.Head.Id));
        foreach (var person in People)
        {
            if (!rng.Chance(heads.Contains(person.Id) ? 0.35 : 0.05)) continue;
            var candidates = Candidates(person, rng).Where(v => v != person.Name && !names.Contains(v)).Distinct().ToList();
            foreach (var v in rng.Sample(candidates, rng.Int(1, 2))) person.Variants.Add(v);
        }
    }

    private static IEnumerable<string> Candidates(Person p, Rng rng)
    {
        string middle = p.Middle is null ? "" : p.Middle + ". ";
        if (NameTradition.WithoutAccents(p.Name) is { } plain) yield return plain;
        if (!p.Given.EndsWith('.')) yield return $"{Initials(p.Given)} {middle}{p.Family}";
        if (p.Middle is not null) yield return $"{p.Given} {p.Family}";
        else if (!p.Tradition.FamilyFirstAtHome) yield return $"{p.Given} {(char)('A' + rng.Int(0, 25))}. {p.Family}";
        if (p.Given.Contains('-') && !p.Given.EndsWith('.'))
        {
            var parts = p.Given.Split('-');
            yield return p.Tradition.FamilyFirstAtHome
                ? $"{parts[0]}{string.Concat(parts.Skip(1).Select(s => s.ToLowerInvariant()))} {middle}{p.Family}"  // Ji-woo -> Jiwoo
                : $"{string.Join(' ', parts)} {middle}{p.Family}";                                                     // Jean-Pierre -> Jean Pierre
        }
        if (p.Tradition.FamilyFirstAtHome && !p.Given.EndsWith('.')) yield return $"{p.Family} {p.Given}";
    }
}
