using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace DigestSite.Browser.Tests.Infrastructure;

/// <summary>
/// A static file server on 127.0.0.1 and a free port, serving a folder under a base path the way
/// GitHub Pages does: folder URLs serve their index.html, a folder URL without its slash is
/// redirected to it, and anything missing gets the site's 404.html with status 404.
/// </summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private readonly WebApplication app;

    public Uri BaseUrl { get; }

    private StaticSiteServer(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<StaticSiteServer> StartAsync(string folder, string basePath)
    {
        // Kestrel answers on the test process's thread pool, which it shares with Playwright and
        // xUnit, and which adds threads only slowly once they are all busy. In the typing latency
        // test (hundreds of small files fetched as the reader types, on a loaded machine) requests
        // then reached the server up to a second after the page asked for them, six at once (the
        // browser's whole connection pool): a delay of the test's server, not of the site. With
        // threads ready, the server answers as a static host would (figures in docs/performance.md).
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(completions, 32));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = folder });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var files = new PhysicalFileProvider(folder);
        var prefix = basePath.TrimEnd('/');

        app.Map(prefix, site =>
        {
            site.Use(async (context, next) =>
            {
                // /digest/issues -> /digest/issues/, as static hosts do for folders.
                var path = context.Request.Path.Value ?? "";
                if (path.Length > 0 && !path.EndsWith('/') && files.GetDirectoryContents(path).Exists)
                {
                    context.Response.Redirect(context.Request.PathBase + path + "/" + context.Request.QueryString);
                    return;
                }
                await next();
            });
            site.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            site.UseStaticFiles(new StaticFileOptions { FileProvider = files });
            site.Run(NotFound);
        });
        app.Run(NotFound);

        async Task NotFound(HttpContext context)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            var page = files.GetFileInfo("404.html");
            if (!page.Exists) return;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(page);
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new StaticSiteServer(app, new Uri(address.TrimEnd('/') + prefix + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
