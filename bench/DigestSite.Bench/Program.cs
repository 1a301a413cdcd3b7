// Build benchmark: DigestSite and Hugo side by side on the same generated archives.
//
//   dotnet run -c Release --project bench/DigestSite.Bench -- [--sizes 100,1000,10000,50000] [--repeat 5]
//       [--no-hugo] [--no-serve] [--serve-size 10000] [--no-build] [--serve-only] [--jit]
//
// Archives come from the archive generator (bench/DigestSite.Corpus, seed 1) and are cached under
// bench/out/corpus-N. digestsite is published as the native executable releases ship (Native AOT;
// --jit: the JIT build of `dotnet run` instead) into bench/out/bin and run as a child process, as a
// user runs it; so is hugo, with the site definition of bench/hugo/ over the same content.
// Every figure is measured in this run; medians of --repeat runs, the two tools alternating.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DigestSite.Corpus;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var opts = Options.Parse(args);
string repo = Repo.Root();
string outDir = Path.Combine(repo, "bench", "out");
Directory.CreateDirectory(outDir);
string bin = Path.Combine(outDir, "bin");
if (!opts.NoBuild)
{
    Console.Error.WriteLine($"{(opts.Jit ? "Building" : "Publishing")} digestsite (Release{(opts.Jit ? ", JIT" : ", native")}) into bench/out/bin ...");
    if (Directory.Exists(bin)) Directory.Delete(bin, recursive: true);
    var built = Run.Process("dotnet", [opts.Jit ? "build" : "publish", Path.Combine(repo, "src", "DigestSite", "DigestSite.csproj"), "-c", "Release", "-o", bin, "-v", "q", "-nologo"], repo);
    if (built.ExitCode != 0) { Console.Error.WriteLine(built.Stdout + built.Stderr); return 1; }
}
string digestsite = Path.Combine(bin, "digestsite");
string theme = Path.Combine(repo, "theme");
string? hugo = opts.NoHugo ? null : Run.Which("hugo");

Console.WriteLine("# DigestSite build benchmark");
Console.WriteLine();
Console.WriteLine($"- machine: {Environment.ProcessorCount} cores, {Machine.MemoryGiB():0.0} GiB RAM, {Machine.Cpu()}");
Console.WriteLine($"- load before: {Machine.Load()}");
Console.WriteLine($"- dotnet {Environment.Version}; digestsite {Run.Process(digestsite, ["--version"], outDir).Stdout.Trim()} ({(opts.Jit ? "JIT build" : "native executable")})");
Console.WriteLine($"- hugo: {(hugo is null ? "not run" : Run.Process(hugo, ["version"], outDir).Stdout.Trim())}");
Console.WriteLine($"- repeats: {opts.Repeat} (medians shown)");
Console.WriteLine();

var rows = new List<string[]>();
var phaseTables = new List<string>();
// Full builds' output folders, removed at the end (bench/out/runs/).
string runs = Path.Combine(outDir, "runs");
if (Directory.Exists(runs)) Directory.Delete(runs, recursive: true);
foreach (int size in opts.Sizes)
{
    string corpus = Corpus.Ensure(outDir, size);
    string site = "", hugoSite = "";
    string hugoConfig = Path.Combine(outDir, $"hugo-{size}.toml");
    File.WriteAllText(hugoConfig, File.ReadAllText(Path.Combine(repo, "bench", "hugo", "config.toml")).Replace("CORPUS", corpus));
    var edited = Corpus.PaperToEdit(corpus);

    var full = new List<Measured>(); var hugoFull = new List<Measured>(); var same = new List<Measured>(); var edit = new List<Measured>();
    var loads = new List<double>();
    // Fewer runs at 50,000 papers when asked (--repeat-large), each one takes minutes.
    int repeat = size >= 50000 && opts.RepeatLarge is { } few ? few : opts.Repeat;
    for (int r = 0; r < repeat; r++)
    {
        loads.Add(Machine.Load1());
        Console.Error.WriteLine($"[{size}] run {r + 1}/{repeat}  load {Machine.Load()}");
        // Each full build goes into a folder never used before, as on a fresh clone: right after
        // deleting a site, ext4 (without a journal, as here) skips the just-freed inodes one by one
        // when creating files, which made either tool's next build up to twice as slow in system time.
        site = Output.Fresh(runs, $"digestsite-{size}-{r}");
        hugoSite = Output.Fresh(runs, $"hugo-{size}-{r}");
        full.Add(Measure.Child(digestsite, ["build", "--content", corpus, "--theme", theme, "--output", site], outDir));
        if (hugo is not null)
        {
            hugoFull.Add(Measure.Child(hugo, ["--config", hugoConfig, "--source", Path.Combine(repo, "bench", "hugo"), "--destination", hugoSite, "--quiet"], outDir));
        }
        same.Add(Measure.Child(digestsite, ["build", "--content", corpus, "--theme", theme, "--output", site], outDir));
        var original = File.ReadAllBytes(edited);
        var originalTime = File.GetLastWriteTimeUtc(edited);
        try
        {
            Corpus.Edit(edited, r);
            edit.Add(Measure.Child(digestsite, ["build", "--content", corpus, "--theme", theme, "--output", site], outDir));
        }
        finally
        {
            // Bytes and time as they were: a file written just now would keep the next build from
            // recording its inputs' stamps (DigestSite's racy-file rule), and the no-change rebuild would not be skipped.
            File.WriteAllBytes(edited, original);
            File.SetLastWriteTimeUtc(edited, originalTime);
        }
    }
    // Leave the output matching the (restored) archive.
    Measure.Child(digestsite, ["build", "--content", corpus, "--theme", theme, "--output", site], outDir);

    var ours = Output.Stats(site);
    string load = $"{loads.Min():0.0}–{loads.Max():0.0}";
    // Each run's DigestSite time over the Hugo time measured right after it, then the median: the
    // machine's load drifts less between two neighbouring builds than over the whole run.
    double? ratio = hugoFull.Count == full.Count && full.Count > 0 ? Median(full.Zip(hugoFull, (d, h) => (double?)(d.WallMs / h.WallMs))) : null;
    rows.Add(Table.Row($"DigestSite {size:N0}", full, ours, searchMs: Median(full.Select(m => m.Timing("search-index"))),
        searchBytes: Output.Bytes(Path.Combine(site, "search")), noChange: same, oneEdit: edit, ratio, load, repeat));
    if (hugo is not null)
        rows.Add(Table.Row($"Hugo {size:N0}", hugoFull, Output.Stats(hugoSite), null, Output.Bytes(Path.Combine(hugoSite, "search")), null, null, null, load, repeat));
    phaseTables.Add(Table.Phases($"DigestSite {size:N0}", full, edit));
    Console.Error.WriteLine(Table.Render(rows));
}

Console.WriteLine(Table.Render(rows));
Console.WriteLine();
foreach (var phases in phaseTables) Console.WriteLine(phases);
if (!opts.NoServe)
{
    string corpus = Corpus.Ensure(outDir, opts.ServeSize);
    Console.WriteLine(Serve.Measure(digestsite, theme, corpus, opts.Repeat, outDir));
}
Console.WriteLine($"- load after: {Machine.Load()}");
if (Directory.Exists(runs)) Directory.Delete(runs, recursive: true);
return 0;

static double? Median(IEnumerable<double?> values)
{
    var v = values.OfType<double>().Order().ToArray();
    return v.Length == 0 ? null : v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
}

sealed record Options(int[] Sizes, int Repeat, bool NoHugo, bool NoServe, int ServeSize, bool NoBuild, bool Jit = false, int? RepeatLarge = null)
{
    public static Options Parse(string[] args)
    {
        var o = new Options([100, 1000, 10000, 50000], 5, false, false, 10000, false);
        for (int i = 0; i < args.Length; i++)
        {
            o = args[i] switch
            {
                "--sizes" => o with { Sizes = args[++i].Split(',').Select(int.Parse).ToArray() },
                "--repeat" => o with { Repeat = int.Parse(args[++i]) },
                "--no-hugo" => o with { NoHugo = true },
                "--no-serve" => o with { NoServe = true },
                "--serve-size" => o with { ServeSize = int.Parse(args[++i]) },
                "--no-build" => o with { NoBuild = true },
                "--serve-only" => o with { Sizes = [] },
                "--jit" => o with { Jit = true },
                "--repeat-large" => o with { RepeatLarge = int.Parse(args[++i]) },
                _ => throw new ArgumentException($"unknown argument {args[i]}"),
            };
        }
        return o;
    }
}

/// <summary>One run of a child process: wall time, CPU time (user + system, every thread; null without /usr/bin/time), peak resident memory, and what it printed.</summary>
sealed record Measured(double WallMs, double? CpuMs, long PeakRssKiB, string Stdout, string Stderr)
{
    /// <summary>A phase time digestsite prints with DIGESTSITE_TIMINGS=1 ("timing NAME MS").</summary>
    public double? Timing(string name) =>
        Regex.Match(Stderr, $@"^timing {Regex.Escape(name)} ([0-9.]+)$", RegexOptions.Multiline) is { Success: true } m
            ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>Each phase's wall and CPU time in ms, in the order digestsite printed them ("timing NAME MS" then "cpu NAME MS").</summary>
    public List<(string Phase, double Wall, double Cpu)> Phases() =>
        Regex.Matches(Stderr, @"^timing (\S+) ([0-9.]+)\ncpu \S+ ([0-9.]+)$", RegexOptions.Multiline)
            .Select(m => (m.Groups[1].Value, double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>Files written, from digestsite's "Built N pages (M files" line.</summary>
    public int? FilesWritten =>
        Regex.Match(Stdout, @"wrote ([0-9,]+) file") is { Success: true } m ? int.Parse(m.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : null;
}

static class Measure
{
    /// <summary>
    /// Runs the command under /usr/bin/time -f "%M %U %S" (the kernel's peak RSS of the child, exact,
    /// and its user and system CPU time) when there is one, else polls /proc/PID/status VmHWM while it runs.
    /// </summary>
    public static Measured Child(string exe, string[] args, string cwd)
    {
        bool gnuTime = File.Exists("/usr/bin/time");
        var rssFile = Path.GetTempFileName();
        var psi = new ProcessStartInfo(gnuTime ? "/usr/bin/time" : exe) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        if (gnuTime) { psi.ArgumentList.Add("-f"); psi.ArgumentList.Add("%M %U %S"); psi.ArgumentList.Add("-o"); psi.ArgumentList.Add(rssFile); psi.ArgumentList.Add(exe); }
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DIGESTSITE_TIMINGS"] = "1";
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        long hwm = 0;
        while (!p.WaitForExit(20))
            if (!gnuTime) hwm = Math.Max(hwm, Machine.VmHwmKiB(p.Id));
        double wall = clock.Elapsed.TotalMilliseconds;
        double? cpu = null;
        var times = gnuTime ? File.ReadAllText(rssFile).Trim().Split('\n')[^1].Split(' ') : [];
        if (times.Length == 3 && long.TryParse(times[0], out var kib))
        {
            hwm = kib;
            cpu = (double.Parse(times[1], CultureInfo.InvariantCulture) + double.Parse(times[2], CultureInfo.InvariantCulture)) * 1000;
        }
        File.Delete(rssFile);
        if (p.ExitCode != 0) throw new InvalidOperationException($"{exe} {string.Join(' ', args)} failed:\n{stdout.Result}{stderr.Result}");
        return new Measured(wall, cpu, hwm, stdout.Result, stderr.Result);
    }
}

static class Output
{
    /// <summary>A new, empty folder's path (the folder itself is left to the tool to create).</summary>
    public static string Fresh(string runs, string name)
    {
        var dir = Path.Combine(runs, name);
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, "site");
    }

    public static (int Files, int Html, long Bytes) Stats(string dir)
    {
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f)).ToArray();
        return (files.Length, files.Count(f => f.Name.EndsWith(".html", StringComparison.Ordinal)), files.Sum(f => f.Length));
    }

    public static long? Bytes(string dir) =>
        Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : null;
}

static class Table
{
    static readonly string[] Header =
        ["site", "runs", "load", "full build s", "CPU s", "vs Hugo", "pages/s", "peak MiB", "HTML pages", "files", "output MiB", "search ms", "search MiB",
         "rebuild, no change s (CPU s)", "rebuild, 1 paper edited s (CPU s)"];

    public static string[] Row(string name, List<Measured> full, (int Files, int Html, long Bytes) stats, double? searchMs, long? searchBytes,
        List<Measured>? noChange, List<Measured>? oneEdit, double? ratio, string load, int runs)
    {
        double wall = Med(full.Select(m => m.WallMs));
        var cpu = full.All(m => m.CpuMs is not null) ? Med(full.Select(m => m.CpuMs!.Value)) : (double?)null;
        return
        [
            name,
            $"{runs}",
            load,
            $"{wall / 1000:0.00}",
            cpu is { } c ? $"{c / 1000:0.00}" : "–",
            ratio is { } r ? $"{r:0.00}" : "–",
            $"{stats.Html / (wall / 1000):N0}",
            $"{Med(full.Select(m => (double)m.PeakRssKiB)) / 1024:N0}",
            $"{stats.Html:N0}",
            $"{stats.Files:N0}",
            $"{stats.Bytes / 1048576.0:N1}",
            searchMs is { } s ? $"{s:N0}" : "–",
            searchBytes is { } b ? $"{b / 1048576.0:N1}" : "–",
            noChange is null ? "–" : $"{Med(noChange.Select(m => m.WallMs)) / 1000:0.00}" +
                (noChange.All(m => m.CpuMs is not null) ? $" ({Med(noChange.Select(m => m.CpuMs!.Value)) / 1000:0.00})" : ""),
            oneEdit is null ? "–" : $"{Med(oneEdit.Select(m => m.WallMs)) / 1000:0.00}" +
                (oneEdit.All(m => m.CpuMs is not null) ? $" ({Med(oneEdit.Select(m => m.CpuMs!.Value)) / 1000:0.00})" : ""),
        ];
    }

    /// <summary>
    /// Each phase of the full builds and of the one-paper rebuilds: wall and CPU ms (all threads; medians over
    /// the runs) and CPU / wall, how many cores the phase kept busy. The first phase's CPU also counts opening the
    /// output folder (its manifest read, its files checked), which its wall time does not. "publish" includes the
    /// search files made beside it (docs.json, the split form's display and text files); "search-index" is the index
    /// and the files made from it, after publishing.
    /// </summary>
    public static string Phases(string name, List<Measured> full, List<Measured> edit)
    {
        var sb = new StringBuilder();
        sb.Append($"Phases of {name}, ms (medians of {full.Count} runs; CPU of all threads, cores = CPU / wall):\n\n");
        sb.Append("| phase | full build wall | CPU | cores | 1 paper edited wall | CPU | cores |\n|---|---:|---:|---:|---:|---:|---:|\n");
        var names = full.SelectMany(m => m.Phases().Select(p => p.Phase)).Concat(edit.SelectMany(m => m.Phases().Select(p => p.Phase))).Distinct().ToList();
        foreach (var phase in names)
        {
            sb.Append($"| {phase} | {Cells(full, phase)} | {Cells(edit, phase)} |\n");
        }
        return sb.ToString();
    }

    private static string Cells(List<Measured> runs, string phase)
    {
        var times = runs.Select(m => m.Phases().Where(p => p.Phase == phase).ToList()).Where(l => l.Count == 1).Select(l => l[0]).ToList();
        if (times.Count == 0) return "– | – | –";
        double wall = Med(times.Select(t => t.Wall)), cpu = Med(times.Select(t => t.Cpu));
        return $"{wall:N0} | {cpu:N0} | {(wall > 0 ? cpu / wall : 0):0.0}";
    }

    public static double Med(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    public static string Render(List<string[]> rows)
    {
        var sb = new StringBuilder();
        sb.Append("| ").AppendJoin(" | ", Header).Append(" |\n");
        sb.Append('|').AppendJoin("|", Header.Select((_, i) => i == 0 ? "---" : "---:")).Append("|\n");
        foreach (var row in rows) sb.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        return sb.ToString();
    }
}

static class Corpus
{
    /// <summary>
    /// The archive of <paramref name="papers"/> papers (seed 1, no plants), generated once and kept
    /// while the generator is unchanged: ".complete" records its build (a deterministic build's
    /// module id changes with its code), so archives of an older generator are made again.
    /// </summary>
    public static string Ensure(string outDir, int papers)
    {
        var dir = Path.Combine(outDir, $"corpus-{papers}");
        var stamp = $"DigestSite.Corpus {typeof(CorpusGenerator).Assembly.ManifestModule.ModuleVersionId} papers={papers} seed=1\n";
        var complete = Path.Combine(dir, ".complete");
        if (File.Exists(complete) && File.ReadAllText(complete) == stamp) return dir;
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Console.Error.WriteLine($"Generating {papers:N0} papers into {dir} ...");
        CorpusGenerator.Write(dir, new CorpusOptions { Papers = papers, Seed = 1 });
        File.WriteAllText(complete, stamp);
        return dir;
    }

    /// <summary>A paper in the middle of the archive: not the newest issue, so home and feed need not change.</summary>
    public static string PaperToEdit(string corpus)
    {
        var issues = Directory.GetDirectories(Path.Combine(corpus, "issues")).Order(StringComparer.Ordinal).ToArray();
        var issue = issues[issues.Length / 2];
        return Directory.GetFiles(issue, "*.md").Where(f => Path.GetFileName(f) != "index.md").Order(StringComparer.Ordinal).First();
    }

    /// <summary>Edits the summary, as an editor fixing a sentence would.</summary>
    public static void Edit(string paper, int n) =>
        File.WriteAllText(paper, File.ReadAllText(paper).TrimEnd() + $" Edited ({n}).\n");
}

static class Serve
{
    /// <summary>
    /// Starts `digestsite serve` on the archive, listens to /__digestsite/events, edits a paper and
    /// times the save -> "reload" event, and reads the rebuild time serve prints.
    /// </summary>
    public static string Measure(string digestsite, string theme, string corpus, int repeat, string cwd)
    {
        int port = Machine.FreePort();
        var psi = new ProcessStartInfo(digestsite) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "serve", "--content", corpus, "--theme", theme, "--port", port.ToString(CultureInfo.InvariantCulture) }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var lines = new System.Collections.Concurrent.BlockingCollection<string>();
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Add(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("serve: " + e.Data); };
        p.BeginOutputReadLine(); p.BeginErrorReadLine();
        var startup = Stopwatch.StartNew();
        string? initial = null;
        while (lines.TryTake(out var line, TimeSpan.FromMinutes(5)))
        {
            if (line.StartsWith("Built", StringComparison.Ordinal)) initial = line;
            if (line.StartsWith("Serving", StringComparison.Ordinal)) break;
        }
        double startMs = startup.Elapsed.TotalMilliseconds;
        var paper = Corpus.PaperToEdit(corpus);
        var original = File.ReadAllBytes(paper);
        var originalTime = File.GetLastWriteTimeUtc(paper);
        var reloads = new List<double>(); var rebuilds = new List<double>(); var searches = new List<double>();
        try
        {
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            using var events = http.GetAsync($"http://127.0.0.1:{port}/__digestsite/events", HttpCompletionOption.ResponseHeadersRead).Result;
            using var reader = new StreamReader(events.Content.ReadAsStream());
            while (reader.ReadLine() is { } l && !l.StartsWith(": connected", StringComparison.Ordinal)) { }
            for (int r = 0; r < repeat; r++)
            {
                while (lines.TryTake(out _)) { }
                Thread.Sleep(300);
                var clock = Stopwatch.StartNew();
                Corpus.Edit(paper, 100 + r);
                string? ev;
                while ((ev = reader.ReadLine()) is not null && ev != "event: reload") { }
                reloads.Add(clock.Elapsed.TotalMilliseconds);
                // serve prints "Built N pages in X ms." (or "... in X ms (...)") before it sends the event
                string? built = null;
                while (built is null && lines.TryTake(out var line, TimeSpan.FromSeconds(10)))
                    if (line.StartsWith("Built", StringComparison.Ordinal)) built = line;
                if (built is not null && Regex.Match(built, @"in ([0-9]+) ms") is { Success: true } m) rebuilds.Add(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
                // Then, with nothing else changing, serve makes the search files ("Search index updated in X ms").
                if (built is not null && built.Contains("search index next", StringComparison.Ordinal))
                {
                    while (lines.TryTake(out var line, TimeSpan.FromSeconds(120)))
                        if (Regex.Match(line, @"^Search index updated in ([0-9]+) ms") is { Success: true } sm)
                        {
                            searches.Add(double.Parse(sm.Groups[1].Value, CultureInfo.InvariantCulture));
                            break;
                        }
                }
            }
        }
        finally
        {
            File.WriteAllBytes(paper, original);
            File.SetLastWriteTimeUtc(paper, originalTime);
            Thread.Sleep(1000);
            Run.Process("kill", ["-INT", p.Id.ToString(CultureInfo.InvariantCulture)], cwd);
            if (!p.WaitForExit(30000)) p.Kill();
        }
        var sb = new StringBuilder();
        sb.Append($"serve on {Path.GetFileName(corpus)}: started and built in {startMs / 1000:0.0} s ({initial}).\n\n");
        sb.Append("| serve, 1 paper edited | median ms | runs ms |\n|---|---:|---|\n");
        sb.Append($"| rebuild (as serve reports it) | {(rebuilds.Count > 0 ? Table.Med(rebuilds) : double.NaN):N0} | {string.Join(", ", rebuilds.Select(x => x.ToString("N0")))} |\n");
        sb.Append($"| save -> SSE \"reload\" event | {Table.Med(reloads):N0} | {string.Join(", ", reloads.Select(x => x.ToString("N0")))} |\n");
        if (searches.Count > 0)
            sb.Append($"| search index, made after the reload | {Table.Med(searches):N0} | {string.Join(", ", searches.Select(x => x.ToString("N0")))} |\n");
        return sb.ToString();
    }
}

static class Run
{
    public static (int ExitCode, string Stdout, string Stderr) Process(string exe, IEnumerable<string> args, string cwd)
    {
        var psi = new ProcessStartInfo(exe) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync(); var e = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, o.Result, e.Result);
    }

    public static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}

static class Machine
{
    public static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>The 1-minute load average (NaN where there is none).</summary>
    public static double Load1() =>
        File.Exists("/proc/loadavg") ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture) : double.NaN;

    /// <summary>A port on 127.0.0.1 that nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static double MemoryGiB() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0;

    public static string Cpu() => File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
        : "?";

    public static long VmHwmKiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException) { return 0; }
    }
}

static class Repo
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DigestSite.sln"))) return dir.FullName;
        throw new InvalidOperationException("DigestSite.sln not found above the benchmark.");
    }
}
