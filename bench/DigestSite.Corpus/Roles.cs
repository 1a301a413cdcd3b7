namespace DigestSite.Corpus;

/// <summary>A series of papers by one lab head, and the archive positions (paper numbers, oldest first) of its installments.</summary>
internal sealed record SeriesPlan(Lab Lab, Topic Topic, string Name, int Style, IReadOnlyList<int> Positions)
{
    /// <summary>The installments written so far.</summary>
    public List<Draft> Made { get; } = [];

    /// <summary>The method's name in installment <paramref name="part"/> (0 = the first): "Kalomi", "Kalomi-2", "Kalomi 2", "Kalomi-v2", "Kalomi2".</summary>
    public string NameFor(int part) => part == 0 ? Name : Style switch
    {
        0 => $"{Name}-{part + 1}",
        1 => $"{Name} {part + 1}",
        2 => $"{Name}-v{part + 1}",
        _ => $"{Name}{part + 1}",
    };
}

/// <summary>Which paper numbers are planted: installments of a series, near-duplicates (and their originals).</summary>
internal sealed class Roles
{
    public Dictionary<int, (SeriesPlan Series, int Part)> Installments { get; } = [];
    /// <summary>Copy's number -> original's number (the original comes first).</summary>
    public Dictionary<int, int> Copies { get; } = [];
    public HashSet<int> Originals { get; } = [];
    public List<SeriesPlan> Series { get; } = [];

    /// <summary>
    /// One series per 300 papers (from 60), of 3 to 5 installments spread over the archive; one
    /// near-duplicate per 100 papers (from 40), at most 600 papers after its original.
    /// </summary>
    public static Roles Plan(CorpusOptions options, Population population, Rng rng)
    {
        var roles = new Roles();
        int n = options.Papers;
        var taken = new HashSet<int>();
        if (options.Plants.HasFlag(Plants.Series) && n >= 60)
        {
            for (int s = 0; s < Math.Max(1, n / 300); s++)
            {
                var lab = population.PickLab(rng);
                var free = Enumerable.Range(0, n).Where(i => !taken.Contains(i)).ToList();
                var positions = rng.Sample(free, rng.Int(3, 5)).Order().ToList();
                taken.UnionWith(positions);
                var plan = new SeriesPlan(lab, rng.Pick(lab.Topics), Grammar.Capitalize(MethodNames.Word(rng, 2, 3)), rng.Int(0, 3), positions);
                roles.Series.Add(plan);
                for (int part = 0; part < positions.Count; part++) roles.Installments[positions[part]] = (plan, part);
            }
        }
        if (options.Plants.HasFlag(Plants.NearDuplicates) && n >= 40)
        {
            for (int c = 0; c < Math.Max(1, n / 100); c++)
            {
                for (int attempt = 0; attempt < 100; attempt++)
                {
                    int original = rng.Int(0, n - 2);
                    int copy = original + rng.Int(1, Math.Min(600, n - 1 - original));
                    if (taken.Contains(original) || taken.Contains(copy)) continue;
                    taken.Add(original);
                    taken.Add(copy);
                    roles.Originals.Add(original);
                    roles.Copies[copy] = original;
                    break;
                }
            }
        }
        return roles;
    }
}
