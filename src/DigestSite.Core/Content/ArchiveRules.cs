using DigestSite.Archive;
using DigestSite.Diagnostics;

namespace DigestSite.Content;

/// <summary>
/// Rules across files: a slug names one paper, and a paper (by arXiv id or DOI) is digested once.
/// Titles that read the same are warned about: usually a resubmission, sometimes two papers.
/// </summary>
public static class ArchiveRules
{
    public static void Check(IReadOnlyList<LoadedPaper> papers, List<Diagnostic> diagnostics, List<Diagnostic> warnings)
    {
        // Ordered by path so that "already used by" always names the same, first, file. The loader
        // lists them in that order already (folders, then files, by name): sorted only if not.
        var ordered = InPathOrder(papers) ? papers : papers.OrderBy(p => p.Paper.SourcePath, StringComparer.Ordinal).ToArray();
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        var arxivIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var dois = new Dictionary<string, string>(StringComparer.Ordinal);
        var titles = new Dictionary<string, Paper>(StringComparer.Ordinal);
        foreach (var (paper, titleAt, arxivAt, doiAt, _) in ordered)
        {
            if (!slugs.TryAdd(paper.Slug, paper.SourcePath))
                diagnostics.Add(Diagnostic.AtStart(paper.SourcePath,
                    $"the slug \"{paper.Slug}\" is already used by {slugs[paper.Slug]}: slugs are unique across the archive, rename one file."));
            if (paper.Arxiv is { } id && SamePaper.ArxivKey(id) is var unversioned && !arxivIds.TryAdd(unversioned, paper.SourcePath))
                diagnostics.Add(Diagnostic.At(paper.SourcePath, arxivAt!.Value,
                    $"arXiv paper {unversioned} is already in the archive ({arxivIds[unversioned]}): a paper is digested once."));
            if (paper.Doi is { } doi && !dois.TryAdd(SamePaper.DoiKey(doi), paper.SourcePath))
                diagnostics.Add(Diagnostic.At(paper.SourcePath, doiAt!.Value,
                    $"DOI {doi} is already in the archive ({dois[SamePaper.DoiKey(doi)]}): a paper is digested once."));
            if (SamePaper.TitleKey(paper.Title) is { Length: > 0 } title && !titles.TryAdd(title, paper))
                warnings.Add(Diagnostic.At(paper.SourcePath, titleAt, SamePaper.TitleWarning(titles[title].SourcePath, titles[title].Title)));
        }
    }

    private static bool InPathOrder(IReadOnlyList<LoadedPaper> papers)
    {
        for (int i = 1; i < papers.Count; i++)
            if (string.CompareOrdinal(papers[i - 1].Paper.SourcePath, papers[i].Paper.SourcePath) > 0) return false;
        return true;
    }
}
