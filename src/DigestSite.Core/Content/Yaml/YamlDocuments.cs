using DigestSite.Diagnostics;

namespace DigestSite.Content.Yaml;

/// <summary>Every YAML document in content is a mapping of keys to values.</summary>
public static class YamlDocuments
{
    public static YamlMapping? ReadMapping(string yaml, int firstLine, string path, List<Diagnostic> diagnostics)
    {
        var root = YamlReader.Read(yaml, firstLine, path, diagnostics);
        if (root is null or YamlMapping) return root as YamlMapping;
        diagnostics.Add(Diagnostic.At(path, root.Position, $"expected \"key: value\" lines here, found {root.Kind}."));
        return null;
    }
}
