using System.Text;
using System.Text.Json;
using DigestSite.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DigestSite.Browser.Tests;

/// <summary>
/// The search page on the sample site (content/): what a reader gets for the queries that used to
/// fail, the facets and the sort with the keyboard, the URL round trip, the Web Worker and the
/// page fallback, and axe and layout checks of the page with results.
/// </summary>
[Collection(SitesCollection.Name)]
public sealed class SearchPageTests(Sites sites)
{
    private static ILocator Status(IPage page) => page.Locator("#search-results .search-status");
    private static ILocator Titles(IPage page) => page.Locator("#search-results .search-result h2 a");

    [Theory]
    [InlineData("distill*", "No papers match “distill*”. Showing results for distil*, the stem of the word. 4 papers match “distil*”.", "Distil")]
    [InlineData("retreival", "No papers match “retreival”. Did you mean retrieval? Showing its results. 16 papers match “retrieval”.", "Retrieval")]
    [InlineData("GPT-4", "5 papers match “GPT-4”. Those showing “GPT-4” come first.", null)]
    [InlineData("\"instruction tuning\"", "papers match \"instruction tuning\". 15 of them show “instruction tuning” in the title, authors, topics or summary.", "Instruction Tuning")]
    public async Task Queries_that_used_to_fail_give_what_the_reader_means(string query, string status, string? firstTitleHas)
    {
        await using var tab = await sites.OpenAsync(sites.Sample, "search/?q=" + Uri.EscapeDataString(query));
        await Assertions.Expect(Status(tab.Page)).ToContainTextAsync(status);
        if (firstTitleHas is not null) Assert.Contains(firstTitleHas, await Titles(tab.Page).First.InnerTextAsync());
        Assert.Empty(tab.ScriptErrors);
    }

    /// <summary>The header box's quick results on other pages recover too, and say so.</summary>
    [Fact]
    public async Task The_header_box_elsewhere_recovers_from_a_typo()
    {
        await using var tab = await sites.OpenAsync(sites.Sample, "topics/");
        await tab.Page.Locator("#header-search-input").PressSequentiallyAsync("retreival");
        var popup = tab.Page.Locator("#search-popup");
        await Assertions.Expect(popup.Locator(".search-popup-note")).ToHaveTextAsync("Showing results for retrieval");
        await Assertions.Expect(popup.Locator(".search-result")).ToHaveCountAsync(6);
        await Assertions.Expect(popup.Locator(".search-more")).ToHaveTextAsync("All 16 results");
        Assert.Empty(tab.ScriptErrors);
    }

    /// <summary>
    /// The header box's quick results link each author to their page, as the search page's results
    /// do; the arrow keys still move from title to title (Up from an author link goes to its own
    /// result's title), and axe finds nothing with the popup open, light and dark.
    /// </summary>
    [Fact]
    public async Task The_header_box_elsewhere_links_authors_and_keeps_the_arrow_keys()
    {
        await using var tab = await sites.OpenAsync(sites.Sample, "topics/");
        var page = tab.Page;
        await page.Locator("#header-search-input").PressSequentiallyAsync("retrieval");
        var results = page.Locator("#search-popup .search-result");
        await Assertions.Expect(results).ToHaveCountAsync(6);
        for (int i = 0; i < 6; i++)
        {
            var names = (await results.Nth(i).Locator(".search-meta").InnerTextAsync()).Split(" · ", 2)[1].Split(", ");
            var links = results.Nth(i).Locator(".search-meta a.result-author");
            Assert.Equal(names, await links.AllInnerTextsAsync());
            foreach (var href in await links.EvaluateAllAsync<string[]>("links => links.map(a => a.href)"))
            {
                Assert.Matches("/digest/authors/[a-z0-9-]+/$", href);
                Assert.True((await page.APIRequest.GetAsync(href)).Ok, href + " is not a page");
            }
        }

        string Focused() => "document.activeElement.closest('.search-result') ? [...document.querySelectorAll('#search-popup .search-result')].indexOf(document.activeElement.closest('.search-result')) + ':' + document.activeElement.className : document.activeElement.id";
        async Task Press(string key, string expected)
        {
            await page.Keyboard.PressAsync(key);
            Assert.Equal(expected, await page.EvaluateAsync<string>(Focused()));
        }
        await Press("ArrowDown", "0:result-title");
        await Press("Tab", "0:result-author");
        await Press("ArrowDown", "1:result-title");
        await Press("Tab", "1:result-author");
        await Press("ArrowUp", "1:result-title");
        await Press("ArrowUp", "0:result-title");
        await Press("ArrowUp", "header-search-input");

        await page.AddScriptTagAsync(new() { Content = File.ReadAllText(Repo.ToolPath(Path.Combine("axe-core", "axe.min.js"))) });
        var report = new StringBuilder();
        foreach (var scheme in (ColorScheme[])[ColorScheme.Light, ColorScheme.Dark])
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            var violations = await page.EvaluateAsync<JsonElement>("""
                async () => (await axe.run(document.getElementById('search-popup'), {
                  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
                  resultTypes: ['violations'],
                })).violations.map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))
                """);
            foreach (var v in violations.EnumerateArray()) report.AppendLine($"{scheme}: {v}");
        }
        Assert.True(report.Length == 0, report.ToString());
        Assert.Empty(tab.ScriptErrors);
    }

    /// <summary>Facet buttons toggle with Enter and Space, keep the focus, and are kept in the URL; counts follow the query.</summary>
    [Fact]
    public async Task Facets_work_with_the_keyboard_and_go_into_the_url()
    {
        await using var tab = await sites.OpenAsync(sites.Sample, "search/?q=retrieval");
        var page = tab.Page;
        await Assertions.Expect(Status(page)).ToContainTextAsync("16 papers match “retrieval”.");
        var topic = page.Locator("#search-facets button[data-facet=topic]").First;
        var name = await topic.GetAttributeAsync("data-value");
        var count = int.Parse((await topic.Locator(".facet-count").TextContentAsync())!.Split(' ')[0].Replace(",", ""));
        await topic.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Status(page)).ToContainTextAsync($"{count} papers match “retrieval” with these filters (16 without).");
        var pressed = page.Locator($"#search-facets button[data-facet=topic][aria-pressed=true]");
        await Assertions.Expect(pressed).ToHaveAttributeAsync("data-value", name!);
        Assert.Equal(name, await page.EvaluateAsync<string>("document.activeElement.dataset.value"));
        Assert.Contains("topic=" + Uri.EscapeDataString(name!).Replace("%20", "+"), page.Url);
        await Assertions.Expect(Titles(page)).ToHaveCountAsync(count);

        // A year toggled with Space combines with the topic; Back undoes it.
        var year = page.Locator("#search-facets button[data-facet=year]").First;
        await year.FocusAsync();
        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(year).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Contains("year=2026", page.Url);
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#search-facets button[data-facet=year]").First).ToHaveAttributeAsync("aria-pressed", "false");

        // The counts follow the query.
        await page.FillAsync("#search-input", "retrieval augmented");
        await Assertions.Expect(Status(page)).ToContainTextAsync("“retrieval augmented” with these filters");
        Assert.Empty(tab.ScriptErrors);
    }

    /// <summary>Query, filters and sort come back from the URL exactly; the sort shows the newest first.</summary>
    [Fact]
    public async Task Query_filters_and_sort_round_trip_through_the_url()
    {
        const string path = "search/?q=model&topic=Fine-tuning&topic=Prompting&year=2026&sort=newest";
        await using var tab = await sites.OpenAsync(sites.Sample, path);
        var page = tab.Page;
        await Assertions.Expect(Status(page)).ToContainTextAsync("with these filters");
        Assert.Equal("model", await page.InputValueAsync("#search-input"));
        Assert.Equal("newest", await page.InputValueAsync("#search-sort"));
        var pressed = await page.Locator("#search-facets button[aria-pressed=true]").EvaluateAllAsync<string[]>("bs => bs.map(b => b.dataset.facet + '=' + b.dataset.value)");
        Assert.Equal(["topic=Fine-tuning", "topic=Prompting", "year=2026"], pressed.Order());

        var dates = await page.Locator("#search-results .search-result time").EvaluateAllAsync<string[]>("ts => ts.map(t => t.dateTime)");
        Assert.True(dates.Length > 1);
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        var answer = await ArchiveSearchTests.AnswerAsync(page, "model", new { topic = new[] { "Fine-tuning", "Prompting" }, year = new[] { "2026" }, sort = "newest" });
        await Assertions.Expect(Status(page)).ToContainTextAsync($"{answer.Count} papers match “model” with these filters");
        Assert.Equal(Math.Min(answer.Count, 20), await page.Locator("#search-results .search-result").CountAsync());

        // Back to relevance with the keyboard: the URL drops the sort, and Back brings it again.
        await page.Locator("#search-sort").FocusAsync();
        await page.SelectOptionAsync("#search-sort", "");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("q=model&topic=Fine-tuning&topic=Prompting&year=2026$"));
        await page.GotoAsync(sites.Sample.Url("issues/"));
        await page.GoBackAsync();
        await Assertions.Expect(Status(page)).ToContainTextAsync("with these filters");
        Assert.Equal("", await page.InputValueAsync("#search-sort"));
        Assert.Equal(3, await page.Locator("#search-facets button[aria-pressed=true]").CountAsync());
    }

    /// <summary>lunr runs in a Web Worker; without workers (or when the worker cannot start) in the page, with the same answers.</summary>
    [Theory]
    [InlineData("worker")]
    [InlineData("no-worker")]
    [InlineData("worker-missing")]
    public async Task Search_runs_in_a_worker_or_else_in_the_page(string setup)
    {
        var context = await (await sites.BrowserAsync()).NewContextAsync();
        try
        {
            if (setup == "no-worker") await context.AddInitScriptAsync("delete window.Worker;");
            if (setup == "worker-missing") await context.RouteAsync("**/search-worker.js", route => route.FulfillAsync(new() { Status = 404 }));
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);
            await page.GotoAsync(sites.Sample.Url("search/?q=retreival"));
            await Assertions.Expect(Status(page)).ToContainTextAsync("Did you mean retrieval?");
            var where = await page.EvaluateAsync<string>("DigestSearch.where()");
            Assert.Equal(setup == "worker" ? "worker" : "page", where);
            if (setup == "worker") Assert.Contains(page.Workers, w => w.Url.EndsWith("/assets/search-worker.js", StringComparison.Ordinal));
            if (setup == "no-worker") Assert.Empty(page.Workers);
            // The same answer either way: lunr's, as the whole index gives it.
            var same = await page.EvaluateAsync<bool>("""
                async () => {
                  const url = new URL(document.querySelector('form.header-search').dataset.searchIndex, document.baseURI);
                  const index = lunr.Index.load(await (await fetch(url)).json());
                  const a = await DigestSearch.search('instruction tuning', {});
                  const expected = index.search(a.query);
                  return a.count > 1 && expected.length === a.count && expected.every((h, i) => h.ref === a.refs[i] && Object.is(h.score, a.scores[i]));
                }
                """);
            Assert.True(same);
            Assert.Empty(errors);
        }
        finally { await context.CloseAsync(); }
    }

    /// <summary>With a lunr.js other than the one the split index was written for, the page reads the whole index, with the same answers.</summary>
    [Fact]
    public async Task Another_lunr_version_falls_back_to_the_whole_index_with_the_same_answers()
    {
        const string Answers = """
            async () => {
              const out = [];
              for (const [text, options] of [['retrieval', {}], ['retreival', { topic: ['Fine-tuning'] }], ['distill*', { sort: 'newest' }],
                                             ['GPT-4', { year: ['2026'] }], ['"instruction tuning"', { author: ['Anna Korhonen'] }]]) {
                const a = await DigestSearch.search(text, options);
                out.push(JSON.stringify([a.refs, Array.from(a.scores), a.recovery, a.facets, a.phrases, a.names]));
              }
              return out;
            }
            """;
        await using var split = await sites.OpenAsync(sites.Sample, "search/");
        var expected = await split.Page.EvaluateAsync<string[]>(Answers);

        var context = await (await sites.BrowserAsync()).NewContextAsync();
        try
        {
            await context.RouteAsync("**/search/split/base.json", async route =>
            {
                var response = await route.FetchAsync();
                var json = (await response.TextAsync()).Replace("\"version\":\"2.3.9\"", "\"version\":\"2.3.8\"");
                await route.FulfillAsync(new() { Response = response, Body = json });
            });
            var page = await context.NewPageAsync();
            var fetched = new List<string>();
            page.Request += (_, request) => fetched.Add(request.Url);
            await page.GotoAsync(sites.Sample.Url("search/"));
            Assert.Equal(expected, await page.EvaluateAsync<string[]>(Answers));
            Assert.Contains(fetched, u => u.EndsWith("/search/index.json", StringComparison.Ordinal));
        }
        finally { await context.CloseAsync(); }
    }

    /// <summary>axe finds nothing on the page with results, a recovery link, facets and a chosen filter, light and dark; nothing scrolls sideways at 375 px.</summary>
    [Theory]
    [InlineData("search/?q=retreival")]
    [InlineData("search/?q=GPT-4&topic=Instruction+tuning&sort=newest")]
    public async Task The_page_with_results_passes_axe_and_fits_a_phone(string path)
    {
        foreach (var width in (int[])[1280, 375])
        {
            await using var tab = await sites.OpenAsync(sites.Sample, path, new() { ViewportSize = new() { Width = width, Height = 900 } });
            await Assertions.Expect(Titles(tab.Page).First).ToBeVisibleAsync();
            if (width == 375)
            {
                await tab.Page.Locator("#search-facets > summary").ClickAsync();
                Assert.True(await tab.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways at 375 px");
            }
            await tab.Page.AddScriptTagAsync(new() { Content = File.ReadAllText(Repo.ToolPath(Path.Combine("axe-core", "axe.min.js"))) });
            var report = new StringBuilder();
            foreach (var scheme in (ColorScheme[])[ColorScheme.Light, ColorScheme.Dark])
            {
                await tab.Page.EmulateMediaAsync(new() { ColorScheme = scheme });
                var violations = await tab.Page.EvaluateAsync<JsonElement>("""
                    async () => (await axe.run(document, {
                      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
                      resultTypes: ['violations'],
                    })).violations.map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))
                    """);
                foreach (var v in violations.EnumerateArray()) report.AppendLine($"{width} px, {scheme}: {v}");
            }
            Assert.True(report.Length == 0, report.ToString());
        }
    }
}
