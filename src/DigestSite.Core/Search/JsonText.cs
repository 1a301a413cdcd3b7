using System.Text;
using DigestSite.Lunr;

namespace DigestSite.Search;

/// <summary>
/// The split search files' JSON, written piece by piece as UTF-8. Strings are escaped by the lunr
/// index's own writer (<see cref="JsJsonWriter"/>, as JSON.stringify does), so every string of the
/// search files, lone surrogates included, follows one set of rules.
/// </summary>
public sealed class JsonText
{
    private readonly MemoryStream buffer = new();
    private readonly JsJsonWriter writer;

    public JsonText() => writer = new JsJsonWriter(buffer);

    /// <summary>JSON punctuation or text already in JSON form, as it is.</summary>
    public JsonText Raw(string json) { writer.Raw(Encoding.UTF8.GetBytes(json)); return this; }

    /// <summary>UTF-8 bytes already in JSON form, as they are.</summary>
    public JsonText Raw(byte[] json) { writer.Raw(json); return this; }

    public JsonText Int(int n) { writer.Int(n); return this; }

    public JsonText Str(string s) { writer.String(s); return this; }

    public JsonText Strs(IEnumerable<string> items)
    {
        writer.Raw((byte)'[');
        bool first = true;
        foreach (var s in items)
        {
            if (!first) writer.Raw((byte)',');
            first = false;
            writer.String(s);
        }
        writer.Raw((byte)']');
        return this;
    }

    public byte[] ToUtf8()
    {
        writer.Flush();
        return buffer.ToArray();
    }
}
