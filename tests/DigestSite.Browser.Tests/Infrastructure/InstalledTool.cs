using System.Diagnostics;

namespace DigestSite.Browser.Tests.Infrastructure;

/// <summary>
/// DigestSite as a digest owner gets it: the CLI packed as a .NET tool into a local package folder,
/// installed from there into a temporary tool path (`dotnet tool install --tool-path`), and run with
/// no node or npm on PATH.
/// </summary>
public sealed class InstalledTool : IDisposable
{
    private readonly string root;

    /// <summary>The installed `digestsite` command.</summary>
    public string Command { get; }

    private InstalledTool(string root, string command)
    {
        this.root = root;
        Command = command;
    }

    public static InstalledTool PackAndInstall()
    {
        var root = Directory.CreateTempSubdirectory("digestsite-tool-").FullName;
        var feed = Path.Combine(root, "feed");
        var tools = Path.Combine(root, "tools");
        // The native tests publish the CLI in Release too, into the same obj folders: one at a time (the lock is theirs, NativeBinary).
        using (Hold(Path.Combine(Repo.Root, "obj", "release-build.lock")))
            Run("dotnet", ["pack", Path.Combine(Repo.Root, "src", "DigestSite", "DigestSite.csproj"), "-c", "Release", "-o", feed, "-nologo"], Repo.Root);
        // A packages folder of its own, so the install takes this package, never one cached by an earlier run.
        Run("dotnet", ["tool", "install", "--tool-path", tools, "--add-source", feed, "DigestSite"], root,
            new() { ["NUGET_PACKAGES"] = Path.Combine(root, "nuget-packages") });
        var command = Path.Combine(tools, OperatingSystem.IsWindows() ? "digestsite.exe" : "digestsite");
        if (!File.Exists(command)) throw new InvalidOperationException($"dotnet tool install did not make {command}");
        return new InstalledTool(root, command);
    }

    /// <summary>Runs the installed tool in <paramref name="workingDirectory"/> with PATH stripped of node and npm; throws unless it exits 0.</summary>
    public string RunWithoutNode(string workingDirectory, params string[] args) =>
        Run(Command, args, workingDirectory, WithoutNode());

    /// <summary>
    /// PATH without any folder that has node or npm in it; DOTNET_ROOT set, since the folder that
    /// holds `dotnet` may be one of those left out.
    /// </summary>
    public static Dictionary<string, string?> WithoutNode()
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(folder => !new[] { "node", "npm", "node.exe", "npm.cmd" }.Any(program => File.Exists(Path.Combine(folder, program))))
            .ToArray();
        // DOTNET_ROOT/shared/Microsoft.NETCore.App/VERSION/ holds the runtime these tests run on.
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        return new() { ["PATH"] = string.Join(Path.PathSeparator, folders), ["DOTNET_ROOT"] = dotnetRoot };
    }

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }

    private static string Run(string program, IEnumerable<string> args, string workingDirectory, Dictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["GITHUB_ACTIONS"] = null;
        foreach (var (name, value) in environment ?? []) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 10 minutes");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', args)} exited {process.ExitCode}:\n{stdout}\n{stderr.Result}");
        return stdout;
    }

    private static FileStream Hold(string lockFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        var deadline = DateTime.UtcNow.AddMinutes(30);
        while (true)
        {
            try
            {
                return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(500);
            }
        }
    }
}
