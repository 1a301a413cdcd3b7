using System.Text.Json;
using System.Text.RegularExpressions;
using DigestSite.Browser.Tests.Infrastructure;
using DigestSite.Content;
using DigestSite.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DigestSite.Browser.Tests;

/// <summary>
/// The search page on a generated 10,000-paper archive: lunr's ranking untouched for queries that
/// find something, recovery from zero results step by step, hyphenated names and quoted phrases,
/// facet counts checked against the archive itself, the newest-first sort, superseded searches,
/// and the time from the last keystroke to results (reported; asserted only loosely).
/// </summary>
[Collection(SitesCollection.Name)]
public sealed partial class ArchiveSearchTests(Sites sites, ITestOutputHelper log)
{
    private const int Papers = 10_000;

    private async Task<(BuiltSite Site, Tab Tab)> OpenAsync(string path = "search/")
    {
        var site = await sites.GeneratedAsync(Papers);
        var tab = await sites.OpenAsync(site, path);
        return (site, tab);
    }

    /// <summary>
    /// Queries that find something get exactly lunr's refs, order and scores, as the whole index
    /// (index.json, loaded into the page with lunr.Index.load) gives them for the query that ran:
    /// the typed text, plus the last word as a prefix while typing. Recovered queries are lunr's
    /// answer to their rewritten query too.
    /// </summary>
    [Fact]
    public async Task Queries_that_find_something_keep_lunrs_refs_order_and_scores()
    {
        string[] finding =
        [
            "retrieval", "language model", "retrieval augmented generation", "title:benchmark", "authors:zhang",
            "+retrieval -dense", "retriev*", "*tion", "retreival~1", "model^5 retrieval", "razuzu", "topics:rag model",
            "summary:hallucination", "instruction tuning datasets",
        ];
        string[] recovered = ["distill*", "retreival", "tranformer", "title:compare"];
        var (_, tab) = await OpenAsync();
        await using var _tab = tab;
        var rows = await tab.Page.EvaluateAsync<JsonElement>("""
            async (queries) => {
              const url = new URL(document.querySelector('form.header-search').dataset.searchIndex, document.baseURI);
              const index = lunr.Index.load(await (await fetch(url)).json());
              const rows = [];
              for (const text of queries) {
                const a = await DigestSearch.search(text, {});
                const expected = index.search(a.query);
                const same = expected.length === a.refs.length
                  && expected.every((hit, i) => hit.ref === a.refs[i] && Object.is(hit.score, a.scores[i]));
                rows.push({ text, query: a.query, count: a.count, recovered: a.recovery !== null, same });
              }
              return rows;
            }
            """, finding.Concat(recovered).ToArray());
        foreach (var row in rows.EnumerateArray())
        {
            var text = row.GetProperty("text").GetString()!;
            var query = row.GetProperty("query").GetString()!;
            Assert.True(row.GetProperty("same").GetBoolean(), $"{text}: not lunr's refs, order and scores for {query}");
            Assert.True(row.GetProperty("count").GetInt32() > 0, $"{text}: found nothing");
            Assert.True(recovered.Contains(text) == row.GetProperty("recovered").GetBoolean(), $"{text}: recovered as {query}?");
            if (!recovered.Contains(text))
                Assert.True(query == text || query == text + " " + text.Split(' ')[^1] + "*", $"{text} ran as {query}");
        }
    }

    /// <summary>Each recovery step steps in on a query that needs it, in order, and says so; not on one that finds something.</summary>
    [Theory]
    [InlineData("distill*", "stem", "distil*", "Showing results for distil*, the stem of the word.")]
    [InlineData("retreival", "near", "retrieval", "Did you mean retrieval? Showing its results.")]
    [InlineData("tranformer", "near", "transformer", "Did you mean transformer?")]
    [InlineData("title:compare", "fuzzy", "title:compare~2", "Showing results for words spelt close to it: title:compare~2.")]
    [InlineData("distil*", null, "distil*", null)]
    [InlineData("retrieval", null, "retrieval", null)]
    [InlineData("title:model", null, "title:model", null)]
    public async Task Recovery_steps_in_only_when_a_query_finds_nothing(string typed, string? kind, string ran, string? message)
    {
        var (_, tab) = await OpenAsync("search/?q=" + Uri.EscapeDataString(typed));
        await using var _tab = tab;
        var status = tab.Page.Locator("#search-results .search-status");
        await Assertions.Expect(status).ToContainTextAsync("match “" + ran + "”", new() { Timeout = 30_000 });
        var answer = await AnswerAsync(tab.Page, typed);
        Assert.Equal(kind, answer.Recovery?.Kind);
        Assert.Equal(ran, answer.Text);
        if (message is null)
        {
            Assert.DoesNotContain("No papers match", await status.InnerTextAsync());
            return;
        }
        Assert.StartsWith("No papers match “" + typed + "”. " + message, await status.InnerTextAsync());
        Assert.True(answer.Count > 0);
    }

    [Fact]
    public async Task Did_you_mean_is_a_link_that_searches_for_the_suggestion()
    {
        var (_, tab) = await OpenAsync("search/?q=retreival");
        await using var _tab = tab;
        var link = tab.Page.Locator("#search-results .search-status a");
        await Assertions.Expect(link).ToHaveTextAsync("retrieval", new() { Timeout = 30_000 });
        await link.FocusAsync();
        await tab.Page.Keyboard.PressAsync("Enter");
        var status = tab.Page.Locator("#search-results .search-status");
        await Assertions.Expect(status).Not.ToContainTextAsync("Did you mean");
        await Assertions.Expect(status).ToContainTextAsync("papers match “retrieval”.");
        Assert.EndsWith("/search/?q=retrieval", tab.Page.Url);
        Assert.Equal("retrieval", await tab.Page.InputValueAsync("#search-input"));
    }

    /// <summary>GPT-4 requires both parts (lunr splits on hyphens); the results that show "GPT-4" come first.</summary>
    [Fact]
    public async Task A_hyphenated_model_name_requires_its_parts_and_ranks_exact_mentions_first()
    {
        var (_, tab) = await OpenAsync("search/?q=GPT-4");
        await using var _tab = tab;
        await Assertions.Expect(tab.Page.Locator("#search-results .search-status")).ToContainTextAsync("Those showing “GPT-4” come first.", new() { Timeout = 30_000 });
        var answer = await AnswerAsync(tab.Page, "GPT-4");
        Assert.Equal("+GPT +4", answer.Query);
        Assert.Equal(["GPT-4"], answer.Names);
        var shows = (await ResultTextsAsync(tab.Page)).Select(t => Normalized(t, keepHyphens: true).Contains(" gpt-4 ")).ToList();
        Assert.Contains(true, shows);
        Assert.True(shows.SkipWhile(s => s).All(s => !s), "a result showing GPT-4 comes after one that does not: " + string.Join(",", shows));
    }

    /// <summary>
    /// A quoted phrase keeps exactly the matches whose text (title, authors, topics, summary) holds
    /// it, fetching display files, and whole summaries where the excerpt does not show it, only as
    /// needed; its words are required, but for stop words, which the index does not hold.
    /// </summary>
    [Theory]
    [InlineData("instruction tuning", "+instruction +tuning", true)]
    [InlineData("chain of thought", "+chain +thought", false)] // the archive's papers with both words all hold the phrase
    public async Task A_quoted_phrase_keeps_exactly_the_matches_whose_text_holds_it(string phrase, string ran, bool someLeftOut)
    {
        var query = "\"" + phrase + "\"";
        var (site, tab) = await OpenAsync("search/?q=" + Uri.EscapeDataString(query));
        await using var _tab = tab;
        var status = tab.Page.Locator("#search-results .search-status");
        await Assertions.Expect(status).ToContainTextAsync("of them show “" + phrase + "” in the title, authors, topics or summary", new() { Timeout = 30_000 });
        var answer = await AnswerAsync(tab.Page, query);
        Assert.Equal([phrase], answer.Phrases);
        Assert.Equal(ran, answer.Query);

        // The reader asks for more until every match is checked; the status then gives the final count.
        for (int more = 0; more < 30 && CheckedCount().IsMatch(await status.InnerTextAsync()); more++)
        {
            var before = await status.InnerTextAsync();
            await tab.Page.Locator("#search-results .search-more-results").ClickAsync();
            await Assertions.Expect(status).Not.ToHaveTextAsync(before, new() { Timeout = 30_000 });
        }
        var final = AllCheckedCount().Match(await status.InnerTextAsync());
        Assert.True(final.Success, await status.InnerTextAsync());

        var texts = Texts(site);
        var expected = answer.Refs.Where(r => Normalized(texts[r], keepHyphens: false).Contains(" " + phrase + " ")).ToList();
        Assert.Equal(expected.Count, int.Parse(final.Groups["shown"].Value, System.Globalization.NumberStyles.AllowThousands));
        Assert.Equal(someLeftOut, expected.Count < answer.Count);
        var shownRefs = (await tab.Page.Locator("#search-results .search-result").EvaluateAllAsync<string[]>(
            "items => items.map((item) => new URL(item.querySelector('a').href).pathname.split('/').filter(Boolean).pop())")).ToList();
        Assert.Equal(expected, shownRefs);
    }

    /// <summary>Topic, year and author counts over all matches equal counts made from the archive's files.</summary>
    [Theory]
    [InlineData("retrieval")]
    [InlineData("GPT-4")]
    [InlineData("distill*")]
    public async Task Facet_counts_match_counts_from_the_archive(string query)
    {
        var (site, tab) = await OpenAsync();
        await using var _tab = tab;
        var archive = Facts(site);
        var all = await AnswerAsync(tab.Page, query);
        Assert.Equal(all.Total, all.Refs.Length);
        AssertFacets(archive, all, all.Refs);

        // With a topic chosen: the results are that topic's, and the other facets count only them;
        // the topic facet still counts every match, so that the other topics show what they would give.
        var topic = all.Facets.Topic[1].Value;
        var filtered = await AnswerAsync(tab.Page, query, new { topic = new[] { topic } });
        Assert.Equal(all.Facets.Topic[1].Count, filtered.Count);
        Assert.All(filtered.Refs, r => Assert.Contains(topic, archive[r].Topics));
        Assert.Equal(all.Facets.Topic.Select(v => (v.Value, v.Count)), filtered.Facets.Topic.Select(v => (v.Value, v.Count)));
        Assert.True(filtered.Facets.Topic.Single(v => v.Value == topic).Selected);
        AssertFacets(archive, filtered, filtered.Refs, topicRefs: all.Refs);
    }

    private static void AssertFacets(Dictionary<string, PaperFacts> archive, Answer answer, string[] refs, string[]? topicRefs = null)
    {
        Assert.Equal(
            Counts((topicRefs ?? refs).SelectMany(r => archive[r].Topics)).ToHashSet(),
            answer.Facets.Topic.Select(v => (v.Value, v.Count)).ToHashSet());
        Assert.Equal(Counts(refs.Select(r => archive[r].Year)).ToHashSet(), answer.Facets.Year.Select(v => (v.Value, v.Count)).ToHashSet());
        // Authors: the ten with most matches among those with two papers or more in the archive; ties by name (ordinal).
        var prolific = archive.Values.SelectMany(p => p.Authors).GroupBy(a => a).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var expected = Counts(refs.SelectMany(r => archive[r].Authors).Where(prolific.Contains))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).Take(10);
        Assert.Equal(expected, answer.Facets.Author!.Select(v => (v.Value, v.Count)));
    }

    private static IEnumerable<(string Value, int Count)> Counts(IEnumerable<string> values) =>
        values.GroupBy(v => v).Select(g => (g.Key, g.Count()));

    /// <summary>Newest first: lunr's order, stably sorted by issue date (checked against the archive).</summary>
    [Fact]
    public async Task Newest_first_sorts_the_matches_by_date_keeping_lunrs_order_within_a_day()
    {
        var (site, tab) = await OpenAsync();
        await using var _tab = tab;
        var archive = Facts(site);
        var relevance = await AnswerAsync(tab.Page, "retrieval");
        var newest = await AnswerAsync(tab.Page, "retrieval", new { sort = "newest" });
        Assert.Equal(relevance.Refs.OrderByDescending(r => archive[r].Date, StringComparer.Ordinal), newest.Refs);
        Assert.NotEqual(relevance.Refs, newest.Refs);
    }

    /// <summary>A search replaced by a newer one before its shards arrive is abandoned in the worker (answers null).</summary>
    [Fact]
    public async Task A_superseded_search_is_abandoned()
    {
        var (_, tab) = await OpenAsync();
        await using var _tab = tab;
        var answers = await tab.Page.EvaluateAsync<JsonElement>("""
            async () => {
              await DigestSearch.where();
              const answers = await Promise.all(['quantization', 'hallucination', 'razuzu'].map((q) => DigestSearch.search(q, {})));
              return answers.map((a) => a && a.count);
            }
            """);
        var counts = answers.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.Null ? (int?)null : a.GetInt32()).ToList();
        Assert.Null(counts[0]);
        Assert.Null(counts[1]);
        Assert.True(counts[2] > 0);
    }

    /// <summary>
    /// 50 queries typed at 50 ms a key once the index is open: the time from the last keystroke to
    /// the results drawn, and the longest task on the page's main thread meanwhile. The budget
    /// (100 ms for 95%) is reported, and asserted only loosely: figures in docs/performance.md.
    /// </summary>
    [Fact]
    public async Task Typing_latency_is_measured()
    {
        string[] queries =
        [
            "retrieval", "attention", "transformer", "quantization", "hallucination", "distillation", "reasoning", "benchmark",
            "language model", "instruction tuning", "code generation", "mixture of experts", "long context", "speech recognition",
            "knowledge graph", "reinforcement learning", "tool use", "vision language", "time series", "scaling laws",
            "retrieval augmented generation", "parameter efficient", "low rank", "chain of thought", "in context learning",
            "authors:zhang", "authors:kim", "title:model", "title:retrieval", "topics:rag", "+retrieval -dense", "GPT-4",
            "\"instruction tuning\"", "distill*", "retreival", "tranformer", "langauge", "atention", "evalution", "razuzu",
            "kalomimi", "sparse", "embedding", "robustness", "alignment", "safety", "multilingual", "agents", "pretraining",
            "prompting",
        ];
        var (_, tab) = await OpenAsync();
        await using var _tab = tab;
        var result = await tab.Page.EvaluateAsync<JsonElement>("""
            async (queries) => {
              const input = document.getElementById('search-input');
              const status = document.querySelector('#search-results .search-status');
              const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
              const until = async (text) => { while (!status.textContent.includes(text) || status.textContent.startsWith('Loading')) await sleep(1); };
              const type = (value) => { input.value = value; input.dispatchEvent(new Event('input')); };
              let longest = 0;
              new PerformanceObserver((list) => { for (const e of list.getEntries()) longest = Math.max(longest, e.duration); }).observe({ type: 'longtask' });
              type('warm'); await until('warm');
              longest = 0;
              const times = [];
              for (const q of queries) {
                for (let i = 1; i < q.length; i++) { type(q.slice(0, i)); await sleep(50); }
                type(q);
                const start = performance.now();
                await until(q);
                times.push(performance.now() - start);
                await sleep(20);
              }
              return { times, longest };
            }
            """, queries);
        var inOrder = result.GetProperty("times").EnumerateArray().Select(t => t.GetDouble()).ToArray();
        var times = inOrder.Order().ToArray();
        double Percentile(double p) => times[(int)Math.Ceiling(p * times.Length) - 1];
        var longest = result.GetProperty("longest").GetDouble();
        log.WriteLine($"{Papers:N0} papers, {times.Length} queries typed at 50 ms a key, last keystroke to results drawn: " +
            $"median {Percentile(0.5):0} ms, p90 {Percentile(0.9):0} ms, p95 {Percentile(0.95):0} ms, max {times[^1]:0} ms; " +
            $"{times.Count(t => t <= 100)} of {times.Length} within 100 ms; longest main-thread task {longest:0} ms");
        log.WriteLine("all: " + string.Join(" ", times.Select(t => t.ToString("0"))));
        log.WriteLine("slowest: " + string.Join(", ", queries.Zip(inOrder).OrderByDescending(q => q.Second).Take(8).Select(q => $"{q.First} {q.Second:0} ms")));
        // Loose: a shared 2-core machine varies a lot; the real figure is the one reported.
        Assert.True(Percentile(0.95) < 5000, $"p95 {Percentile(0.95):0} ms");
        Assert.True(longest < 1000, $"the page's main thread was blocked for {longest:0} ms");
    }

    // --- Helpers ---

    private sealed record PaperFacts(string[] Topics, string Year, string Date, string[] Authors);

    private static Dictionary<string, PaperFacts>? facts;
    private static Dictionary<string, string>? texts;

    /// <summary>Each paper's title, authors, topics and summary as plain text, as the search index holds them.</summary>
    private static Dictionary<string, string> Texts(BuiltSite site)
    {
        if (texts is not null) return texts;
        var model = new SiteModel(ContentLoader.Load(site.Content).Archive!);
        return texts = model.Archive.Papers.Select(p => model.Papers[p.Slug]).ToDictionary(
            p => p.Slug, p => string.Join(" ", p.Title, p.AuthorsText, string.Join(" ", p.Topics.Select(t => t.Name)), p.SummaryText.ToString()));
    }

    /// <summary>Each paper's topic names, year, date and authors, read from the archive's files.</summary>
    private static Dictionary<string, PaperFacts> Facts(BuiltSite site)
    {
        if (facts is not null) return facts;
        var archive = ContentLoader.Load(site.Content).Archive!;
        var names = archive.Topics.ToDictionary(t => t.Slug, t => t.Name);
        return facts = archive.Papers.ToDictionary(p => p.Slug, p => new PaperFacts(
            p.TopicSlugs.Select(s => names[s]).ToArray(),
            p.IssueDate.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            p.IssueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            p.Authors.Distinct().ToArray()));
    }

    internal sealed record Answer(string Text, string Query, string? Error, Recovery? Recovery, string[] Phrases, string[] Names,
        int Total, int Count, string[] Refs, Facets Facets);
    internal sealed record Recovery(string Kind, string Text);
    internal sealed record Facets(FacetValue[] Topic, FacetValue[] Year, FacetValue[]? Author);
    internal sealed record FacetValue(string Value, int Count, bool Selected);

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>What the page's engine answers (DigestSearch.search, the API search.js gives a theme's scripts).</summary>
    internal static async Task<Answer> AnswerAsync(IPage page, string text, object? options = null)
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            async ([text, options]) => {
              const a = await DigestSearch.search(text, options);
              return { text: a.text, query: a.query, error: a.error, recovery: a.recovery, phrases: a.phrases, names: a.names,
                       total: a.total, count: a.count, refs: a.refs, facets: a.facets };
            }
            """, new object[] { text, options ?? new { } });
        return json.Deserialize<Answer>(Web)!;
    }

    private static async Task<List<string>> ResultTextsAsync(IPage page)
    {
        var items = page.Locator("#search-results .search-result");
        await Assertions.Expect(items.First).ToBeVisibleAsync();
        return (await items.AllInnerTextsAsync()).ToList();
    }

    /// <summary>Lowercase words separated by single spaces (hyphens kept or not), as the page compares them.</summary>
    private static string Normalized(string text, bool keepHyphens) =>
        " " + (keepHyphens ? NotWordOrHyphen() : NotWord()).Replace(text.ToLowerInvariant(), " ") + " ";

    [GeneratedRegex(@"So far, (\d+) of them show .* \(([\d,]+) checked\)")]
    private static partial Regex CheckedCount();

    [GeneratedRegex(@"^(?<total>[\d,]+) papers match .*?\. (?<shown>[\d,]+) of them show")]
    private static partial Regex AllCheckedCount();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NotWord();

    [GeneratedRegex(@"[^\p{L}\p{N}-]+")]
    private static partial Regex NotWordOrHyphen();
}
