using System.Diagnostics;

namespace DigestSite.Commands.Tests;

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
    /// The metadata services are never the real ones in a test: unless an environment names a
    /// stand-in, they are a closed port on this machine.
    /// </summary>
    public const string NoService = "http://127.0.0.1:9/";

    /// <param name="environment">Variables set (or, null, removed) for the run.</param>
    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        Wait(Start(workingDirectory, environment, args), args);

    /// <summary>The same with the native executable (<see cref="NativeBinary"/>) instead of the JIT build.</summary>
    public static Result RunNative(string workingDirectory, params string[] args) =>
        Wait(Start([NativeBinary.Path], workingDirectory, new Dictionary<string, string?>(), args), args);

    private static Result Wait(Process started, string[] args)
    {
        using var process = started;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(180_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"digestsite {string.Join(' ', args)} did not finish in 180 s");
        }
        return new Result(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>Starts the CLI with its output redirected, for a test that runs several at once; read both streams.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        Start(["dotnet", Dll.Value], workingDirectory, environment, args);

    private static Process Start(string[] program, string workingDirectory, IReadOnlyDictionary<string, string?> environment, string[] args)
    {
        var start = new ProcessStartInfo(program[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in program.Skip(1).Concat(args)) start.ArgumentList.Add(arg);
        // Variables the CLI reads are set here, never inherited (the tests may themselves run on GitHub Actions).
        start.Environment["GITHUB_ACTIONS"] = null;
        start.Environment["DIGESTSITE_DEBUG"] = null;
        start.Environment["DIGESTSITE_ARXIV_API"] = NoService;
        start.Environment["DIGESTSITE_CROSSREF_API"] = NoService;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return Process.Start(start)!;
    }

    /// <summary>The repository's root (where DigestSite.sln is), above the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>src/DigestSite/bin/CONFIG/TFM/digestsite.dll, built with this project (see the ProjectReference).</summary>
    private static string FindDll()
    {
        var binDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = binDir.Name, configuration = binDir.Parent!.Name;
        var dll = Path.Combine(RepositoryRoot, "src", "DigestSite", "bin", configuration, framework, "digestsite.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("the CLI is not built", dll);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DigestSite.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no DigestSite.sln above {AppContext.BaseDirectory}");
    }
}
