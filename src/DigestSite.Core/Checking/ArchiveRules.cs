using DigestSite.Content;

namespace DigestSite.Checking;

/// <summary>Rules across files: a slug names one paper, and an arXiv paper is digested once.</summary>
public static class ArchiveRules
{
    public static void Check(IReadOnlyList<LoadedPaper> papers, List<Diagnostic> diagnostics)
    {
        // Ordered by path so that "already used by" always names the same, first, file.
        var ordered = papers.OrderBy(p => p.Paper.SourcePath, StringComparer.Ordinal).ToArray();
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        var arxivIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (paper, arxivAt) in ordered)
        {
            if (!slugs.TryAdd(paper.Slug, paper.SourcePath))
                diagnostics.Add(Diagnostic.AtStart(paper.SourcePath,
                    $"the slug \"{paper.Slug}\" is already used by {slugs[paper.Slug]}: slugs are unique across the archive, rename one file."));
            if (paper.Arxiv is { } id && !arxivIds.TryAdd(ArxivId.WithoutVersion(id), paper.SourcePath))
                diagnostics.Add(Diagnostic.At(paper.SourcePath, arxivAt!.Value,
                    $"arXiv paper {ArxivId.WithoutVersion(id)} is already in the archive ({arxivIds[ArxivId.WithoutVersion(id)]}): a paper is digested once."));
        }
    }
}
