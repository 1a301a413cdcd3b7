// Benchmark: builds the search index of an archive written by bench/DigestSite.Corpus with DigestSite.Lunr
// and with lunr.js (node, tests/DigestSite.Lunr.Tests/lunr-reference.js), checks the two JSON
// outputs are byte-identical, and prints time and size side by side.
//
//   dotnet run -c Release --project bench/DigestSite.Lunr.Bench -- CORPUS_DIR [CORPUS_DIR...]
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DigestSite.Lunr;

if (args.Length == 0)
{
    Console.Error.WriteLine("usage: DigestSite.Lunr.Bench CORPUS_DIR [CORPUS_DIR...]  (from: dotnet run --project bench/DigestSite.Corpus -- OUT --papers N)");
    return 2;
}

string repo = FindRepoRoot();
string script = Path.Combine(repo, "tests", "DigestSite.Lunr.Tests", "lunr-reference.js");
string lunrDir = Path.Combine(repo, "theme", "node_modules", "lunr");
if (!File.Exists(Path.Combine(lunrDir, "lunr.js")))
{
    Console.Error.WriteLine($"lunr.js not installed: run `npm ci --prefix {Path.Combine(repo, "theme")}`");
    return 2;
}

LunrField[] fields = [new("title", boost: 10), new("authors", boost: 5), new("topics", boost: 3), new("summary", boost: 1)];
Console.WriteLine("Build + serialize: wall ms / CPU ms. C# cold = first build in this process (JIT included; only the");
Console.WriteLine("first corpus argument is truly cold); C# warm = after that; lunr.js = in node after one warm-up build.");
Console.WriteLine($"{"papers",7} {"C# cold",13} {"C# warm",13} {"C# 1 thread",13} {"lunr.js",15} {"speedup wall/cpu",17} {"raw bytes",12} {"gzip bytes",11}  identical");
int status = 0;
foreach (var dir in args)
{
    var docs = Corpus.Read(dir);

    // ours: warm up once, then time build + serialization (to a byte array)
    byte[] ours = BuildOurs(docs, fields, Environment.ProcessorCount, out var cold);
    ours = BuildOurs(docs, fields, Environment.ProcessorCount, out var warm);
    BuildOurs(docs, fields, 1, out var single);

    // lunr.js: same fields and strings; warm-up build inside node, timed in-process
    string input = Path.GetTempFileName();
    File.WriteAllText(input, NodeInput(docs, fields), new UTF8Encoding(false));
    var (lunrBytes, lunr) = RunLunr(script, lunrDir, input);
    File.Delete(input);

    bool identical = ours.AsSpan().SequenceEqual(lunrBytes);
    if (!identical) status = 1;
    Console.WriteLine($"{docs.Count,7} {Show(cold),13} {Show(warm),13} {Show(single),13} {Show(lunr),15} {$"{lunr.Wall / warm.Wall:F1}x / {lunr.Cpu / warm.Cpu:F1}x",17} {ours.Length,12:N0} {Gzip(ours),11:N0}  {(identical ? "yes" : "NO")}");
    if (!identical) Console.WriteLine($"        lunr.js: {lunrBytes.Length:N0} bytes raw, {Gzip(lunrBytes):N0} gzip");
}
return status;

static string Show((double Wall, double Cpu) t) => $"{t.Wall:F0} / {t.Cpu:F0}";

static byte[] BuildOurs(List<LunrDocument> docs, LunrField[] fields, int threads, out (double Wall, double Cpu) time)
{
    var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    var builder = new LunrIndexBuilder(fields) { MaxDegreeOfParallelism = threads };
    foreach (var d in docs) builder.Add(d);
    var stream = new MemoryStream();
    builder.Build().WriteJson(stream);
    double wall = sw.Elapsed.TotalMilliseconds;
    process.Refresh();
    time = (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    return stream.ToArray();
}

static (byte[] Json, (double Wall, double Cpu) Time) RunLunr(string script, string lunrDir, string input)
{
    var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var a in new[] { "--max-old-space-size=8192", script, lunrDir, "build", input }) psi.ArgumentList.Add(a);
    using var p = Process.Start(psi)!;
    var output = new MemoryStream();
    var copy = p.StandardOutput.BaseStream.CopyToAsync(output);
    string stderr = p.StandardError.ReadToEnd();
    copy.Wait();
    p.WaitForExit();
    if (p.ExitCode != 0) throw new InvalidOperationException("lunr.js failed: " + stderr);
    double Read(string key) => double.Parse(stderr.Split('\n').First(l => l.StartsWith(key + " "))[(key.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    return (output.ToArray(), (Read("build-ms"), Read("cpu-ms")));
}

static string NodeInput(List<LunrDocument> docs, LunrField[] fields) => JsonSerializer.Serialize(new
{
    @ref = "slug",
    warmup = true,
    fields = fields.Select(f => new { name = f.Name, boost = f.Boost }),
    documents = docs.Select(d => new { @ref = d.Ref, fields = d.Fields }),
});

static long Gzip(byte[] data)
{
    var ms = new MemoryStream();
    using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(data);
    return ms.Length;
}

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "DigestSite.sln"))) return dir.FullName;
    }
    throw new InvalidOperationException("DigestSite.sln not found");
}
