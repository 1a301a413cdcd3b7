using Microsoft.AspNetCore.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;

namespace DigestSite.Cli.Serving;

/// <summary>
/// Tells open pages about rebuilds over server-sent events: "reload" after a good build, "problems"
/// with the diagnostics after a failed one (shown as an overlay while the last good site stays served).
/// </summary>
internal sealed class LiveReload
{
    public const string EventsPath = "/__digestsite/events";
    public const string ScriptPath = "/__digestsite/live.js";

    /// <summary>Pages listening at once: each holds a connection open, and an editor has a few tabs, not hundreds.</summary>
    public const int MaxPages = 64;

    private readonly Lock gate = new();
    private readonly List<Channel<string>> clients = [];
    private string? problems;

    public void Succeeded() => Broadcast(null, "event: reload\ndata: {}\n\n");

    public void Failed(string[] lines)
    {
        var message = $"event: problems\ndata: {JsonSerializer.Serialize(lines, LinesJson.Default.StringArray)}\n\n";
        Broadcast(message, message);
    }

    /// <summary>
    /// Streams events to one page until it goes away; a page that connects late is told of current
    /// problems. Beyond <see cref="MaxPages"/> pages, 503.
    /// </summary>
    public async Task Stream(HttpResponse response, CancellationToken cancel)
    {
        var channel = Channel.CreateUnbounded<string>();
        lock (gate)
        {
            if (clients.Count >= MaxPages) channel = null;
            else
            {
                clients.Add(channel);
                if (problems is not null) channel.Writer.TryWrite(problems);
            }
        }
        if (channel is null)
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await response.WriteAsync($"Too many pages are open ({MaxPages}): close some, then reload.\n", cancel);
            return;
        }
        try
        {
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            await Send(response, ": connected\n\n", cancel);
            await foreach (var message in channel.Reader.ReadAllAsync(cancel)) await Send(response, message, cancel);
        }
        catch (OperationCanceledException) { }
        finally
        {
            lock (gate) clients.Remove(channel);
        }
    }

    private static async Task Send(HttpResponse response, string text, CancellationToken cancel)
    {
        await response.WriteAsync(text, cancel);
        await response.Body.FlushAsync(cancel);
    }

    private void Broadcast(string? currentProblems, string message)
    {
        lock (gate)
        {
            problems = currentProblems;
            foreach (var client in clients) client.Writer.TryWrite(message);
        }
    }

    /// <summary>The script every served page gets: reload on "reload", an overlay on "problems".</summary>
    public const string Script = """
        (() => {
          "use strict";
          const events = new EventSource("/__digestsite/events");
          events.addEventListener("reload", () => location.reload());
          events.addEventListener("problems", (event) => {
            let overlay = document.getElementById("digestsite-problems");
            if (!overlay) {
              overlay = document.createElement("div");
              overlay.id = "digestsite-problems";
              overlay.setAttribute("role", "alert");
              overlay.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;z-index:99999;max-height:60vh;overflow:auto;" +
                "background:#2b0b0b;color:#ffe4e4;border:2px solid #f87171;border-radius:10px;padding:1rem;" +
                "font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap;box-shadow:0 10px 30px rgb(0 0 0/.4)";
              document.body.append(overlay);
            }
            overlay.textContent = "The build failed; this is the last good version of the site.\n\n" + JSON.parse(event.data).join("\n");
          });
        })();
        """;
}

/// <summary>The problems event's lines as JSON, by source-generated code (the native build has no reflection-based serializer).</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class LinesJson : JsonSerializerContext;
