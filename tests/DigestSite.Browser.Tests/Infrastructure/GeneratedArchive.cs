using System.Diagnostics;

namespace DigestSite.Browser.Tests.Infrastructure;

/// <summary>
/// A synthetic archive of a given size, written by the project's shared generator
/// (shared/bench/make-corpus.py beside the repository): the same arguments always write the same files.
/// </summary>
public static class GeneratedArchive
{
    /// <summary>Writes an archive of <paramref name="papers"/> papers into <paramref name="contentDir"/>.</summary>
    public static void Write(string contentDir, int papers) =>
        Run("python3", Script(), contentDir, "--papers", papers.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string Script()
    {
        var script = Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "bench", "make-corpus.py"));
        if (!File.Exists(script))
            Assert.Fail($"The archive generator is missing: expected {script} (shared/bench/make-corpus.py beside the repository).");
        return script;
    }

    private static void Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) Assert.Fail($"{file} {string.Join(' ', args)} failed:\n{stderr.Result}");
    }
}
