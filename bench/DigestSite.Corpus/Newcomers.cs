namespace DigestSite.Corpus;

/// <summary>
/// People from outside the labs who write one paper of the archive (a visiting student, a
/// collaborator's team, an industry partner), added when <see cref="CorpusOptions.Authors"/> asks
/// for more people than the labs have. Each newcomer is given to one paper, drawn at random among
/// the papers that are not near-duplicates (a copy keeps its original's authors, newcomers
/// included), so a paper has none, one or several (on average the extra people over the papers).
/// </summary>
internal sealed class Newcomers
{
    /// <summary>No newcomers: the archive's people are the labs' (the default).</summary>
    public static readonly Newcomers None = new([], []);

    private readonly int[] counts;        // paper number -> how many newcomers it has
    private readonly List<Person> people; // in the order the papers take them
    private int next;

    private Newcomers(int[] counts, List<Person> people)
    {
        this.counts = counts;
        this.people = people;
    }

    /// <summary>
    /// Enough newcomers for the archive to have <paramref name="authors"/> people, their names unlike
    /// anyone's (planted variants included), each of a naming tradition drawn at random.
    /// </summary>
    public static Newcomers Make(int authors, CorpusOptions options, Population population, Roles roles, Rng rng)
    {
        int extra = Math.Max(0, authors - population.People.Count);
        var eligible = Enumerable.Range(0, options.Papers).Where(i => !roles.Copies.ContainsKey(i)).ToArray();
        var counts = new int[options.Papers];
        for (int i = 0; i < extra; i++) counts[eligible[rng.Int(0, eligible.Length - 1)]]++;

        var taken = new HashSet<string>(population.People.SelectMany(p => p.Variants.Prepend(p.Name)), StringComparer.Ordinal);
        var people = new List<Person>(extra);
        for (int i = 0; i < extra; i++)
            people.Add(Population.NewPerson(population.People.Count + i, rng.Pick(NameTradition.All), taken, rng));
        return new Newcomers(counts, people);
    }

    /// <summary>
    /// Paper <paramref name="index"/>'s authors with its newcomers among them, anywhere but last (the
    /// last author is usually the lab's head). Papers must ask in order, each once: newcomers are
    /// handed out in turn. <paramref name="rng"/> is called only for a paper that has newcomers.
    /// </summary>
    public IReadOnlyList<Person> Join(int index, IReadOnlyList<Person> authors, Func<Rng> rng)
    {
        if (index >= counts.Length || counts[index] == 0) return authors;
        var random = rng();
        var joined = authors.ToList();
        for (int i = 0; i < counts[index]; i++) joined.Insert(random.Int(0, joined.Count - 1), people[next++]);
        return joined;
    }
}
