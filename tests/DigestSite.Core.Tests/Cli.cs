using System.Diagnostics;

namespace DigestSite.Core.Tests;

/// <summary>Runs the built CLI (digestsite.dll) as a process, as a contributor or CI would.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Out, string Err)
    {
        public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
    }

    private static readonly Lazy<string> Dll = new(FindDll);

    public static string DllPath => Dll.Value;

    public static Result Run(string workingDirectory, params string[] args) => Run(workingDirectory, gitHubActions: false, args);

    public static Result Run(string workingDirectory, bool gitHubActions, params string[] args) =>
        Run(workingDirectory, new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = gitHubActions ? "true" : null }, args);

    /// <summary>
    /// The metadata services are never the real ones in a test: unless <paramref name="environment"/>
    /// names a stand-in, they are a closed port on this machine.
    /// </summary>
    public const string NoService = "http://127.0.0.1:9/";

    /// <param name="environment">Variables set (or, null, removed) for the run.</param>
    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"digestsite {string.Join(' ', args)} did not finish in 60 s");
        }
        return new Result(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>Starts the CLI with its output redirected, for a test that runs several at once; read both streams.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll.Value);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // Variables the CLI reads are set here, never inherited (the tests may themselves run on GitHub Actions).
        start.Environment["GITHUB_ACTIONS"] = null;
        start.Environment["DIGESTSITE_DEBUG"] = null;
        start.Environment["DIGESTSITE_ARXIV_API"] = NoService;
        start.Environment["DIGESTSITE_CROSSREF_API"] = NoService;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return Process.Start(start)!;
    }

    /// <summary>src/DigestSite/bin/CONFIG/TFM/digestsite.dll, built with this project (see the ProjectReference).</summary>
    private static string FindDll()
    {
        var binDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = binDir.Name, configuration = binDir.Parent!.Name;
        var root = binDir;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "DigestSite.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException($"no DigestSite.sln above {AppContext.BaseDirectory}");
        var dll = Path.Combine(root.FullName, "src", "DigestSite", "bin", configuration, framework, "digestsite.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("the CLI is not built", dll);
    }
}
