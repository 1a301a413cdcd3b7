using Microsoft.AspNetCore.Http;
using System.Net;
using Microsoft.AspNetCore.StaticFiles;

namespace DigestSite.Cli.Serving;

/// <summary>
/// Serves the built site on 127.0.0.1 under its base path, as GitHub Pages would (folders serve
/// their index.html, missing paths the site's 404.html), with the live-reload script in each page.
/// </summary>
internal sealed class DevServer(string outputDir, string basePath, LiveReload live, CancellationToken stopping)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly string LiveScriptTag = $"<script src=\"{LiveReload.ScriptPath}\"></script>";

    public async Task Handle(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var response = context.Response;
        if (path == LiveReload.EventsPath)
        {
            // Event streams never end by themselves: end them when the server stops, so Ctrl-C is prompt.
            using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            await live.Stream(response, ended.Token);
            return;
        }
        if (path == LiveReload.ScriptPath)
        {
            response.ContentType = "text/javascript; charset=utf-8";
            await response.WriteAsync(LiveReload.Script);
            return;
        }
        if (!path.StartsWith(basePath, StringComparison.Ordinal))
        {
            if (path == "/" || path + "/" == basePath) response.Redirect(basePath);
            else await NotFound(response);
            return;
        }

        var file = Path.GetFullPath(Path.Combine(outputDir, Uri.UnescapeDataString(path[basePath.Length..])));
        if (!file.StartsWith(Path.GetFullPath(outputDir), StringComparison.Ordinal))
        {
            await NotFound(response);
            return;
        }
        if (Directory.Exists(file))
        {
            if (!path.EndsWith('/')) { response.Redirect(path + "/" + context.Request.QueryString); return; }
            file = Path.Combine(file, "index.html");
        }
        if (File.Exists(file)) await Send(response, file);
        else await NotFound(response);
    }

    private async Task NotFound(HttpResponse response)
    {
        response.StatusCode = (int)HttpStatusCode.NotFound;
        var page = Path.Combine(outputDir, "404.html");
        if (File.Exists(page)) await Send(response, page);
        else await SendHtml(response, "<!doctype html><title>Not built yet</title><p>The site has not been built yet: see the terminal.</p>");
    }

    private static async Task Send(HttpResponse response, string file)
    {
        response.Headers.CacheControl = "no-cache";
        if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            await SendHtml(response, await File.ReadAllTextAsync(file));
            return;
        }
        response.ContentType = ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        await response.SendFileAsync(file);
    }

    private static async Task SendHtml(HttpResponse response, string html)
    {
        response.ContentType = "text/html; charset=utf-8";
        int end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        await response.WriteAsync(end < 0 ? html + LiveScriptTag : html.Insert(end, LiveScriptTag));
    }
}
