using DigestSite.Lunr;

/// <summary>
/// Minimal reader of a generated archive (bench/DigestSite.Corpus; a bench, not DigestSite's content loader): front matter
/// title, authors (list, joined ", "), topics (inline list of slugs, named from topics.yml); body = summary.
/// </summary>
internal static class Corpus
{
    public static List<LunrDocument> Read(string dir)
    {
        var topicNames = ReadTopicNames(Path.Combine(dir, "topics.yml"));
        var files = Directory.GetFiles(Path.Combine(dir, "issues"), "*.md", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        var docs = new List<LunrDocument>(files.Length);
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            string title = "";
            var authors = new List<string>();
            var topics = new List<string>();
            int i = 1;
            bool inAuthors = false;
            for (; i < lines.Length && lines[i] != "---"; i++)
            {
                string line = lines[i];
                if (inAuthors && line.StartsWith("  - ")) { authors.Add(Unquote(line[4..])); continue; }
                inAuthors = line == "authors:";
                if (line.StartsWith("title: ")) title = Unquote(line[7..]);
                else if (line.StartsWith("topics: [")) topics.AddRange(line[9..^1].Split(", ", StringSplitOptions.RemoveEmptyEntries));
            }
            string summary = string.Join("\n", lines.Skip(i + 1)).Trim();
            docs.Add(new LunrDocument(Path.GetFileNameWithoutExtension(file), new Dictionary<string, string?>
            {
                ["title"] = title,
                ["authors"] = string.Join(", ", authors),
                ["topics"] = string.Join(", ", topics.Select(t => topicNames.GetValueOrDefault(t, t.Replace('-', ' ')))),
                ["summary"] = summary,
            }));
        }
        return docs;
    }

    private static Dictionary<string, string> ReadTopicNames(string path)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return names;
        string? slug = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length > 0 && line[0] != ' ' && line.EndsWith(':')) slug = line[..^1];
            else if (slug is not null && line.StartsWith("  name: ")) names[slug] = Unquote(line[8..]);
        }
        return names;
    }

    private static string Unquote(string s)
    {
        s = s.Trim();
        if (s.Length >= 2 && s[0] == '"' && s[^1] == '"') return s[1..^1].Replace("\\\"", "\"").Replace("\\\\", "\\");
        return s;
    }
}
