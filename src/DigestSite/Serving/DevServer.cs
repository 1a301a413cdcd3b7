using Microsoft.AspNetCore.Http;
using System.Net;
using Microsoft.AspNetCore.StaticFiles;

namespace DigestSite.Cli.Serving;

/// <summary>
/// Serves the built site on 127.0.0.1 under its base path, as GitHub Pages would (folders serve
/// their index.html, missing paths the site's 404.html), with the live-reload script in each page.
/// Only to requests addressed to it by a loopback name, and only regular files under the output folder.
/// </summary>
internal sealed class DevServer(string outputDir, string basePath, int port, LiveReload live, CancellationToken stopping)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly string LiveScriptTag = $"<script src=\"{LiveReload.ScriptPath}\"></script>";

    private readonly string root = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);

    public async Task Handle(HttpContext context)
    {
        var response = context.Response;
        if (RefusedHost(context.Request.Host) is { } status)
        {
            response.StatusCode = status;
            await response.WriteAsync(status == StatusCodes.Status421MisdirectedRequest
                ? $"This server answers only to localhost:{port} and 127.0.0.1:{port}.\n"
                : "A Host header is required.\n");
            return;
        }
        var path = context.Request.Path.Value ?? "/";
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

        var target = Resolve(path[basePath.Length..]);
        if (target is not null && Directory.Exists(target) && !IsLink(target))
        {
            if (!path.EndsWith('/'))
            {
                response.Redirect(new PathString(path + "/").ToUriComponent() + context.Request.QueryString);
                return;
            }
            target = Path.Join(target, "index.html");
        }
        if (target is not null && IsRegularFile(target)) await Send(response, target);
        else await NotFound(response);
    }

    /// <summary>
    /// Null for a Host header that names this server: localhost or a loopback address, with its
    /// port. A page elsewhere whose host name was made to resolve to 127.0.0.1 (DNS rebinding)
    /// sends its own name, and gets 421 instead of the site and its error overlay; no Host, 400.
    /// </summary>
    private int? RefusedHost(HostString host)
    {
        if (!host.HasValue) return StatusCodes.Status400BadRequest;
        var name = host.Host.TrimStart('[').TrimEnd(']');
        bool loopback = name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address);
        return loopback && (host.Port ?? 80) == port ? null : StatusCodes.Status421MisdirectedRequest;
    }

    /// <summary>
    /// The full path that <paramref name="relative"/> (the request path after the base path, as
    /// the server decoded it: once) names under the output folder; null when it names nothing there.
    /// Each name must be a plain one: an empty name (so no "//" and no absolute path), ".", "..", or
    /// a backslash, colon or NUL anywhere, and the request is refused; what is left must lie under
    /// the output folder, compared with a separator after it.
    /// </summary>
    private string? Resolve(string relative)
    {
        if (relative.Length == 0) return root;
        var names = relative.Split('/');
        // "papers/x/" ends in one empty name: the folder itself.
        int count = names.Length > 1 && names[^1].Length == 0 ? names.Length - 1 : names.Length;
        for (int i = 0; i < count; i++)
            if (names[i] is "" or "." or ".." || names[i].AsSpan().IndexOfAny('\\', ':', '\0') >= 0) return null;
        var full = Path.GetFullPath(Path.Join([root, .. names[..count]]));
        return full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    private static bool IsLink(string path) => (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;

    /// <summary>A file of the site: not a folder, not a link, not a device.</summary>
    private static bool IsRegularFile(string path)
    {
        var file = new FileInfo(path);
        return file.Exists && (file.Attributes & (FileAttributes.ReparsePoint | FileAttributes.Device)) == 0;
    }

    private async Task NotFound(HttpResponse response)
    {
        response.StatusCode = (int)HttpStatusCode.NotFound;
        var page = Path.Combine(root, "404.html");
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
