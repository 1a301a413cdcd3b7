using System.Diagnostics;
using System.Net;

namespace DigestSite.Submitting;

/// <summary>Where the services are and how patiently they are asked.</summary>
/// <param name="ArxivApi">arXiv's query endpoint; ?id_list=ID is added.</param>
/// <param name="CrossrefApi">Crossref's works endpoint; the DOI is added as the last part of the path.</param>
/// <param name="UserAgent">Who is asking, with a URL to find them: both services ask for it.</param>
public sealed record LookupSettings(Uri ArxivApi, Uri CrossrefApi, string UserAgent)
{
    public static readonly Uri DefaultArxivApi = new("https://export.arxiv.org/api/query");
    public static readonly Uri DefaultCrossrefApi = new("https://api.crossref.org/works/");

    /// <summary>How long one request may take before it is tried once more.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>arXiv's terms: no more than one request every three seconds.</summary>
    public TimeSpan ArxivSpacing { get; init; } = TimeSpan.FromSeconds(3);
}

/// <summary>
/// Asks arXiv and Crossref for a paper's metadata, one request per paper. A request that times out
/// is tried once more; anything else that fails (no network, an HTTP error, an answer that is not
/// in the documented format) is one line saying what, as a <see cref="Lookup"/> problem.
/// </summary>
public sealed class PaperLookup : IDisposable
{
    /// <summary>A metadata record is a few kilobytes; anything far larger is not one.</summary>
    private const int MaxAnswerBytes = 4 * 1024 * 1024;

    private readonly LookupSettings settings;
    private readonly HttpClient http;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan? lastArxivRequest;

    public PaperLookup(LookupSettings settings)
    {
        this.settings = settings;
        http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan, // each attempt has its own, below
            MaxResponseContentBufferSize = MaxAnswerBytes,
        };
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", settings.UserAgent);
    }

    public async Task<Lookup> Arxiv(string id, CancellationToken cancel)
    {
        if (lastArxivRequest is { } last && settings.ArxivSpacing - (clock.Elapsed - last) is { Ticks: > 0 } wait)
            await Task.Delay(wait, cancel);
        var query = settings.ArxivApi.AbsoluteUri;
        var uri = new Uri($"{query}{(query.Contains('?') ? '&' : '?')}id_list={Uri.EscapeDataString(id)}");
        var (answer, problem) = await Get(uri, "application/atom+xml", "arXiv", cancel);
        // Counted from the answer, so that the requests arXiv receives are three seconds apart however long one took.
        lastArxivRequest = clock.Elapsed;
        if (answer is null) return Lookup.Failed(problem!);
        using (answer) return ArxivFeed.Read(answer, id);
    }

    public async Task<Lookup> Crossref(string doi, CancellationToken cancel)
    {
        var works = settings.CrossrefApi.AbsoluteUri;
        // Each part of the DOI percent-encoded (suffixes hold <, >, #, ?, ;), its slashes kept as the API's own examples write them.
        var path = string.Join('/', doi.Split('/').Select(Uri.EscapeDataString));
        var uri = new Uri(works + (works.EndsWith('/') ? "" : "/") + path);
        var (answer, problem) = await Get(uri, "application/json", "Crossref", cancel);
        if (answer is null)
            return Lookup.Failed(problem == NotFound ? $"Crossref has no record of DOI {doi} (it may be registered elsewhere, such as DataCite)" : problem!);
        using (answer) return CrossrefWork.Read(answer, doi);
    }

    private const string NotFound = "404";

    /// <summary>The answer's body, or why there is none: one line, or <see cref="NotFound"/>.</summary>
    private async Task<(Stream? Answer, string? Problem)> Get(Uri uri, string accept, string service, CancellationToken cancel)
    {
        for (int attempt = 1; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(settings.Timeout);
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.TryAddWithoutValidation("Accept", accept);
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
                if (response.StatusCode == HttpStatusCode.NotFound && service == "Crossref") return (null, NotFound);
                if (!response.IsSuccessStatusCode)
                    return (null, $"{service} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase} ({uri.Host})");
                return (new MemoryStream(await response.Content.ReadAsByteArrayAsync(timeout.Token), writable: false), null);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                if (attempt == 2)
                    return (null, $"{service} did not answer within {settings.Timeout.TotalSeconds:0} seconds, twice ({uri.Host})");
            }
            catch (HttpRequestException e)
            {
                return (null, $"could not reach {service} ({uri.Host}): {e.Message}");
            }
        }
    }

    public void Dispose() => http.Dispose();
}
