using System.Globalization;
using System.Text;
using DigestSite.Pages;

namespace DigestSite.Publishing.Citations;

/// <summary>
/// COinS (ContextObjects in Spans, OpenURL 1.0's KEV format in a span's title): what Zotero's browser
/// connector reads on a listing page to offer saving every paper of it at once. A journal-format
/// "preprint" with its title, authors, date and identifiers (DOI, arXiv id, the paper's page).
/// </summary>
public static class Coins
{
    // Each thread writes into one builder of its own: a paper's COinS then allocates only its UTF-8.
    [ThreadStatic] private static StringBuilder? builder;

    /// <summary>The COinS, as UTF-8 (as the model keeps it).</summary>
    public static Utf8Text Of(CitedPaper paper)
    {
        var kev = builder ??= new StringBuilder(1024);
        kev.Clear().Append("ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Ajournal&rft.genre=preprint");
        Add(kev, "rft.atitle", paper.Title);
        if (paper.Arxiv is not null) Add(kev, "rft.jtitle", "arXiv");
        // Every author as written (rft.au): Zotero splits each name itself, and keeps the order.
        foreach (var author in paper.Authors) Add(kev, "rft.au", author.Full);
        if (paper.Published is { } date) Add(kev, "rft.date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else if (paper.Year is { } year) Add(kev, "rft.date", year.ToString(CultureInfo.InvariantCulture));
        if (paper.Doi is { } doi) Add(kev, "rft_id", "info:doi/" + doi);
        if (paper.Arxiv is { } arxiv) Add(kev, "rft_id", "info:arxiv/" + arxiv);
        Add(kev, "rft_id", paper.PageUrl);
        return Utf8Text.Of(kev);
    }

    private static void Add(StringBuilder kev, string key, string value) => kev.Append('&').Append(key).Append('=').Append(Uri.EscapeDataString(value));
}
