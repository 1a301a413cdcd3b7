using System.Globalization;

namespace DigestSite.Pages;

/// <summary>/issues/: every issue, grouped by year and month, newest first.</summary>
public static class IssuesArchivePage
{
    public static PlannedPage Plan(SiteModel model)
    {
        var years = model.Archive.Issues
            .GroupBy(i => i.Date.Year)
            .Select(year => new ArchiveYear(
                year.Key,
                year.GroupBy(i => i.Date.Month)
                    .Select(month => new ArchiveMonth(
                        CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month.Key),
                        month.Select(i => model.IssueRefs[i.Date]).ToArray(),
                        month.Sum(i => i.Papers.Count)))
                    .ToArray(),
                year.Sum(i => i.Papers.Count)))
            .ToArray();
        var url = model.Urls.IssuesArchive;
        var page = PageHeads.For(model, "issues", "All issues",
            $"{model.Site.IssueCount} issues, {model.Site.PaperCount} papers.", url);
        return new PlannedPage(url, "issues", page.Kind, () => page, new Dictionary<string, object?> { ["years"] = years }, model.Newest);
    }
}
