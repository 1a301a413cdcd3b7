using System.Runtime.CompilerServices;
using System.Text;

namespace DigestSite.Build.Tests;

/// <summary>
/// Verify-style snapshots (Verify itself is not served by the registry we can reach): the expected
/// text lives in Snapshots/NAME.verified.EXT beside the tests and is reviewed like code. On a
/// mismatch the actual text is written to NAME.received.EXT and the test fails with a diff.
/// To accept changes: run the tests with ACCEPT_SNAPSHOTS=1, then review `git diff` of the
/// verified files.
/// </summary>
public static class Snapshot
{
    public static void Verify(string name, string actual, string extension = "html", [CallerFilePath] string testFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        var verified = Path.Combine(folder, $"{name}.verified.{extension}");
        var received = Path.Combine(folder, $"{name}.received.{extension}");
        actual = actual.ReplaceLineEndings("\n");

        if (Environment.GetEnvironmentVariable("ACCEPT_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(verified, actual);
        }
        var expected = File.Exists(verified) ? File.ReadAllText(verified).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        Directory.CreateDirectory(folder);
        File.WriteAllText(received, actual);
        var why = expected is null
            ? $"No verified snapshot yet: review {received}, then rename it to {Path.GetFileName(verified)} (or run with ACCEPT_SNAPSHOTS=1)."
            : $"Snapshot {name} differs (actual in {received}; accept with ACCEPT_SNAPSHOTS=1):\n{Diff(expected, actual)}";
        Assert.Fail(why);
    }

    /// <summary>The changed block between the common first and last lines, with context: enough for one edit.</summary>
    public static string Diff(string expected, string actual, int context = 3)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        int start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start]) start++;
        int endA = a.Length, endB = b.Length;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1]) { endA--; endB--; }

        var diff = new StringBuilder();
        for (int i = Math.Max(0, start - context); i < start; i++) diff.AppendLine($"  {i + 1,5}  {a[i]}");
        for (int i = start; i < endA; i++) diff.AppendLine($"- {i + 1,5}  {a[i]}");
        for (int i = start; i < endB; i++) diff.AppendLine($"+ {i + 1,5}  {b[i]}");
        for (int i = endA; i < Math.Min(a.Length, endA + context); i++) diff.AppendLine($"  {i + 1,5}  {a[i]}");
        return diff.ToString();
    }
}
