namespace DigestSite.Browser.Tests.Infrastructure;

/// <summary>One page of each kind, per site, as (site, kind, path) rows for theories.</summary>
public static class PageKinds
{
    public static readonly (string Kind, string Path)[] Fixture =
    [
        ("home", ""),
        ("issues", "issues/"),
        ("issue", "issues/2026-03-18/"),
        ("issue-oldest", "issues/2026-03-16/"),
        ("paper", "papers/2401.00001/"),
        ("paper-without-arxiv", "papers/instruction-following/"),
        ("topics", "topics/"),
        ("topic", "topics/fine-tuning/"),
        ("topic-page-2", "topics/fine-tuning/page/2/"),
        ("topic-empty", "topics/speech/"),
        ("authors", "authors/"),
        ("author", "authors/ana-zhang/"),
        ("search", "search/"),
        ("404", "404.html"),
    ];

    public static readonly (string Kind, string Path)[] Sample =
    [
        ("home", ""),
        ("issues", "issues/"),
        ("issue", "issues/2026-11-24/"),
        ("paper", "papers/2307.06435/"),
        ("topics", "topics/"),
        ("topic", "topics/fine-tuning/"),
        ("topic-page-3", "topics/fine-tuning/page/3/"),
        ("authors", "authors/"),
        ("author", "authors/anna-korhonen/"),
        ("author-with-alias", "authors/edoardo-maria-ponti/"),
        ("search", "search/"),
        ("404", "404.html"),
    ];

    public static TheoryData<string, string, string> All()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (kind, path) in Fixture) data.Add("fixture", kind, path);
        foreach (var (kind, path) in Sample) data.Add("sample", kind, path);
        return data;
    }

    /// <summary>
    /// Every fixture kind, plus the sample site's pages whose real content the fixture lacks (long
    /// titles and author lists, many tags, upvotes, three pages of pagination, hundreds of authors and their co-authors): the rest of the sample
    /// site's kinds render the same templates over similar content, so axe is not run on them twice.
    /// </summary>
    public static TheoryData<string, string, string> ForAxe()
    {
        var data = OfFixture();
        foreach (var (kind, path) in Sample)
            if (kind is "home" or "issue" or "paper" or "topic-page-3" or "authors" or "author") data.Add("sample", kind, path);
        return data;
    }

    public static TheoryData<string, string, string> OfFixture()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (kind, path) in Fixture) data.Add("fixture", kind, path);
        return data;
    }
}
