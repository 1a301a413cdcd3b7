namespace DigestSite.Pages;

/// <summary>/topics/ and /topics/SLUG/[page/N/]: the topics, and each topic's papers, paginated.</summary>
public static class TopicPages
{
    public static IEnumerable<PlannedPage> Plan(SiteModel model)
    {
        var topics = model.Archive.Topics
            .Select(t => new TopicView(t.Slug, t.Name, t.Description, model.Urls.Topic(t.Slug), model.Urls.TopicFeed(t.Slug), model.PapersByTopic[t.Slug].Count,
                model.Urls.TopicCitations(t.Slug)))
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Slug, StringComparer.Ordinal)
            .ToArray();
        var index = PageHeads.For(model, "topics", "Topics", $"Papers by topic: {string.Join(", ", topics.Select(t => t.Name))}.", model.Urls.Topics);
        yield return new PlannedPage(model.Urls.Topics, "topics", index.Kind, () => index, new Dictionary<string, object?> { ["topics"] = topics }, model.Newest);

        int perPage = model.Archive.Config.PapersPerPage;
        foreach (var topic in topics)
        {
            var papers = model.PapersByTopic[topic.Slug];
            int pages = Math.Max(1, (papers.Count + perPage - 1) / perPage);
            for (int number = 1; number <= pages; number++)
            {
                var url = model.Urls.Topic(topic.Slug, number);
                var shown = papers.Skip((number - 1) * perPage).Take(perPage).ToArray();
                var title = number == 1 ? topic.Name : $"{topic.Name}, page {number}";
                var feed = new AlternateLink($"{topic.Name} · {model.Site.Title}", topic.FeedUrl, "application/atom+xml");
                var page = PageHeads.For(model, "topic", title, topic.Description is { Length: > 0 } d ? d : topic.Name, url, alternates: [feed]);
                yield return new PlannedPage(url, "topic", page.Kind, () => page, new Dictionary<string, object?>
                {
                    ["topic"] = topic,
                    ["papers"] = shown,
                    ["pagination"] = Pagination(model, topic.Slug, number, pages),
                }, shown.Length > 0 ? shown[0].Issue.Day : null);
            }
        }
    }

    private static PaginationView Pagination(SiteModel model, string slug, int page, int total) => new(
        page,
        total,
        page > 1 ? model.Urls.Topic(slug, page - 1) : null,
        page < total ? model.Urls.Topic(slug, page + 1) : null,
        Enumerable.Range(1, total).Select(n => new PageLink(n, model.Urls.Topic(slug, n), n == page)).ToArray());
}
