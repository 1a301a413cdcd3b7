using DigestSite.Archive;
using DigestSite.Checking;
using DigestSite.Content.Yaml;

namespace DigestSite.Content;

/// <summary>Reads topics.yml: slug -> { name, description }.</summary>
public static class TopicsReader
{
    private static readonly string[] Keys = ["name", "description"];

    /// <summary>Each topic is a page (or more) and a feed, listed on the topics page: a vocabulary, not a tag cloud.</summary>
    public const int MaxTopics = 500;

    public static IReadOnlyList<Topic>? Read(SourceText source, List<Diagnostic> diagnostics)
    {
        int errorsBefore = diagnostics.Count;
        if (YamlDocuments.ReadMapping(source.Text, 1, source.Path, diagnostics) is not { } map) return null;

        var topics = new List<Topic>();
        foreach (var entry in map.Entries)
        {
            var slug = entry.Key.Value;
            if (Slugs.Problem(slug) is { } problem)
                diagnostics.Add(Diagnostic.At(source.Path, entry.Key.Position, $"topic slug \"{slug}\" must {problem}."));
            if (entry.Value is not YamlMapping topic)
            {
                diagnostics.Add(Diagnostic.At(source.Path, entry.Value.Position,
                    $"topic \"{slug}\" needs a name and a description on indented lines below it, not {entry.Value.Kind}."));
                continue;
            }
            var fields = new Fields(topic, source.Path, entry.Key.Position, diagnostics);
            fields.RejectUnknownKeys(Keys);
            var name = fields.Text("name", required: true, "name: \"Fine-tuning\"");
            var description = fields.Text("description", required: false, "description: \"Adapting pretrained models.\"");
            if (name is { } n) topics.Add(new Topic(slug, n.Value, description?.Value ?? ""));
        }
        if (map.Entries.Count > MaxTopics)
            diagnostics.Add(Diagnostic.At(source.Path, map.Entries[MaxTopics].Key.Position,
                $"topics.yml defines {map.Entries.Count:N0} topics; a digest has at most {MaxTopics}: merge the narrowest ones."));
        if (map.Entries.Count == 0)
            diagnostics.Add(Diagnostic.AtStart(source.Path, "topics.yml defines no topic: add at least one (slug, then name and description)."));
        return diagnostics.Count > errorsBefore ? null : topics;
    }
}
