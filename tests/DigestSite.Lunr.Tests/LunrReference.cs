using System.Diagnostics;
using System.Text;
using System.Text.Json;
using DigestSite.Lunr;

namespace DigestSite.Lunr.Tests;

/// <summary>
/// Runs lunr.js (theme/node_modules/lunr, installed from theme/package-lock.json) through
/// lunr-reference.js. Fails, never skips, when node is missing.
/// </summary>
public static class LunrReference
{
    private static readonly Lazy<string> LunrDir = new(FindLunr);

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "lunr-reference.js");

    /// <summary>Runs a mode of lunr-reference.js with <paramref name="inputJson"/> on stdin; returns stdout.</summary>
    public static string Run(string mode, string? inputJson)
    {
        var (code, stdout, stderr) = Exec("node", [ScriptPath, LunrDir.Value, mode], inputJson);
        if (code != 0) throw new InvalidOperationException($"lunr-reference.js {mode} failed ({code}):\n{stderr}");
        return stdout;
    }

    public static T Run<T>(string mode, string? inputJson) =>
        JsonSerializer.Deserialize<T>(Run(mode, inputJson))!;

    /// <summary>JSON.stringify(lunr(...)) for <paramref name="spec"/>.</summary>
    public static string BuildJson(IndexSpec spec) => Run("build", spec.ToJson());

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DigestSite.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("DigestSite.sln not found above " + AppContext.BaseDirectory);
    }

    private static string FindLunr()
    {
        try
        {
            Exec("node", ["--version"], null);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new InvalidOperationException(
                "The lunr differential tests need Node.js (node and npm) on PATH to run lunr.js. " +
                "Install it, e.g. `sudo apt-get install nodejs npm` or from https://nodejs.org, then rerun.", e);
        }
        string dir = Path.Combine(RepoRoot, "theme", "node_modules", "lunr");
        if (!File.Exists(Path.Combine(dir, "lunr.js")))
        {
            int code;
            string stderr;
            try
            {
                (code, _, stderr) = Exec("npm", ["ci", "--ignore-scripts", "--prefix", Path.Combine(RepoRoot, "theme")], null);
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException(
                    "theme/node_modules/lunr is missing and npm is not on PATH. Install Node.js with npm " +
                    "(e.g. `sudo apt-get install nodejs npm`), then run `npm ci --prefix theme`.", e);
            }
            if (code != 0 || !File.Exists(Path.Combine(dir, "lunr.js")))
                throw new InvalidOperationException($"`npm ci --prefix theme` did not install lunr ({code}):\n{stderr}");
        }
        return dir;
    }

    private static (int Code, string Stdout, string Stderr) Exec(string file, string[] args, string? stdin)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + file);
        var stdoutTask = p.StandardOutput.ReadToEndAsync();
        var stderrTask = p.StandardError.ReadToEndAsync();
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        p.WaitForExit();
        return (p.ExitCode, stdoutTask.Result, stderrTask.Result);
    }
}

/// <summary>An index to build both with lunr.js and with <see cref="LunrIndexBuilder"/>.</summary>
public sealed record IndexSpec(string Ref, IReadOnlyList<LunrField> Fields, IReadOnlyList<LunrDocument> Documents)
{
    public static IReadOnlyList<LunrField> DigestSiteFields { get; } =
    [
        new("title", boost: 10), new("authors", boost: 5), new("topics", boost: 3), new("summary", boost: 1),
    ];

    public string BuildJson(int maxDegreeOfParallelism = 2)
    {
        var builder = new LunrIndexBuilder(Fields) { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        foreach (var d in Documents) builder.Add(d);
        return builder.Build().ToJson();
    }

    /// <summary>The same index, each document's fields given to the builder analyzed (<see cref="LunrTextAnalyzer"/>) instead of as texts.</summary>
    public string BuildJsonFromAnalyzedFields(int maxDegreeOfParallelism = 2)
    {
        using var analyzer = new LunrTextAnalyzer();
        var builder = new LunrIndexBuilder(Fields) { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        foreach (var d in Documents)
            builder.Add(d.Ref, Fields.Select(f => d.Fields.TryGetValue(f.Name, out var text) ? analyzer.Analyze(text) : null).ToArray(), d.Boost);
        return builder.Build().ToJson();
    }

    /// <summary>
    /// The same index, the fields analyzed and their terms given as numbers of a vocabulary in an order of its own
    /// (sorted backwards, with a term no document has), every third document given as texts: the index does not
    /// depend on the numbering, nor on how the documents come.
    /// </summary>
    public string BuildJsonFromNumberedFields(int maxDegreeOfParallelism = 2)
    {
        using var analyzer = new LunrTextAnalyzer();
        var analyzed = Documents.Select(d => Fields.Select(f => d.Fields.TryGetValue(f.Name, out var text) ? analyzer.Analyze(text) : null).ToArray()).ToList();
        var vocabulary = analyzed.SelectMany(fields => fields).SelectMany(f => f?.Terms ?? []).Append("unused").Distinct().OrderDescending(StringComparer.Ordinal).ToList();
        var numbers = vocabulary.Select((word, number) => (word, number)).ToDictionary(x => x.word, x => x.number, StringComparer.Ordinal);
        var builder = new LunrIndexBuilder(Fields, vocabulary) { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        for (int i = 0; i < Documents.Count; i++)
        {
            if (i % 3 == 2) builder.Add(Documents[i]);
            else builder.Add(Documents[i].Ref, Array.ConvertAll(analyzed[i], f => f is null ? null : new NumberedText(Array.ConvertAll(f.Terms, t => numbers[t]), f.Counts)),
                Documents[i].Boost);
        }
        return builder.Build().ToJson();
    }

    /// <summary>The spec as lunr-reference.js input (ASCII JSON: every non-ASCII code unit escaped, lone surrogates too).</summary>
    public string ToJson(IEnumerable<string>? queries = null, string? indexJson = null)
    {
        var sb = new StringBuilder();
        sb.Append("{\"ref\":").Append(TestJson.Str(Ref)).Append(",\"fields\":[");
        for (int i = 0; i < Fields.Count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append("{\"name\":").Append(TestJson.Str(Fields[i].Name)).Append(",\"boost\":").Append(TestJson.Num(Fields[i].Boost)).Append('}');
        }
        sb.Append("],\"documents\":[");
        for (int i = 0; i < Documents.Count; i++)
        {
            var d = Documents[i];
            if (i > 0) sb.Append(',');
            sb.Append("{\"ref\":").Append(TestJson.Str(d.Ref)).Append(",\"boost\":").Append(TestJson.Num(d.Boost)).Append(",\"fields\":{");
            bool first = true;
            foreach (var (k, v) in d.Fields)
            {
                if (!first) sb.Append(',');
                first = false;
                sb.Append(TestJson.Str(k)).Append(':').Append(v is null ? "null" : TestJson.Str(v));
            }
            sb.Append("}}");
        }
        sb.Append(']');
        if (queries is not null) sb.Append(",\"queries\":").Append(TestJson.StrArray(queries));
        if (indexJson is not null) sb.Append(",\"index\":").Append(indexJson);
        sb.Append('}');
        return sb.ToString();
    }
}

public static class TestJson
{
    /// <summary>A JSON string literal with every non-printable-ASCII code unit as \uXXXX.</summary>
    public static string Str(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (char c in s)
        {
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') sb.Append(c);
            else sb.Append("\\u").Append(((int)c).ToString("x4"));
        }
        return sb.Append('"').ToString();
    }

    public static string StrArray(IEnumerable<string> items) => "[" + string.Join(",", items.Select(Str)) + "]";

    public static string Num(double d) => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    public static string Hex(double d) => BitConverter.DoubleToInt64Bits(d).ToString("x16");

    public static double FromHex(string h) => BitConverter.Int64BitsToDouble(Convert.ToInt64(h, 16));
}
