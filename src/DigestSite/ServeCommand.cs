using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using System.CommandLine;
using DigestSite.Cli.Serving;
using DigestSite.Content;
using DigestSite.Incremental;

namespace DigestSite.Cli;

/// <summary>`digestsite serve`: build, serve on 127.0.0.1, rebuild on every change, reload open pages.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content();
        var theme = CommonOptions.Theme();
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1.", DefaultValueFactory = _ => 8080 };
        var poll = new Option<bool>("--poll") { Description = "Look for changes every second instead of asking the system to watch files (for network or container file systems)." };
        var command = new Command("serve", "Build and serve the site locally, rebuilding and reloading on every change.") { content, theme, port, poll };
        command.SetAction((parsed, cancel) => Run(parsed.GetValue(content)!, parsed.GetValue(theme), parsed.GetValue(port), parsed.GetValue(poll), cancel));
        return command;
    }

    private static async Task<int> Run(string contentDir, string? themeDir, int port, bool poll, CancellationToken stop)
    {
        if (port is < 1 or > 65535)
        {
            Console.Error.WriteLine($"error: --port must be a port number from 1 to 65535, not {port}.");
            return 1;
        }
        if (ThemeLayers.Resolve(themeDir) is not { } layers) return 1;
        var basePath = BasePath(contentDir);
        var siteUrl = new Uri($"http://127.0.0.1:{port}{basePath}");
        // A private folder (mode 0700 on Unix) with an unguessable name: another user can neither
        // create it first nor read or replace what is served from it.
        var work = Directory.CreateTempSubdirectory("digestsite-serve-");
        try
        {
            return await Serve(contentDir, layers, port, poll, basePath, siteUrl, Path.Combine(work.FullName, "site"), stop);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<int> Serve(string contentDir, IReadOnlyList<string> layers, int port, bool poll, string basePath, Uri siteUrl, string output,
        CancellationToken stop)
    {
        var live = new LiveReload();
        using var rebuilder = new Rebuilder(new BuildOptions(contentDir, layers, output, siteUrl) { Observer = new ConsoleBuildObserver(null, compact: false) }, live, poll);
        rebuilder.Build();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        // Live-reload streams are capped on their own (LiveReload); this bounds everything else.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxConcurrentConnections = MaxConnections);
        await using var app = builder.Build();
        // Ctrl-C reaches the web host's own handler first: stop when either hears it.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stop, app.Lifetime.ApplicationStopping);
        var server = new DevServer(output, basePath, port, live, stopping.Token);
        app.Run(server.Handle);
        try
        {
            await app.StartAsync(stop);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"error: cannot listen on 127.0.0.1:{port} ({e.Message}). Choose another --port.");
            return 1;
        }
        Console.WriteLine($"Serving {siteUrl} from {output} — watching {contentDir} and the theme. Press Ctrl-C to stop.");
        await rebuilder.Run(stopping.Token);
        await app.StopAsync(CancellationToken.None);
        Console.WriteLine("Stopped.");
        return 0;
    }

    /// <summary>Connections at once: a browser keeps a few per tab; many more is something other than an editor's browser.</summary>
    private const int MaxConnections = 256;

    /// <summary>The base path from site.yml's url, so local links look like the published ones; "/" when unreadable.</summary>
    private static string BasePath(string contentDir)
    {
        var site = Directory.Exists(contentDir) ? ContentLoader.LoadSiteConfig(contentDir, []) : null;
        return site is null ? "/" : new Pages.Urls(site.Url).BasePath;
    }
}
