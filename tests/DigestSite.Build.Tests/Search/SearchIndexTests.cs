using DigestSite.Content;
using DigestSite.Corpus;
using DigestSite.Lunr;
using DigestSite.Pages;
using DigestSite.Search;

namespace DigestSite.Build.Tests.Search;

/// <summary>The search index is made from the terms the model analysed once (for related papers too), not from the texts again.</summary>
public sealed class SearchIndexTests
{
    [Fact]
    public void The_index_made_from_the_models_terms_is_the_one_the_texts_give()
    {
        var root = Directory.CreateTempSubdirectory("digestsite-search-index-").FullName;
        try
        {
            CorpusGenerator.Write(root, new CorpusOptions { Papers = 400, Plants = Plants.All });
            var model = new SiteModel(ContentLoader.Load(root).Archive ?? throw new InvalidOperationException("the generated archive did not load"));
            var fromTexts = new LunrIndexBuilder(SearchIndex.Fields);
            foreach (var paper in model.PapersInOrder)
            {
                var texts = SearchIndex.FieldTexts(paper);
                fromTexts.Add(new LunrDocument(paper.Slug, SearchIndex.Fields.Select((f, i) => (f.Name, Text: texts[i])).ToDictionary(f => f.Name, string? (f) => f.Text)));
            }
            Assert.Equal(fromTexts.Build().ToJson(), SearchIndex.Build(model.PapersInOrder, model.Terms).ToJson());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
