using System.Globalization;

namespace DigestSite.Corpus;

/// <summary>
/// Makes the papers one after another, oldest first, and remembers what was planted. Each paper draws
/// from its own random stream (from the seed and its number), so planting something in one paper
/// leaves every other paper as it was.
/// </summary>
internal sealed class ArchiveBuilder(CorpusOptions options, Population population, Roles roles, Newcomers newcomers, ulong seed)
{
    private static readonly string[] Submitters =
        ["mira-k", "tobias-h", "Ana Costa", "jlee", "priya.s", "Kenji Watanabe", "the editors", "lukas-b", "Zoë L.", "omar_h"];

    private readonly bool modelNames = options.Plants.HasFlag(Plants.ModelNames);
    private readonly Dictionary<int, Draft> originals = [];
    private readonly Dictionary<int, int> nextArxivNumber = [];   // YYMM -> next free number that month
    private readonly HashSet<string> slugs = new(StringComparer.Ordinal);
    // What was planted, recorded as each paper is made (the papers themselves are not kept).
    private readonly Dictionary<(int Person, string Variant), List<string>> variantUses = [];
    private readonly Dictionary<string, List<string>> modelUses = new(StringComparer.Ordinal);
    private readonly List<(int Original, PlantedDuplicate Pair)> duplicates = [];

    public Draft Paper(int index, DateOnly issue)
    {
        var rng = new Rng(seed ^ (0x9E3779B97F4A7C15UL * (ulong)(index + 1)));
        Draft draft;
        if (roles.Copies.TryGetValue(index, out int original)) draft = NearDuplicate(originals[original], index, issue, rng);
        else if (roles.Installments.TryGetValue(index, out var installment)) draft = Installment(installment.Series, installment.Part, index, issue, rng);
        else draft = Fresh(index, issue, rng, population.PickLab(rng));
        draft = WithIdentity(draft, rng.Fork("identity"));
        draft = draft with { Authors = newcomers.Join(index, draft.Authors, () => rng.Fork("newcomers")) };
        draft = draft with { AuthorNames = Printed(draft.Authors, rng.Fork("names")) };
        Record(draft);
        return draft;
    }

    /// <summary>An ordinary paper by <paramref name="lab"/>, on its topics mostly.</summary>
    private Draft Fresh(int index, DateOnly issue, Rng rng, Lab lab)
    {
        var topics = Topics(lab, null, rng);
        var words = PaperWords.Draw(topics, MethodNames.Draw(rng), lab.Org, rng);
        return Compose(index, issue, lab, Authors(lab, head: false, rng), topics, words, "title", rng);
    }

    private Draft Installment(SeriesPlan series, int part, int index, DateOnly issue, Rng rng)
    {
        var topics = Topics(series.Lab, series.Topic, rng);
        var words = PaperWords.Draw(topics, series.NameFor(part), series.Lab.Org, rng);
        if (series.Made.Count > 0) words = words with { Previous = (series.Made[^1].Method, series.Made[^1].Url) };
        return Compose(index, issue, series.Lab, Authors(series.Lab, head: true, rng), topics, words, "seriestitle", rng);
    }

    private Draft Compose(int index, DateOnly issue, Lab lab, IReadOnlyList<Person> authors, IReadOnlyList<Topic> topics,
        PaperWords words, string titlePool, Rng rng)
    {
        var bind = words.Binder(rng, modelNames);
        var title = Grammar.Capitalize(Grammar.Pick(titlePool, bind, rng));
        var summary = Summaries.Compose(bind, rng, modelNames, words.Previous is not null);
        return new Draft(index, issue, lab, authors, topics, words, title, summary) { Slug = "" };
    }

    /// <summary>
    /// The same work submitted again: same authors (two perhaps swapped), topics and links, the title
    /// changed a little, one or two sentences of the summary rewritten; a new arXiv id and issue.
    /// </summary>
    private Draft NearDuplicate(Draft original, int index, DateOnly issue, Rng rng)
    {
        var authors = original.Authors.ToList();
        if (authors.Count >= 3 && rng.Chance(0.5))
        {
            int a = rng.Int(1, authors.Count - 2), b = rng.Int(1, authors.Count - 2);
            (authors[a], authors[b]) = (authors[b], authors[a]);
        }
        var summary = Summaries.Reword(original.Summary, original.Words.Binder(rng, modelNames), rng);
        return new Draft(index, issue, original.Lab, authors, original.Topics, original.Words, Titles.Reword(original.Title, original.Method, rng), summary)
        {
            Slug = "",
            Links = original.Links,
        };
    }

    private static IReadOnlyList<Topic> Topics(Lab lab, Topic? main, Rng rng)
    {
        var first = main ?? (rng.Chance(0.75) ? rng.Pick(lab.Topics) : rng.Pick(Topic.All));
        var topics = new List<Topic> { first };
        int count = rng.Int(1, 3);
        while (topics.Count < count)
        {
            var t = rng.Chance(0.5) ? rng.Pick(lab.Topics) : rng.Pick(Topic.All);
            if (!topics.Contains(t)) topics.Add(t);
        }
        // topics.yml order, as an editor lists them; the first drawn stays the paper's main topic for its words.
        return [first, .. topics.Skip(1).OrderBy(t => Array.IndexOf(Topic.All, t))];
    }

    /// <summary>1 to 8 authors: students of the lab first, sometimes a collaborator from another lab, the head last (or always, in a series).</summary>
    private IReadOnlyList<Person> Authors(Lab lab, bool head, Rng rng)
    {
        int count = rng.Weighted([1, 3, 5, 6, 5, 4, 3, 2]) + 1;
        bool withHead = head || rng.Chance(0.8);
        var others = lab.Members.Skip(1).ToList();
        var authors = rng.Sample(others, Math.Min(others.Count, count - (withHead ? 1 : 0)));
        if (rng.Chance(0.25) && authors.Count + (withHead ? 1 : 0) < 8)
        {
            var guest = population.PickLab(rng);
            if (guest != lab) authors.Insert(rng.Int(Math.Min(1, authors.Count), authors.Count), rng.Pick(guest.Members));
        }
        if (withHead) authors.Add(lab.Head);
        return authors.Distinct().ToList();
    }

    /// <summary>How this paper prints each author: a planted variant a third of the time, for people who have one.</summary>
    private static IReadOnlyList<string> Printed(IReadOnlyList<Person> authors, Rng rng) =>
        authors.Select(p => p.Variants.Count > 0 && rng.Chance(0.35) ? rng.Pick(p.Variants) : p.Name).ToList();

    /// <summary>
    /// arXiv id, slug, dates, upvotes, links, who suggested it. The paper appeared on arXiv up to a week
    /// before its issue; ids number the month's papers in order. 3% are not on arXiv (slug from the
    /// title), 4% cite a later version ("v2").
    /// </summary>
    private Draft WithIdentity(Draft d, Rng rng)
    {
        var published = d.Issue.AddDays(-rng.Int(0, 7));
        string? arxiv = null;
        string slug;
        if (rng.Chance(0.97))
        {
            int month = published.Year % 100 * 100 + published.Month;
            int number = nextArxivNumber.TryGetValue(month, out var next) ? next : rng.Int(1, 900);
            nextArxivNumber[month] = number + rng.Int(1, 25);
            slug = $"{month:0000}.{number:00000}";
            arxiv = rng.Chance(0.04) ? slug + "v" + rng.Int(2, 3).ToString(CultureInfo.InvariantCulture) : slug;
        }
        else slug = TitleSlug(d.Title);
        slugs.Add(slug);
        return d with
        {
            Slug = slug,
            Arxiv = arxiv,
            Published = rng.Chance(0.7) ? published : null,
            Upvotes = rng.LongTail(3000),
            Links = d.Links.Count > 0 ? d.Links : Links(d, rng),
            SubmittedBy = rng.Chance(0.15) ? rng.Pick(Submitters) : null,
        };
    }

    private string TitleSlug(string title)
    {
        var basis = Slugs.Ascii(title);
        if (basis.Length > 60) basis = basis[..basis.LastIndexOf('-', 60)];
        var slug = basis;
        for (int i = 2; slugs.Contains(slug); i++) slug = $"{basis}-{i}";
        return slug;
    }

    private static List<(string, string)> Links(Draft d, Rng rng)
    {
        string org = d.Lab.Org, name = Slugs.Ascii(d.Method);
        var links = new List<(string, string)>();
        if (rng.Chance(0.4)) links.Add(("code", d.Words.CodeUrl));
        if (rng.Chance(0.1)) links.Add(("project", $"https://{org}.github.io/{name}/"));
        if (rng.Chance(0.06)) links.Add(("dataset", $"https://huggingface.co/datasets/{org}/{name}"));
        if (rng.Chance(0.04)) links.Add(("demo", $"https://huggingface.co/spaces/{org}/{name}"));
        return links;
    }

    /// <summary>
    /// An editor's introduction for two issues in five: a title, the issue's leading topic, its most
    /// upvoted paper and perhaps a second one, with links.
    /// </summary>
    public string? Introduction(DateOnly date, IReadOnlyList<Draft> papers)
    {
        var rng = new Rng(seed ^ 0xD1B54A32D192ED03UL ^ (ulong)date.DayNumber);
        if (!rng.Chance(0.4)) return null;
        var ranked = papers.OrderByDescending(p => p.Upvotes).ThenBy(p => p.Index).ToList();
        var (first, second) = (ranked[0], ranked.Count > 1 ? ranked[1] : ranked[0]);
        var topic = papers.SelectMany(p => p.Topics).GroupBy(t => t)
            .OrderByDescending(g => g.Count()).ThenBy(g => Array.IndexOf(Topic.All, g.Key)).First();
        var paperBind = first.Words.Binder(rng, modelNames: false);
        string? Bind(string slot) => slot switch
        {
            "topicname" => Grammar.InSentence(topic.Key.Name),
            "topiccount" => topic.Count().ToString(CultureInfo.InvariantCulture),
            "papercount" => papers.Count.ToString(CultureInfo.InvariantCulture),
            "firsttitle" => first.Title,
            "secondmethod" => second.Method,
            "secondurl" => second.Url,
            "secondtask" => second.Words.Task,
            "submitter" => rng.Pick(Submitters),
            _ => paperBind(slot),
        };
        var title = Grammar.Capitalize(Grammar.Pick("introtitle", Bind, rng));
        var sentences = new List<string> { Grammar.Pick("introopening", Bind, rng), Grammar.Pick("intropick", Bind, rng) };
        if (papers.Count > 1 && rng.Chance(0.6)) sentences.Add(Grammar.Pick("introsecond", Bind, rng));
        if (rng.Chance(0.3)) sentences.Add(Grammar.Pick("introthanks", Bind, rng));
        var body = string.Join(' ', sentences.Select(Grammar.Capitalize));
        return $"---\ntitle: {Yaml.Quote(title)}\n---\n\n{body}\n";
    }

    private void Record(Draft d)
    {
        if (roles.Originals.Contains(d.Index)) originals[d.Index] = d;
        if (roles.Copies.TryGetValue(d.Index, out int original))
            duplicates.Add((original, new PlantedDuplicate(originals[original].Slug, d.Slug)));
        if (roles.Installments.TryGetValue(d.Index, out var installment)) installment.Series.Made.Add(d);
        for (int i = 0; i < d.Authors.Count; i++)
        {
            if (d.AuthorNames[i] == d.Authors[i].Name) continue;
            var key = (d.Authors[i].Id, d.AuthorNames[i]);
            if (!variantUses.TryGetValue(key, out var papers)) variantUses[key] = papers = [];
            papers.Add(d.Slug);
        }
        if (!modelNames) return;
        var text = d.Title + "\n" + d.SummaryText;
        foreach (var model in ModelNames.All.Where(m => ModelNames.Mentions(text, m)))
        {
            if (!modelUses.TryGetValue(model, out var papers)) modelUses[model] = papers = [];
            papers.Add(d.Slug);
        }
    }

    /// <summary>What was planted, as the papers print it; people, series and model names in a fixed order.</summary>
    public Planted Planted()
    {
        var authors = population.People
            .Select(p => new PlantedAuthor(p.Name, p.Variants
                .Where(v => variantUses.ContainsKey((p.Id, v)))
                .Select(v => new PlantedVariant(v, variantUses[(p.Id, v)])).ToList()))
            .Where(a => a.Variants.Count > 0).ToList();
        var series = roles.Series.Select(s => new PlantedSeries(s.Lab.Head.Name, s.Name, s.Made.Select(d => d.Slug).ToList())).ToList();
        var models = ModelNames.All.Where(modelUses.ContainsKey).Select(m => new PlantedModelName(m, modelUses[m])).ToList();
        return new Planted(authors, duplicates.OrderBy(d => d.Original).Select(d => d.Pair).ToList(), series, models);
    }
}
