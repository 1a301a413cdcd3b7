namespace DigestSite.Pages;

// The authors' part of the model templates see (theme/README.md), beside Views.cs.

/// <summary>An author as a paper prints them: the spelling on the paper, and the person's name and page.</summary>
/// <param name="Person">The person's name on their page: the registry's, when the spelling is an alias.</param>
public sealed record AuthorRef(string Name, string Person, string Slug, string Url);

/// <summary>A co-author or topic of an author's page, with how many of the author's papers it is on.</summary>
public sealed record CountedLink(string Name, string Url, int Count);

/// <summary>An author's page: who they are, and what they publish on with whom.</summary>
/// <param name="OtherSpellings">The other spellings the archive prints for them (registry aliases in use).</param>
/// <param name="SearchUrl">The search page, asking for their papers (lunr's authors: field).</param>
/// <param name="CoAuthors">Most frequent first, at most <see cref="AuthorPages.MaxCoAuthors"/>.</param>
/// <param name="MoreCoAuthors">How many co-authors <paramref name="CoAuthors"/> leaves out.</param>
public sealed record AuthorView(
    string Name,
    string Slug,
    string Url,
    string FeedUrl,
    string SearchUrl,
    int PaperCount,
    IReadOnlyList<string> OtherSpellings,
    string? Orcid,
    string? OrcidUrl,
    string? Homepage,
    string? Affiliation,
    IReadOnlyList<CountedLink> CoAuthors,
    int MoreCoAuthors,
    IReadOnlyList<CountedLink> Topics);

/// <summary>One author of the A–Z list.</summary>
public sealed record AuthorListing(string Name, string Url, int PaperCount, string? Affiliation);

/// <summary>The authors of one letter on one page of the A–Z list; <see cref="Anchor"/> is its id on the page.</summary>
public sealed record AuthorLetter(string Letter, string Anchor, IReadOnlyList<AuthorListing> Authors);

/// <summary>A letter of the jump bar: where its authors start (a page of the list and the letter's anchor).</summary>
public sealed record LetterLink(string Letter, string Url, bool IsOnPage);
