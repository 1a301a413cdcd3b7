using System.Diagnostics;
using System.IO.Compression;
using DigestSite.Browser.Tests.Infrastructure;
using DigestSite.Corpus;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DigestSite.Browser.Tests;

/// <summary>
/// What a search costs the reader on a generated archive (bench/DigestSite.Corpus), served with
/// gzip as GitHub Pages serves it: the bytes fetched from opening the
/// search page to the results of a typical query, and how long typing takes to show results.
/// 1,000 papers by default; DIGESTSITE_SEARCH_PAPERS=10000 measures a bigger archive (the figures
/// in docs/performance.md), where the budget is 1 MB.
/// </summary>
[Collection(SitesCollection.Name)]
public sealed class SearchBytesTests(Sites sites, ITestOutputHelper log)
{
    private const string TypicalQuery = "retrieval augmented generation";

    [Fact]
    public async Task A_typical_search_fetches_a_small_part_of_the_index()
    {
        var papers = int.TryParse(Environment.GetEnvironmentVariable("DIGESTSITE_SEARCH_PAPERS"), out var n) ? n : 1000;
        // Budget: 1 MB at 10,000 papers (docs/performance.md); at 1,000 the same page must stay well under it.
        long budget = papers >= 10_000 ? 1_000_000 : 400_000;

        var root = Directory.CreateTempSubdirectory("digestsite-search-bytes-").FullName;
        try
        {
            var content = Path.Combine(root, "content");
            CorpusGenerator.Write(content, new CorpusOptions { Papers = papers });
            var output = Path.Combine(root, "_site");
            var built = SiteBuilder.Build(new BuildOptions(content, [Repo.Theme], output));
            Assert.True(built.Succeeded, string.Join("\n", built.Diagnostics));
            long wholeIndex = GzipSize(Path.Combine(output, "search", "index.json")) + GzipSize(Path.Combine(output, "search", "docs.json"));

            await using var server = await GzipServer.StartAsync(output, BuiltSite.BasePath);
            var context = await (await sites.BrowserAsync()).NewContextAsync();
            try
            {
                var page = await context.NewPageAsync();
                var requests = new List<IRequest>();
                page.RequestFinished += (_, request) => { lock (requests) requests.Add(request); };
                await page.GotoAsync(new Uri(server.BaseUrl, "search/").ToString());
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

                var clock = Stopwatch.StartNew();
                await page.Locator("#search-input").PressSequentiallyAsync(TypicalQuery, new() { Delay = 100 }); // a fast typist
                var status = page.Locator("#search-results .search-status");
                await Assertions.Expect(status).ToContainTextAsync("papers match “" + TypicalQuery + "”", new() { Timeout = 30_000 });
                var firstSearch = clock.Elapsed;
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                var (bytes, files, list) = await TotalAsync(requests);


                // Typing once the index is loaded: one more word, the time from the keystroke to its results.
                clock.Restart();
                await page.Locator("#search-input").PressSequentiallyAsync(" model");
                await Assertions.Expect(status).ToContainTextAsync("“" + TypicalQuery + " model”", new() { Timeout = 30_000 });
                var nextSearch = clock.Elapsed;
                var typed = await page.EvaluateAsync<double>("""
                    (async () => {
                      const input = document.getElementById('search-input');
                      const status = document.querySelector('#search-results .search-status');
                      const start = performance.now();
                      input.value = 'transformer attention';
                      input.dispatchEvent(new Event('input'));
                      while (!status.textContent.includes('“transformer attention”')) await new Promise(r => setTimeout(r, 1));
                      return performance.now() - start;
                    })()
                    """);

                log.WriteLine($"{papers} papers: whole index.json + docs.json {wholeIndex:N0} B gzipped");
                log.WriteLine($"search page + \"{TypicalQuery}\" typed: {bytes:N0} B in {files} responses (gzip, bodies + headers), results after {firstSearch.TotalMilliseconds:0} ms of typing");
                log.WriteLine($"next word typed: {nextSearch.TotalMilliseconds:0} ms (Playwright); a new query in the page: {typed:0} ms");
                foreach (var line in list) log.WriteLine("  " + line);

                Assert.DoesNotContain(list, l => l.Contains("/search/index.json") || l.Contains("/search/docs.json"));
                Assert.True(bytes < budget, $"{bytes:N0} B fetched, over the {budget:N0} B budget");
                Assert.True(bytes * 3 < wholeIndex, $"{bytes:N0} B fetched, not much less than the whole index's {wholeIndex:N0} B");
                Assert.Contains(list, l => l.Contains("/search/split/p"));

                // Results come 20 at a time; the rest on request.
                var titles = page.Locator("#search-results .search-result h2 a");
                Assert.Equal(20, await titles.CountAsync());
                await page.Locator("#search-results button.search-more-results").ClickAsync();
                await Assertions.Expect(titles).ToHaveCountAsync(40);
                Assert.Equal(await titles.Nth(20).InnerTextAsync(), await page.EvaluateAsync<string>("document.activeElement.textContent"));
            }
            finally { await context.CloseAsync(); }
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<(long Bytes, int Files, List<string> List)> TotalAsync(List<IRequest> requests)
    {
        long total = 0;
        var list = new List<string>();
        IRequest[] done;
        lock (requests) done = requests.ToArray();
        foreach (var request in done)
        {
            var sizes = await request.SizesAsync();
            long size = sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            total += size;
            list.Add($"{size,9:N0} {new Uri(request.Url).AbsolutePath}");
        }
        return (total, done.Length, list);
    }

    private static long GzipSize(string file)
    {
        using var counter = new MemoryStream();
        using (var gzip = new GZipStream(counter, CompressionLevel.Optimal, leaveOpen: true))
        using (var source = File.OpenRead(file)) source.CopyTo(gzip);
        return counter.Length;
    }

    /// <summary>The built site under its base path, with gzip for HTML, CSS, JavaScript and JSON, as GitHub Pages serves them.</summary>
    private sealed class GzipServer : IAsyncDisposable
    {
        private readonly WebApplication app;
        public Uri BaseUrl { get; }

        private GzipServer(WebApplication app, Uri baseUrl) { this.app = app; BaseUrl = baseUrl; }

        public static async Task<GzipServer> StartAsync(string folder, string basePath)
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = folder });
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
            builder.Services.AddResponseCompression(o =>
            {
                o.Providers.Add<GzipCompressionProvider>();
                o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["text/javascript", "image/svg+xml"]);
            });
            builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
            var app = builder.Build();
            var files = new PhysicalFileProvider(folder);
            app.UseResponseCompression();
            app.Map(basePath.TrimEnd('/'), site =>
            {
                site.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
                site.UseStaticFiles(new StaticFileOptions { FileProvider = files });
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new GzipServer(app, new Uri(address.TrimEnd('/') + basePath));
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
