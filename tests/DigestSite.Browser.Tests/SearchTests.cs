using DigestSite.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DigestSite.Browser.Tests;

/// <summary>
/// Search in the browser, on the fixture site served under /digest/: lunr.js loads the prebuilt
/// index and readers search by URL, by typing, with lunr's query syntax and with filters.
/// </summary>
[Collection(SitesCollection.Name)]
public sealed class SearchTests(Sites sites)
{
    private const string Adapters = "Low-Rank Adapters at Scale";
    private const string Dense = "Dense Passage Retrieval Revisited";
    private const string Instructions = "Instruction Following Without Instructions";
    private const string OldStyle = "An Old-Style Identifier";

    private static ILocator ResultTitles(IPage page) => page.Locator("#search-results .search-result h2 a");

    private static async Task<string[]> ResultsAsync(IPage page, string status)
    {
        await Assertions.Expect(page.Locator("#search-results .search-status")).ToContainTextAsync(status);
        return (await ResultTitles(page).AllInnerTextsAsync()).ToArray();
    }

    [Fact]
    public async Task A_query_in_the_url_shows_ranked_results_linking_under_the_base_path()
    {
        await using var tab = await sites.OpenAsync(sites.Fixture, "search/?q=adapters");
        Assert.Equal([Adapters], await ResultsAsync(tab.Page, "1 paper matches"));
        Assert.Equal("/digest/papers/2402.00002/", await ResultTitles(tab.Page).First.GetAttributeAsync("href"));
        Assert.Equal("adapters", await tab.Page.InputValueAsync("#search-input"));
        Assert.Equal("Adapters", await tab.Page.Locator("#search-results mark").First.InnerTextAsync());
        Assert.Empty(tab.ScriptErrors);
    }

    [Theory]
    [InlineData("authors:zhang", new[] { Dense })]
    [InlineData("title:identifier", new[] { OldStyle })]
    [InlineData("+retrieval -dense", new[] { Adapters, OldStyle })]
    [InlineData("adapt*", new[] { Adapters })]
    [InlineData("instuct~1", new[] { Instructions })]
    public async Task Lunr_query_syntax_works(string query, string[] expected)
    {
        await using var tab = await sites.OpenAsync(sites.Fixture, "search/?q=" + Uri.EscapeDataString(query));
        var results = await ResultsAsync(tab.Page, "match");
        Assert.Equal(expected.Order(), results.Order());
    }

    [Fact]
    public async Task Typing_updates_results_with_prefix_matching_and_the_url()
    {
        await using var tab = await sites.OpenAsync(sites.Fixture, "search/");
        await tab.Page.Locator("#search-input").PressSequentiallyAsync("adapt");
        Assert.Equal([Adapters], await ResultsAsync(tab.Page, "1 paper matches “adapt”"));
        Assert.EndsWith("/digest/search/?q=adapt", tab.Page.Url);
    }

    [Fact]
    public async Task Typing_in_the_header_box_of_the_search_page_updates_results()
    {
        await using var tab = await sites.OpenAsync(sites.Fixture, "search/?q=adapters");
        await ResultsAsync(tab.Page, "1 paper matches");
        await tab.Page.Locator("#header-search-input").FillAsync("instructions");
        Assert.Equal([Instructions], await ResultsAsync(tab.Page, "“instructions”"));
        Assert.Equal("instructions", await tab.Page.InputValueAsync("#search-input"));
    }

    [Fact]
    public async Task The_header_box_elsewhere_loads_the_index_only_once_the_reader_searches()
    {
        await using var tab = await sites.OpenAsync(sites.Fixture, "issues/2026-03-18/");
        var fetched = new List<string>();
        tab.Page.Request += (_, request) => fetched.Add(request.Url);
        await tab.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.DoesNotContain(fetched, u => u.Contains("/search/"));

        await tab.Page.Locator("#header-search-input").PressSequentiallyAsync("dense");
        var popup = tab.Page.Locator("#search-popup");
        await Assertions.Expect(popup).ToBeVisibleAsync();
        await Assertions.Expect(popup.Locator(".search-result a").First).ToHaveTextAsync(Dense);
        // The split index's base file, never the whole index (SearchBytesTests covers the rest).
        Assert.Contains(fetched, u => u.EndsWith("/digest/search/split/base.json", StringComparison.Ordinal));
        Assert.DoesNotContain(fetched, u => u.EndsWith("/search/index.json", StringComparison.Ordinal));

        // Until the navigation commits: the results below are waited for themselves, and waiting for
        // the page's load event too (every script and index file) timed out once on a busy machine.
        // The wait starts before the key press: one started after it could miss a navigation that
        // committed in between (it timed out that way, the page already at the search URL).
        await Task.WhenAll(
            tab.Page.WaitForURLAsync("**/digest/search/?q=dense", new() { WaitUntil = WaitUntilState.Commit }),
            tab.Page.Keyboard.PressAsync("Enter"));
        Assert.Equal([Dense], await ResultsAsync(tab.Page, "1 paper matches"));
    }

    [Fact]
    public async Task Arrow_keys_move_through_the_results()
    {
        await using var tab = await sites.OpenAsync(sites.Fixture, "search/?q=retrieval");
        await ResultsAsync(tab.Page, "papers match");
        await tab.Page.Locator("#search-input").FocusAsync();
        await tab.Page.Keyboard.PressAsync("ArrowDown");
        var first = await ResultTitles(tab.Page).First.InnerTextAsync();
        Assert.Equal(first, await tab.Page.EvaluateAsync<string>("document.activeElement.textContent"));
        await tab.Page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(await ResultTitles(tab.Page).Nth(1).InnerTextAsync(), await tab.Page.EvaluateAsync<string>("document.activeElement.textContent"));
        await tab.Page.Keyboard.PressAsync("Escape");
        Assert.Equal("search-input", await tab.Page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Fact]
    public async Task Filters_by_topic_and_date_range_and_keeps_them_in_the_url()
    {
        await using var tab = await sites.OpenAsync(sites.Fixture, "search/?q=retrieval");
        Assert.Equal(3, (await ResultsAsync(tab.Page, "3 papers match")).Length);

        await tab.Page.Locator("#search-facets button[data-facet=topic][data-value=Fine-tuning]").ClickAsync();
        Assert.Equal(new[] { Adapters, OldStyle }.Order(), (await ResultsAsync(tab.Page, "2 papers match")).Order());
        Assert.Contains("topic=Fine-tuning", tab.Page.Url);

        await tab.Page.FillAsync("#search-from", "2026-04-01");
        Assert.Equal([OldStyle], await ResultsAsync(tab.Page, "1 paper matches"));
        Assert.Contains("from=2026-04-01", tab.Page.Url);
    }

    [Fact]
    public async Task No_results_and_unreadable_queries_get_a_clear_message()
    {
        await using var tab = await sites.OpenAsync(sites.Fixture, "search/?q=zyxwvut");
        await ResultsAsync(tab.Page, "No papers match “zyxwvut”");
        await tab.Page.GotoAsync(sites.Fixture.Url("search/?q=" + Uri.EscapeDataString("venue:neurips")));
        await ResultsAsync(tab.Page, "This query can’t be read: unrecognised field 'venue'");
        Assert.Empty(tab.ScriptErrors);
    }

    [Fact]
    public async Task The_back_button_returns_to_the_previous_query()
    {
        await using var tab = await sites.OpenAsync(sites.Fixture, "search/?q=adapters");
        await ResultsAsync(tab.Page, "1 paper matches");
        await tab.Page.FillAsync("#search-input", "identifier");
        await tab.Page.PressAsync("#search-input", "Enter");
        Assert.Equal([OldStyle], await ResultsAsync(tab.Page, "“identifier”"));
        await tab.Page.GoBackAsync();
        Assert.Equal([Adapters], await ResultsAsync(tab.Page, "“adapters”"));
    }

    [Fact]
    public async Task Markup_in_titles_and_names_shows_as_text()
    {
        await using var hostile = await BuiltSite.BuildAndServeAsync("hostile", Repo.Fixture("hostile"));
        await using var tab = await sites.OpenAsync(hostile, "search/?q=quotes");
        await ResultsAsync(tab.Page, "1 paper matches");
        Assert.Equal("</title><script>alert('title')</script> & \"quotes\" 'single'", await ResultTitles(tab.Page).First.InnerTextAsync());
        Assert.Equal(0, await tab.Page.Locator("#search-results script, #search-results svg, #search-results b").CountAsync());
        Assert.Contains("<svg onload=alert('author')>", await tab.Page.Locator("#search-results .search-meta").InnerTextAsync());
        Assert.Empty(tab.ScriptErrors);
    }
}
