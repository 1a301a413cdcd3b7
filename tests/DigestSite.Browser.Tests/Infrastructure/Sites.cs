using Microsoft.Playwright;

namespace DigestSite.Browser.Tests.Infrastructure;

/// <summary>
/// Shared by every test of the project: the fixture site (tests/DigestSite.Build.Tests/Fixtures/basic)
/// and the sample site (content/), each built once and served under /digest/; the digest that the
/// installed tool's `init` makes (<see cref="ScaffoldedSite"/>), made on first use; and one Chromium.
/// Tests open a fresh context per page (<see cref="OpenAsync"/>), so emulation never leaks between them.
/// </summary>
public sealed class Sites : IAsyncLifetime
{
    private IPlaywright? playwright;
    private readonly SemaphoreSlim launching = new(1, 1);
    private IBrowser? browser;

    private readonly Lazy<ScaffoldedSite> scaffold = new(() => Task.Run(ScaffoldedSite.CreateAsync).GetAwaiter().GetResult());

    public BuiltSite Fixture { get; private set; } = null!;
    public BuiltSite Sample { get; private set; } = null!;
    public ScaffoldedSite Scaffold => scaffold.Value;

    public BuiltSite this[string name] => name switch
    {
        "fixture" => Fixture,
        "sample" => Sample,
        "scaffold" => Scaffold.Site,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "fixture, sample or scaffold"),
    };

    public async Task InitializeAsync()
    {
        var fixture = Task.Run(() => BuiltSite.BuildAndServeAsync("fixture", Repo.Fixture("basic")));
        var sample = Task.Run(() => BuiltSite.BuildAndServeAsync("sample", Repo.SampleContent));
        Fixture = await fixture;
        Sample = await sample;
    }

    private readonly SemaphoreSlim generating = new(1, 1);
    private readonly Dictionary<int, BuiltSite> generated = [];

    /// <summary>A generated archive of <paramref name="papers"/> papers, built and served once per run on first use.</summary>
    public async Task<BuiltSite> GeneratedAsync(int papers)
    {
        await generating.WaitAsync();
        try
        {
            if (!generated.TryGetValue(papers, out var site))
                generated[papers] = site = await Task.Run(() => BuiltSite.GenerateAndServeAsync($"generated-{papers}", papers));
            return site;
        }
        finally { generating.Release(); }
    }

    /// <summary>The shared Chromium, launched on first use; fails (never skips) when it is not installed.</summary>
    public async Task<IBrowser> BrowserAsync()
    {
        await launching.WaitAsync();
        try
        {
            if (browser is not null) return browser;
            var executable = Chromium.ExecutablePath();
            playwright ??= await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = executable,
                Args = Chromium.Args,
            });
            return browser;
        }
        finally { launching.Release(); }
    }

    /// <summary>
    /// A new page in its own context (light scheme, 1280x900, JavaScript on unless the options say
    /// otherwise), navigated to <paramref name="path"/> of <paramref name="site"/>. Dispose it to close the context.
    /// </summary>
    public async Task<Tab> OpenAsync(BuiltSite site, string path, BrowserNewContextOptions? options = null)
    {
        var context = await (await BrowserAsync()).NewContextAsync(options ?? new());
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        var response = await page.GotoAsync(site.Url(path), new() { WaitUntil = WaitUntilState.Load });
        return new Tab(context, page, response, errors);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (Fixture is not null) await Fixture.DisposeAsync();
        if (Sample is not null) await Sample.DisposeAsync();
        foreach (var site in generated.Values) await site.DisposeAsync();
        if (scaffold.IsValueCreated) await scaffold.Value.DisposeAsync();
    }
}

/// <summary>An open page and its context; disposing closes both.</summary>
public sealed record Tab(IBrowserContext Context, IPage Page, IResponse? Response, IReadOnlyList<string> ScriptErrors) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => new(Context.CloseAsync());
}

[CollectionDefinition(Name)]
public sealed class SitesCollection : ICollectionFixture<Sites>
{
    public const string Name = "Built sites and Chromium";
}

/// <summary>Debian's Chromium, which Playwright drives in place of a browser of its own (never `playwright install`).</summary>
public static class Chromium
{
    public static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>$CHROMIUM_PATH, else /usr/bin/chromium; a failure saying how to install it when neither exists.</summary>
    public static string ExecutablePath()
    {
        var configured = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        var path = string.IsNullOrEmpty(configured) ? "/usr/bin/chromium" : configured;
        if (!File.Exists(path))
            Assert.Fail(string.IsNullOrEmpty(configured)
                ? "Chromium is missing at /usr/bin/chromium: the browser tests need it. Install Debian's package with `apt-get install chromium` (or set CHROMIUM_PATH to a Chromium binary)."
                : $"CHROMIUM_PATH is {configured}, which does not exist. Install Chromium with `apt-get install chromium`, or point CHROMIUM_PATH at a Chromium binary.");
        return path;
    }
}
