using DigestSite.Diagnostics;

namespace DigestSite.Content.Yaml;

/// <summary>
/// A YAML value as written, with its position in the file. Scalars keep their source text, so
/// "2301.10010" stays an id and never becomes the number 2301.1001.
/// </summary>
public abstract record YamlNode(SourcePosition Position)
{
    /// <summary>What the node is, in a contributor's words, for "expected X, found Y" messages.</summary>
    public abstract string Kind { get; }
}

public sealed record YamlScalar(string Value, bool IsPlain, SourcePosition Position) : YamlNode(Position)
{
    /// <summary>YAML's null: an empty plain value, "~" or "null".</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Kind => IsNull ? "nothing" : "text";
}

public sealed record YamlSequence(IReadOnlyList<YamlNode> Items, SourcePosition Position) : YamlNode(Position)
{
    public override string Kind => "a list";
}

public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

public sealed record YamlMapping(IReadOnlyList<YamlEntry> Entries, SourcePosition Position) : YamlNode(Position)
{
    public override string Kind => "a set of \"key: value\" lines";

    public YamlEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key.Value == key);
}
