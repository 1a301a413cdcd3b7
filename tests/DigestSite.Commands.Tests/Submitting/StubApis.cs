using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigestSite.Commands.Tests.Submitting;

/// <summary>
/// Stand-ins for arXiv's query API and Crossref's works API on 127.0.0.1, on a free port: Kestrel
/// answering from the recorded answers in Answers/ (written after each service's documented format),
/// and noting every request as it came (target, User-Agent, time), so tests see exactly what
/// `digestsite new` asked. A request for anything not set up is a 404 with "no stub for …".
/// </summary>
public sealed class StubApis : IAsyncDisposable
{
    /// <summary>An answer: status, media type, body, and how long to wait before giving it.</summary>
    public sealed record Answer(int Status, string ContentType, string Body, TimeSpan Delay = default)
    {
        public static Answer Atom(string file) => new(200, "application/atom+xml; charset=utf-8", Read(file));
        public static Answer Json(string file) => new(200, "application/json", Read(file));
        public static Answer Http(int status, string body = "") => new(status, "text/plain", body);

        /// <summary>No answer until the client gives up (the test's longest wait is far below a minute).</summary>
        public static Answer Never() => new(200, "application/atom+xml", "", TimeSpan.FromMinutes(1));

        private static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Submitting", "Answers", file));
    }

    public sealed record Request(string Target, string UserAgent, TimeSpan At);

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Answer> arxiv = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Answer> crossref = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Request> requests = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public string Root { get; private set; } = "";

    /// <summary>The environment that points `digestsite new` at these stand-ins.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["DIGESTSITE_ARXIV_API"] = $"{Root}/api/query",
        ["DIGESTSITE_CROSSREF_API"] = $"{Root}/works/",
    };

    public IReadOnlyList<Request> Requests => requests.ToArray();

    private StubApis(WebApplication app) => this.app = app;

    public static async Task<StubApis> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var stub = new StubApis(app);
        app.Run(stub.Respond);
        await app.StartAsync();
        stub.Root = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/');
        return stub;
    }

    /// <summary>What arXiv answers to ?id_list=<paramref name="id"/>.</summary>
    public StubApis Arxiv(string id, Answer answer)
    {
        arxiv[id] = answer;
        return this;
    }

    /// <summary>What Crossref answers to /works/<paramref name="doi"/>.</summary>
    public StubApis Crossref(string doi, Answer answer)
    {
        crossref[doi] = answer;
        return this;
    }

    private async Task Respond(HttpContext context)
    {
        // The target exactly as sent, before any decoding: what the client really asked for.
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        requests.Enqueue(new Request(target, context.Request.Headers.UserAgent.ToString(), clock.Elapsed));
        Answer? answer = null;
        if (context.Request.Path == "/api/query" && context.Request.Query["id_list"].ToString() is { Length: > 0 } id)
            arxiv.TryGetValue(id, out answer);
        else if (target.StartsWith("/works/", StringComparison.Ordinal))
            crossref.TryGetValue(Uri.UnescapeDataString(target["/works/".Length..]), out answer);
        answer ??= Answer.Http(404, $"no stub for {target}");
        try
        {
            if (answer.Delay > TimeSpan.Zero) await Task.Delay(answer.Delay, context.RequestAborted);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up waiting, as it should.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
