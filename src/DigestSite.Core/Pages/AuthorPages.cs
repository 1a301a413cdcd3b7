using System.Collections.Concurrent;
using DigestSite.Archive;
using DigestSite.Lunr;

namespace DigestSite.Pages;

/// <summary>
/// /authors/[page/N/] (every author, A–Z by family name, with a jump bar by letter) and
/// /authors/SLUG/[page/N/] (an author's papers, newest first, with their co-authors and topics).
/// </summary>
public static class AuthorPages
{
    /// <summary>Authors on one page of the A–Z list: a long page, but one a browser shows at once.</summary>
    public const int AuthorsPerPage = 500;

    /// <summary>Co-authors listed on an author's page; the rest are counted.</summary>
    public const int MaxCoAuthors = 30;

    public static IEnumerable<PlannedPage> Plan(SiteModel model)
    {
        foreach (var page in IndexPages(model)) yield return page;
        var lookups = new Lookups(model);
        foreach (var person in model.Authors.People)
            foreach (var page in PersonPages(model, person, lookups)) yield return page;
    }

    /// <summary>
    /// What the authors' views look up again and again, made once: each paper's people (a paper with seven
    /// authors is read for each of them), each person's page URL (a co-author is linked from each of their
    /// co-authors' pages) and place in the A–Z order. Shared by the render's threads, which make the views.
    /// </summary>
    private sealed class Lookups(SiteModel model)
    {
        private readonly ConcurrentDictionary<Paper, Author[]> people = new(ReferenceEqualityComparer.Instance);
        private readonly ConcurrentDictionary<Author, string> urls = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<Author, int> places = Places(model.Authors.People);

        /// <summary>
        /// The person's place in <see cref="AuthorIndex.AlphabeticalOrder"/> (<see cref="AuthorIndex.People"/> is in that order):
        /// co-authors are sorted by it, an integer, where the order itself compares up to three strings.
        /// </summary>
        public int Place(Author person) => places[person];

        private static Dictionary<Author, int> Places(IReadOnlyList<Author> people)
        {
            var places = new Dictionary<Author, int>(people.Count, ReferenceEqualityComparer.Instance);
            for (int i = 0; i < people.Count; i++) places[people[i]] = i;
            return places;
        }

        /// <summary>The paper's people in its order, each once (a person has one object: their slug is theirs alone).</summary>
        public Author[] People(Paper paper)
        {
            if (people.TryGetValue(paper, out var found)) return found;
            var met = new List<Author>(paper.Authors.Count);
            foreach (var spelling in paper.Authors)
            {
                var person = model.Authors.Of(spelling);
                if (!met.Contains(person, ReferenceEqualityComparer.Instance)) met.Add(person);
            }
            return people[paper] = [.. met];
        }

        public string Url(Author person)
        {
            if (!urls.TryGetValue(person, out var url)) urls[person] = url = model.Urls.Author(person.Slug);
            return url;
        }
    }

    private static IEnumerable<PlannedPage> IndexPages(SiteModel model)
    {
        var people = model.Authors.People;
        int pages = Math.Max(1, (people.Count + AuthorsPerPage - 1) / AuthorsPerPage);
        var letters = new List<(string Letter, int Page)>();
        for (int i = 0; i < people.Count; i++)
            if (letters.Count == 0 || letters[^1].Letter != people[i].Parts.Letter) letters.Add((people[i].Parts.Letter, i / AuthorsPerPage + 1));

        for (int number = 1; number <= pages; number++)
        {
            var url = model.Urls.Authors(number);
            var groups = people.Skip((number - 1) * AuthorsPerPage).Take(AuthorsPerPage)
                .GroupBy(p => p.Parts.Letter)
                .Select(g => new AuthorLetter(g.Key, Anchor(g.Key), g.Select(p => new AuthorListing(p.Name, model.Urls.Author(p.Slug), p.Papers.Count,
                    p.Registered?.Affiliation)).ToArray()))
                .ToArray();
            var jump = letters.Select(l => new LetterLink(l.Letter, (l.Page == number ? "" : model.Urls.Authors(l.Page)) + "#" + Anchor(l.Letter), l.Page == number))
                .ToArray();
            var title = number == 1 ? "Authors" : $"Authors, page {number}";
            var head = PageHeads.For(model, "authors", title, $"The {people.Count} authors of {model.Site.Title}, A to Z, with their papers.", url);
            yield return new PlannedPage(url, "authors", head.Kind, () => head, new Dictionary<string, object?>
            {
                ["letters"] = jump,
                ["groups"] = groups,
                ["author_count"] = people.Count,
                ["pagination"] = Pagination(model.Urls.Authors, number, pages),
            }, model.Newest);
        }
    }

    private static string Anchor(string letter) => letter == "#" ? "letter-other" : "letter-" + letter.ToLowerInvariant();

    /// <remarks>
    /// A person's pages are planned with their head and values still to make: the render's threads make them, one
    /// page at a time, when the page is hashed or rendered (at 10,000 papers, 30,000 authors' views made here took
    /// most of the plan's time on one core, and were all held until their pages were rendered).
    /// </remarks>
    private static IEnumerable<PlannedPage> PersonPages(SiteModel model, Author person, Lookups lookups)
    {
        var author = new Lazy<AuthorView>(() => View(model, person, lookups));
        var papers = new Lazy<PaperView[]>(() =>
        {
            var views = new PaperView[person.Papers.Count];
            for (int i = 0; i < views.Length; i++) views[i] = model.Papers[person.Papers[i].Slug];
            return views;
        });
        int count = person.Papers.Count;
        int perPage = model.Archive.Config.PapersPerPage;
        int pages = Math.Max(1, (count + perPage - 1) / perPage);
        var feed = new AlternateLink($"{person.Name} · {model.Site.Title}", model.Urls.AuthorFeed(person.Slug), "application/atom+xml");
        var description = $"{count} {(count == 1 ? "paper" : "papers")} by {person.Name} in {model.Site.Title}" +
                          (person.Registered?.Affiliation is { } a ? $" ({a})." : ".");
        for (int number = 1; number <= pages; number++)
        {
            var url = model.Urls.Author(person.Slug, number);
            int first = (number - 1) * perPage, page = number;
            var title = number == 1 ? person.Name : $"{person.Name}, page {number}";
            yield return new PlannedPage(url, "author", "author", () => PageHeads.For(model, "author", title, description, url, alternates: [feed]),
                new LazyValues(() => new Dictionary<string, object?>
                {
                    ["author"] = author.Value,
                    ["papers"] = papers.Value[first..Math.Min(first + perPage, count)],
                    ["pagination"] = Pagination(n => model.Urls.Author(person.Slug, n), page, pages),
                }), model.Papers[person.Papers[first].Slug].Issue.Day)
            {
                // The head is made from these, the URL and the site alone (PageHeads.For): hashed instead of a head made for it.
                HeadInputs = new object[] { title, description, feed },
            };
        }
    }

    /// <summary>What an author's pages show about them besides the papers.</summary>
    private static AuthorView View(SiteModel model, Author person, Lookups lookups)
    {
        var coAuthors = new Dictionary<Author, int>(ReferenceEqualityComparer.Instance);
        var topics = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var paper in person.Papers)
        {
            if (paper.Authors.Count <= AuthorIndex.MaxAuthorsForCoAuthors)
                foreach (var other in lookups.People(paper))
                    if (!ReferenceEquals(other, person)) coAuthors[other] = coAuthors.GetValueOrDefault(other) + 1;
            foreach (var topic in paper.TopicSlugs) topics[topic] = topics.GetValueOrDefault(topic) + 1;
        }
        var listed = coAuthors
            .OrderByDescending(c => c.Value).ThenBy(c => lookups.Place(c.Key))
            .Take(MaxCoAuthors)
            .Select(c => new CountedLink(c.Key.Name, lookups.Url(c.Key), c.Value))
            .ToArray();
        var topicLinks = topics
            .Select(t => (Topic: model.TopicRefs[t.Key], Count: t.Value))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Topic.Name, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Topic.Slug, StringComparer.Ordinal)
            .Select(t => new CountedLink(t.Topic.Name, t.Topic.Url, t.Count))
            .ToArray();
        var registered = person.Registered;
        return new AuthorView(
            person.Name,
            person.Slug,
            lookups.Url(person),
            model.Urls.AuthorFeed(person.Slug),
            model.Urls.Search + "?q=" + Uri.EscapeDataString(SearchQuery(person.Name)),
            person.Papers.Count,
            person.Spellings.Where(s => s != person.Name).ToArray(),
            registered?.Orcid,
            registered?.Orcid is { } orcid ? Content.Orcid.Prefix + orcid : null,
            registered?.Homepage?.AbsoluteUri,
            registered?.Affiliation,
            listed,
            coAuthors.Count - listed.Length,
            topicLinks);
    }

    /// <summary>
    /// A lunr query for the papers whose authors field has every word of <paramref name="name"/> that
    /// the index keeps: "+authors:jörg +authors:müller". Stop words and initials the index drops
    /// ("A." of "A. Smith" is the stop word "a") are left out, as a required term the index lacks
    /// would match nothing.
    /// </summary>
    public static string SearchQuery(string name)
    {
        var words = Tokenizer.Tokenize(name).Select(Trimmer.Trim)
            .Where(w => w.Length > 0 && !StopWordFilter.IsStopWord(w) && !w.Any(c => c is ':' or '^' or '~' or '*' or '+'))
            .Distinct(StringComparer.Ordinal)
            .Select(w => "+authors:" + w)
            .ToArray();
        return words.Length > 0 ? string.Join(' ', words) : name;
    }

    private static PaginationView Pagination(Func<int, string> url, int page, int total) => new(
        page,
        total,
        page > 1 ? url(page - 1) : null,
        page < total ? url(page + 1) : null,
        Enumerable.Range(1, total).Select(n => new PageLink(n, url(n), n == page)).ToArray());
}
