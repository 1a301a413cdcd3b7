using System.CommandLine;
using DigestSite.Archive;
using DigestSite.Checking;
using DigestSite.Content;
using DigestSite.Submitting;

namespace DigestSite.Cli;

/// <summary>
/// `digestsite new`: starts paper files at the right path, so nobody copies another one. With
/// --arxiv or --doi alone, the title, authors and dates come from arXiv or Crossref; with --title
/// and --author, from the contributor. Every problem is found before anything is written, and then
/// nothing is.
/// </summary>
internal static class NewCommand
{
    /// <summary>Where the services are: the real ones unless these name others (a mirror, or a local stand-in).</summary>
    public const string ArxivApiVariable = "DIGESTSITE_ARXIV_API";
    public const string CrossrefApiVariable = "DIGESTSITE_CROSSREF_API";

    private sealed record Options(string ContentDir, string DateText, string? Title, string[] Arxiv, string[] Doi, string[] Authors, string[] Topics);

    public static Command Create()
    {
        var content = CommonOptions.Content();
        var date = new Option<string>("--date") { Description = "The issue's date, YYYY-MM-DD.", Required = true };
        var title = new Option<string?>("--title") { Description = "The paper's title, to give its details by hand (with --author)." };
        var arxiv = new Option<string[]>("--arxiv") { Description = "An arXiv id, e.g. 2312.15918: alone, its details are fetched from arXiv; repeat for several papers." };
        var doi = new Option<string[]>("--doi") { Description = "A DOI, e.g. 10.1145/3292500.3330701: alone, its details are fetched from Crossref; repeat for several papers." };
        var authors = new Option<string[]>("--author") { Description = "An author, in the paper's order, with --title; repeat for each." };
        var topics = new Option<string[]>("--topic") { Description = "A topic slug from topics.yml; repeat for each." };
        var command = new Command("new", "Write new paper files, ready for their summaries.") { date, title, arxiv, doi, authors, topics, content };
        command.SetAction((parsed, cancel) => Run(new Options(
            parsed.GetValue(content)!, parsed.GetValue(date)!, parsed.GetValue(title), parsed.GetValue(arxiv) ?? [],
            parsed.GetValue(doi) ?? [], parsed.GetValue(authors) ?? [], parsed.GetValue(topics) ?? []), cancel));
        return command;
    }

    private static async Task<int> Run(Options options, CancellationToken cancel)
    {
        var errors = new List<string>();
        var date = ContentDates.Parse(options.DateText);
        if (date is null) errors.Add($"--date must be a real date written YYYY-MM-DD, not \"{options.DateText}\".");
        var known = KnownTopics(options.ContentDir, errors);
        var archive = KnownPapers.Read(options.ContentDir);

        CheckNotInArchive(options, archive, errors);
        List<NewPaperRequest> requests;
        if (options.Title is { } title)
            requests = [ByHand(options, title, date ?? default, errors)];
        else
        {
            CheckFetchOptions(options, known, errors);
            if (errors.Count > 0) return Fail(errors);
            requests = await Fetch(options, date!.Value, errors, cancel);
            if (errors.Count > 0) return Fail(errors);
        }

        var files = new List<(string Path, string Shown, string Text)>();
        foreach (var request in requests)
        {
            if (NewPaper.Create(request, known, errors) is not var (relativePath, text)) continue;
            var shown = DiagnosticReport.DisplayPath(options.ContentDir, relativePath);
            if (errors.Count == 0 && CheckNewFile(options.ContentDir, relativePath, shown, files.Select(f => f.Shown)) is { } problem) errors.Add(problem);
            files.Add((Path.Combine(options.ContentDir, relativePath), shown, text));
        }
        if (errors.Count > 0) return Fail(errors);
        CheckDoisFromArxiv(requests, options, archive, errors);
        if (errors.Count > 0) return Fail(errors);

        foreach (var warning in TitleWarnings(requests, archive, options.ContentDir)) Console.Error.WriteLine($"warning: {warning}");
        foreach (var (path, _, text) in files) WriteWhole(path, text);
        if (files.Count == 1)
            Console.WriteLine($"Wrote {files[0].Shown}. Write the summary after the closing \"---\", then run: digestsite check");
        else
        {
            foreach (var (_, shown, _) in files) Console.WriteLine($"Wrote {shown}.");
            Console.WriteLine("Write each summary after the closing \"---\", then run: digestsite check");
        }
        return 0;
    }

    private static NewPaperRequest ByHand(Options options, string title, DateOnly date, List<string> errors)
    {
        if (options.Arxiv.Length > 1 || options.Doi.Length > 1)
            errors.Add("--title gives one paper's details: give at most one --arxiv and one --doi with it, or leave out --title and --author to fetch each paper's details.");
        return new NewPaperRequest(date, title, options.Arxiv.FirstOrDefault(), options.Authors, options.Topics) { Doi = options.Doi.FirstOrDefault() };
    }

    private static void CheckFetchOptions(Options options, IReadOnlyCollection<string> known, List<string> errors)
    {
        if (options.Arxiv.Length + options.Doi.Length == 0)
            errors.Add("give --arxiv ID or --doi DOI to fetch the paper's details, or --title and --author to give them by hand.");
        if (options.Authors.Length > 0)
            errors.Add("--author goes with --title, to give a paper's details by hand; with --arxiv or --doi alone they come from arXiv or Crossref.");
        foreach (var id in options.Arxiv.Where(id => !ArxivId.IsValid(id))) errors.Add($"--arxiv must be {ArxivId.Rule}, not \"{id}\".");
        foreach (var doi in options.Doi.Where(doi => !Doi.IsValid(doi))) errors.Add(NewPaper.DoiError(doi));
        NewPaper.CheckTopics(options.Topics, known, errors);
    }

    /// <summary>A paper asked for that is already in the archive, or asked for twice: refused before anyone is asked.</summary>
    private static void CheckNotInArchive(Options options, IReadOnlyList<KnownPaper> archive, List<string> errors)
    {
        var asked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in options.Arxiv.Where(ArxivId.IsValid))
        {
            var key = SamePaper.ArxivKey(id);
            if (!asked.Add("arxiv:" + key)) errors.Add($"arXiv paper {key} is asked for twice.");
            else if (archive.FirstOrDefault(p => p.Arxiv is { } other && ArxivId.IsValid(other) && SamePaper.ArxivKey(other) == key) is { } found)
                errors.Add($"arXiv paper {key} is already in the archive ({Shown(options, found)}): a paper is digested once.");
        }
        foreach (var doi in options.Doi.Where(Doi.IsValid))
        {
            var key = SamePaper.DoiKey(doi);
            if (!asked.Add("doi:" + key)) errors.Add($"DOI {doi} is asked for twice.");
            else if (archive.FirstOrDefault(p => p.Doi is { } other && SamePaper.DoiKey(other) == key) is { } found)
                errors.Add($"DOI {doi} is already in the archive ({Shown(options, found)}): a paper is digested once.");
        }
    }

    /// <summary>arXiv knows the published version's DOI: that paper may already be in the archive by it.</summary>
    private static void CheckDoisFromArxiv(IEnumerable<NewPaperRequest> requests, Options options, IReadOnlyList<KnownPaper> archive, List<string> errors)
    {
        foreach (var request in requests.Where(r => r.Arxiv is not null && r.Doi is not null && !options.Doi.Contains(r.Doi)))
            if (archive.FirstOrDefault(p => p.Doi is { } other && SamePaper.DoiKey(other) == SamePaper.DoiKey(request.Doi!)) is { } found)
                errors.Add($"arXiv paper {SamePaper.ArxivKey(request.Arxiv!)} is DOI {request.Doi}, already in the archive ({Shown(options, found)}): a paper is digested once.");
    }

    private static IEnumerable<string> TitleWarnings(IReadOnlyList<NewPaperRequest> requests, IReadOnlyList<KnownPaper> archive, string contentDir)
    {
        var seen = archive.Where(p => p.Title is not null)
            .Select(p => (Key: SamePaper.TitleKey(p.Title!), Where: $"{DiagnosticReport.DisplayPath(contentDir, p.Path)}:{p.TitlePosition.Line}:{p.TitlePosition.Column}", Title: p.Title!))
            .ToList();
        foreach (var request in requests)
        {
            var key = SamePaper.TitleKey(request.Title);
            foreach (var other in seen.Where(s => key.Length > 0 && s.Key == key))
                yield return $"\"{request.Title}\" reads the same as the title of {other.Where} (\"{other.Title}\") once case, punctuation and accents are set aside: if it is the same paper, delete the new file.";
            seen.Add((key, "another paper of this command", request.Title));
        }
    }

    private static async Task<List<NewPaperRequest>> Fetch(Options options, DateOnly date, List<string> errors, CancellationToken cancel)
    {
        if (Settings(options.ContentDir, errors) is not { } settings) return [];
        using var lookup = new PaperLookup(settings);
        var requests = new List<NewPaperRequest>();
        foreach (var (kind, id) in options.Arxiv.Select(id => ("arxiv", id)).Concat(options.Doi.Select(doi => ("doi", doi))))
        {
            var found = kind == "arxiv" ? await lookup.Arxiv(id, cancel) : await lookup.Crossref(id, cancel);
            if (found.Paper is { } paper)
                requests.Add(new NewPaperRequest(date, paper.Title, paper.Arxiv, paper.Authors, options.Topics)
                {
                    Doi = paper.Doi, Published = paper.Published, Links = paper.Links, JournalReference = paper.JournalReference,
                });
            else
                errors.Add($"{(kind == "arxiv" ? "arXiv" : "DOI")} {id}: {found.Problem}. Nothing was written; to go on by hand: " +
                           $"digestsite new --date {options.DateText} --{kind} {id} --title \"…\" --author \"…\" (one --author per author)" +
                           string.Concat(options.Topics.Select(t => $" --topic {t}")));
        }
        return requests;
    }

    private static LookupSettings? Settings(string contentDir, List<string> errors)
    {
        var arxiv = ApiAddress(ArxivApiVariable, LookupSettings.DefaultArxivApi, errors);
        var crossref = ApiAddress(CrossrefApiVariable, LookupSettings.DefaultCrossrefApi, errors);
        if (arxiv is null || crossref is null) return null;
        // Both services ask callers to say who they are: the program, and the digest it works for.
        var site = ContentLoader.LoadSiteConfig(contentDir, []);
        var version = typeof(NewCommand).Assembly.GetName().Version?.ToString(2) ?? "1.0";
        var userAgent = site is null ? $"DigestSite/{version} (paper digest generator)" : $"DigestSite/{version} (paper digest generator; +{site.Url.AbsoluteUri})";
        return new LookupSettings(arxiv, crossref, userAgent);
    }

    private static Uri? ApiAddress(string variable, Uri fallback, List<string> errors)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(value)) return fallback;
        if (WebAddress.ParseHttp(value) is { } uri) return uri;
        errors.Add($"{variable} must be an absolute http or https URL, not \"{value}\"; unset it to use {fallback.AbsoluteUri}.");
        return null;
    }

    /// <summary>Refuses to overwrite, and a slug another issue uses (the same paper filed twice would fail check).</summary>
    private static string? CheckNewFile(string contentDir, string relativePath, string shown, IEnumerable<string> alsoWriting)
    {
        if (File.Exists(Path.Combine(contentDir, relativePath)) || alsoWriting.Contains(shown))
            return $"{shown} already exists: edit it, or choose another --arxiv or --title.";
        if (SameSlugElsewhere(contentDir, relativePath) is { } other)
            return $"{DiagnosticReport.DisplayPath(contentDir, other)} already exists: slugs are unique across the archive; edit it, or choose another --arxiv or --title.";
        return null;
    }

    private static string? SameSlugElsewhere(string contentDir, string relativePath)
    {
        var issues = Path.Combine(contentDir, ContentLoader.IssuesFolder);
        if (!Directory.Exists(issues)) return null;
        var fileName = Path.GetFileName(relativePath);
        return Directory.EnumerateDirectories(issues)
            .Select(dir => $"{ContentLoader.IssuesFolder}/{Path.GetFileName(dir)}/{fileName}")
            .Order(StringComparer.Ordinal)
            .FirstOrDefault(candidate => File.Exists(Path.Combine(contentDir, candidate)));
    }

    /// <summary>
    /// The file appears whole or not at all: written beside its place under a hidden name (which
    /// check ignores, should the process die), then moved into place, never over an existing file.
    /// </summary>
    private static void WriteWhole(string path, string text)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, text);
        try { File.Move(temporary, path, overwrite: false); }
        finally { File.Delete(temporary); }
    }

    private static string Shown(Options options, KnownPaper paper) => DiagnosticReport.DisplayPath(options.ContentDir, paper.Path);

    private static IReadOnlyCollection<string> KnownTopics(string contentDir, List<string> errors)
    {
        var topics = ContentLoader.LoadTopics(contentDir, []);
        if (topics is null) errors.Add($"could not read the topics from {Path.Combine(contentDir, ContentLoader.TopicsFile)}: run digestsite check --content {contentDir}.");
        return topics?.Select(t => t.Slug).ToArray() ?? [];
    }

    private static int Fail(IEnumerable<string> errors)
    {
        foreach (var error in errors) Console.Error.WriteLine($"error: {error}");
        return 1;
    }
}
