using System.Diagnostics.CodeAnalysis;
using DigestSite.Publishing;
using DigestSite.Publishing.Citations;

namespace DigestSite.Pages;

/// <summary>One value a template can read of a view record: its Liquid name and how to get it.</summary>
public sealed record ViewMember(string Name, Func<object, object?> Get);

/// <summary>A view record type and the members templates can read of it.</summary>
/// <param name="Type">Its public members stay in a trimmed build (the template engine looks at the type when members are registered).</param>
public sealed record ViewRecord(
    [property: DynamicallyAccessedMembers(ViewRecord.Kept)][param: DynamicallyAccessedMembers(ViewRecord.Kept)] Type Type,
    IReadOnlyList<ViewMember> Members)
{
    public const DynamicallyAccessedMemberTypes Kept =
        DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicMethods;
}

/// <summary>
/// What templates can read of each view record of Views.cs, by Liquid name: the one list that the
/// templates are given (TemplateSet registers exactly these members with Fluid, and nothing else of
/// the program) and that a page's inputs hash reads (InputHash), so the hash covers everything a
/// template can show. Written out rather than found by reflection, which the native build's trimmer
/// cannot follow. Tests check that each record's every public property is listed under Fluid's
/// snake_case name and reads that property.
/// </summary>
public static class ViewMembers
{
    public static IReadOnlyList<ViewRecord> All { get; } =
    [
        Of<SiteView>(
            ("title", v => v.Title), ("description", v => v.Description), ("language", v => v.Language), ("url", v => v.Url),
            ("base_path", v => v.BasePath), ("home_url", v => v.HomeUrl), ("issues_url", v => v.IssuesUrl), ("topics_url", v => v.TopicsUrl),
            ("search_url", v => v.SearchUrl), ("feed_url", v => v.FeedUrl), ("feed_absolute_url", v => v.FeedAbsoluteUrl),
            ("subscribe_url", v => v.SubscribeUrl), ("stylesheet_url", v => v.StylesheetUrl), ("script_url", v => v.ScriptUrl),
            ("search_script_url", v => v.SearchScriptUrl), ("lunr_url", v => v.LunrUrl), ("search_index_url", v => v.SearchIndexUrl),
            ("search_docs_url", v => v.SearchDocsUrl), ("paper_count", v => v.PaperCount), ("issue_count", v => v.IssueCount),
            ("authors_url", v => v.AuthorsUrl),
            ("json_feed_url", v => v.JsonFeedUrl), ("feeds_opml_url", v => v.FeedsOpmlUrl), ("citations_url", v => v.CitationsUrl), ("data_url", v => v.DataUrl)),
        Of<PageView>(
            ("kind", v => v.Kind), ("title", v => v.Title), ("description", v => v.Description), ("url", v => v.Url),
            ("canonical_url", v => v.CanonicalUrl), ("meta", v => v.Meta), ("json_ld", v => v.JsonLd), ("alternates", v => v.Alternates)),
        Of<MetaTag>(("name", v => v.Name), ("property", v => v.Property), ("content", v => v.Content)),
        Of<AlternateLink>(("title", v => v.Title), ("url", v => v.Url), ("type", v => v.Type)),
        Of<LinkView>(("name", v => v.Name), ("url", v => v.Url)),
        Of<TopicRef>(("slug", v => v.Slug), ("name", v => v.Name), ("url", v => v.Url)),
        Of<IssueRef>(
            ("date", v => v.Date), ("day", v => v.Day), ("date_label", v => v.DateLabel), ("short_label", v => v.ShortLabel), ("title", v => v.Title),
            ("url", v => v.Url), ("paper_count", v => v.PaperCount)),
        Of<PaperView>(
            ("slug", v => v.Slug), ("title", v => v.Title), ("url", v => v.Url), ("authors", v => v.Authors),
            ("authors_text", v => v.AuthorsText), ("topics", v => v.Topics), ("issue", v => v.Issue), ("arxiv", v => v.Arxiv),
            ("arxiv_url", v => v.ArxivUrl), ("doi", v => v.Doi), ("doi_url", v => v.DoiUrl), ("pdf_url", v => v.PdfUrl), ("published", v => v.Published),
            ("published_label", v => v.PublishedLabel), ("upvotes", v => v.Upvotes), ("links", v => v.Links),
            ("submitted_by", v => v.SubmittedBy), ("summary_html", v => v.SummaryHtml), ("summary_text", v => v.SummaryText),
            ("bibtex", v => v.Bibtex), ("author_links", v => v.AuthorLinks), ("citation", v => v.Citation)),
        Of<CitationView>(
            ("key", v => v.Key), ("coins", v => v.Coins), ("bibtex_url", v => v.BibtexUrl), ("ris_url", v => v.RisUrl),
            ("csl_json_url", v => v.CslJsonUrl)),
        Of<IssueView>(
            ("date", v => v.Date), ("date_label", v => v.DateLabel), ("short_label", v => v.ShortLabel), ("title", v => v.Title),
            ("url", v => v.Url), ("paper_count", v => v.PaperCount), ("introduction_html", v => v.IntroductionHtml),
            ("papers", v => v.Papers), ("previous", v => v.Previous), ("next", v => v.Next),
            ("citations_url", v => v.CitationsUrl)),
        Of<RelatedPaperView>(("title", v => v.Title), ("url", v => v.Url), ("reason", v => v.Reason)),
        Of<ArchiveMonth>(("name", v => v.Name), ("issues", v => v.Issues), ("paper_count", v => v.PaperCount)),
        Of<ArchiveYear>(("year", v => v.Year), ("months", v => v.Months), ("paper_count", v => v.PaperCount)),
        Of<TopicView>(
            ("slug", v => v.Slug), ("name", v => v.Name), ("description", v => v.Description), ("url", v => v.Url),
            ("feed_url", v => v.FeedUrl), ("paper_count", v => v.PaperCount), ("citations_url", v => v.CitationsUrl)),
        Of<PageLink>(("number", v => v.Number), ("url", v => v.Url), ("is_current", v => v.IsCurrent)),
        Of<PaginationView>(
            ("page", v => v.Page), ("total_pages", v => v.TotalPages), ("previous_url", v => v.PreviousUrl),
            ("next_url", v => v.NextUrl), ("pages", v => v.Pages)),
        Of<FeedView>(
            ("path", v => v.Path), ("language", v => v.Language), ("title", v => v.Title), ("subtitle", v => v.Subtitle),
            ("feed_url", v => v.FeedUrl), ("page_url", v => v.PageUrl), ("updated", v => v.Updated), ("author_name", v => v.AuthorName),
            ("author_url", v => v.AuthorUrl), ("entries", v => v.Entries)),
        Of<FeedEntryView>(
            ("url", v => v.Url), ("title", v => v.Title), ("date", v => v.Date), ("authors", v => v.Authors), ("summary", v => v.Summary),
            ("categories", v => v.Categories), ("introduction_html", v => v.IntroductionHtml), ("papers", v => v.Papers),
            ("heading_level", v => v.HeadingLevel)),
        Of<AuthorRef>(("name", v => v.Name), ("person", v => v.Person), ("slug", v => v.Slug), ("url", v => v.Url)),
        Of<CountedLink>(("name", v => v.Name), ("url", v => v.Url), ("count", v => v.Count)),
        Of<AuthorView>(
            ("name", v => v.Name), ("slug", v => v.Slug), ("url", v => v.Url), ("feed_url", v => v.FeedUrl), ("search_url", v => v.SearchUrl),
            ("paper_count", v => v.PaperCount), ("other_spellings", v => v.OtherSpellings), ("orcid", v => v.Orcid), ("orcid_url", v => v.OrcidUrl),
            ("homepage", v => v.Homepage), ("affiliation", v => v.Affiliation), ("co_authors", v => v.CoAuthors),
            ("more_co_authors", v => v.MoreCoAuthors), ("topics", v => v.Topics)),
        Of<AuthorListing>(("name", v => v.Name), ("url", v => v.Url), ("paper_count", v => v.PaperCount), ("affiliation", v => v.Affiliation)),
        Of<AuthorLetter>(("letter", v => v.Letter), ("anchor", v => v.Anchor), ("authors", v => v.Authors)),
        Of<LetterLink>(("letter", v => v.Letter), ("url", v => v.Url), ("is_on_page", v => v.IsOnPage)),
        Of<SitemapView>(("entries", v => v.Entries)),
        Of<SitemapEntry>(("url", v => v.Url), ("updated", v => v.Updated)),
    ];

    public static IReadOnlyDictionary<Type, IReadOnlyList<ViewMember>> ByType { get; } = All.ToDictionary(r => r.Type, r => r.Members);

    private static ViewRecord Of<[DynamicallyAccessedMembers(ViewRecord.Kept)] T>(params (string Name, Func<T, object?> Get)[] members) where T : class =>
        new(typeof(T), members.Select(m => new ViewMember(m.Name, value => m.Get((T)value))).ToArray());
}
