using System.Text;
using DigestSite.Incremental;
using DigestSite.Output;
using DigestSite.Pages;

namespace DigestSite.Publishing.Citations;

/// <summary>
/// The citation files: each paper's cite.bib, cite.ris and cite.json (CSL-JSON) beside its page;
/// each issue's and each topic's papers.bib, and /papers.bib with every paper of the archive. They are
/// made from the papers' views (a BibTeX entry is the one the paper's page shows) and written again
/// only when those changed.
/// </summary>
public static class CitationFiles
{
    public static void Write(SiteModel model, StagedOutput output, InputHash hash, int parallelism, CancellationToken cancel)
    {
        var urls = model.Urls;
        // A paper's files read its view and the site's address (their URLs are absolute).
        var site = hash.Of(InputHash.Program, "citations", model.Site.Url);
        var threads = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancel };
        // A paper's .bib is its entry's UTF-8 and a newline; its .ris is made in a builder of the thread's, kept from paper
        // to paper, and encoded from it (StagedOutput.Write): no string of each file's text to be thrown away at once.
        using var builders = new ThreadLocal<StringBuilder>(() => new StringBuilder());
        Parallel.ForEach(model.PapersInOrder, threads, paper =>
        {
            var inputs = hash.Of(site, paper);
            var bib = urls.OutputPath(paper.Citation.BibtexUrl);
            var ris = urls.OutputPath(paper.Citation.RisUrl);
            var json = urls.OutputPath(paper.Citation.CslJsonUrl);
            if (output.IsCurrent(bib, inputs) && output.IsCurrent(ris, inputs) && output.IsCurrent(json, inputs)) return;
            var cited = CitedPaper.Of(paper, urls);
            var text = builders.Value!;
            output.Write(bib, inputs, [.. paper.Bibtex.Bytes, (byte)'\n']);
            output.Write(ris, inputs, Ris.Record(cited, text.Clear()));
            output.Write(json, inputs, CslJson.File([CslJson.Item(cited)]));
        });

        // The archive's file first: the largest, it would otherwise be the one thread still writing at the end.
        var collections = new List<(string Path, Func<IReadOnlyList<PaperView>> Papers)> { (urls.OutputPath(urls.Citations), () => model.PapersInOrder) };
        foreach (var issue in model.Archive.Issues)
            collections.Add((urls.OutputPath(urls.IssueCitations(issue.Date)), () => issue.Papers.Select(p => model.Papers[p.Slug]).ToArray()));
        foreach (var topic in model.Archive.Topics)
            collections.Add((urls.OutputPath(urls.TopicCitations(topic.Slug)), () => model.PapersByTopic[topic.Slug]));
        Parallel.ForEach(collections, threads, c => Collection(output, hash, c.Path, c.Papers()));
    }

    /// <summary>One .bib of several papers, in the order their page lists them (an empty file for a topic with none).</summary>
    private static void Collection(StagedOutput output, InputHash hash, string path, IReadOnlyList<PaperView> papers)
    {
        var inputs = hash.Of(InputHash.Program, "bib", papers);
        if (output.IsCurrent(path, inputs)) return;
        output.Write(path, inputs, stream =>
        {
            for (int i = 0; i < papers.Count; i++)
            {
                if (i > 0) stream.WriteByte((byte)'\n');
                stream.Write(papers[i].Bibtex.Bytes);
                stream.WriteByte((byte)'\n');
            }
        });
    }
}
