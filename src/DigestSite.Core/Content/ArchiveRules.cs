using DigestSite.Diagnostics;

namespace DigestSite.Content;

/// <summary>Rules across files: a slug names one paper, and an arXiv paper is digested once.</summary>
public static class ArchiveRules
{
    public static void Check(IReadOnlyList<LoadedPaper> papers, List<Diagnostic> diagnostics)
    {
        // Ordered by path so that "already used by" always names the same, first, file. The loader
        // lists them in that order already (folders, then files, by name): sorted only if not.
        var ordered = InPathOrder(papers) ? papers : papers.OrderBy(p => p.Paper.SourcePath, StringComparer.Ordinal).ToArray();
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        var arxivIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (paper, arxivAt) in ordered)
        {
            if (!slugs.TryAdd(paper.Slug, paper.SourcePath))
                diagnostics.Add(Diagnostic.AtStart(paper.SourcePath,
                    $"the slug \"{paper.Slug}\" is already used by {slugs[paper.Slug]}: slugs are unique across the archive, rename one file."));
            if (paper.Arxiv is { } id && ArxivId.WithoutVersion(id) is var unversioned && !arxivIds.TryAdd(unversioned, paper.SourcePath))
                diagnostics.Add(Diagnostic.At(paper.SourcePath, arxivAt!.Value,
                    $"arXiv paper {unversioned} is already in the archive ({arxivIds[unversioned]}): a paper is digested once."));
        }
    }

    private static bool InPathOrder(IReadOnlyList<LoadedPaper> papers)
    {
        for (int i = 1; i < papers.Count; i++)
            if (string.CompareOrdinal(papers[i - 1].Paper.SourcePath, papers[i].Paper.SourcePath) > 0) return false;
        return true;
    }
}
