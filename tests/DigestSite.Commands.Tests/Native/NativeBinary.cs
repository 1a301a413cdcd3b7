using System.Diagnostics;

namespace DigestSite.Commands.Tests;

/// <summary>
/// The native executable, as releases ship it: `dotnet publish src/DigestSite -c Release` (Native AOT),
/// made once per test run into this project's output folder. Needs clang, lld and zlib headers
/// (tests/run.sh installs them where it can; README). Takes a minute or more.
/// </summary>
public static class NativeBinary
{
    private static readonly Lazy<string> Published = new(Publish, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Published.Value;

    private static string Publish()
    {
        var output = System.IO.Path.Combine(AppContext.BaseDirectory, "native");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Cli.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "publish", System.IO.Path.Combine("src", "DigestSite", "DigestSite.csproj"), "-c", "Release", "-o", output, "-nologo" })
            start.ArgumentList.Add(arg);
        // The test host runs under `dotnet test`'s MSBuild: its variables would point this publish at that build's state.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var held = HoldReleaseBuildLock(Cli.RepositoryRoot);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet publish (Native AOT) did not finish in 20 minutes");
        }
        var executable = System.IO.Path.Combine(output, OperatingSystem.IsWindows() ? "digestsite.exe" : "digestsite");
        if (process.ExitCode != 0 || !File.Exists(executable))
            throw new InvalidOperationException($"dotnet publish (Native AOT) failed (clang, lld and zlib headers installed? see README):\n{stdout.Result}\n{stderr.Result}");
        return executable;
    }

    /// <summary>
    /// Held while `dotnet` builds the CLI in Release: the browser tests pack it (-c Release) while this project's
    /// tests may publish it, and both write DigestSite.Core's obj/Release folder; at the same time, one reads the
    /// other's half-written files. A file lock in the repository's obj/ folder makes them take turns.
    /// </summary>
    private static FileStream HoldReleaseBuildLock(string repositoryRoot)
    {
        var folder = System.IO.Path.Combine(repositoryRoot, "obj");
        Directory.CreateDirectory(folder);
        var deadline = DateTime.UtcNow.AddMinutes(30);
        while (true)
        {
            try
            {
                return new FileStream(System.IO.Path.Combine(folder, "release-build.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(500);
            }
        }
    }
}
