using System.Text;

namespace DigestSite.Pages;

/// <summary>
/// A long text the model keeps for the whole build, held as UTF-8: a paper's summary (HTML and plain
/// text), its BibTeX entry and its COinS. As strings (UTF-16) they were about half of what a
/// 50,000-paper model held, and the garbage collector copied and marked them again and again
/// (docs/performance.md, memory). Readers that want a string get one made for the moment
/// (<see cref="ToString"/>); writers of UTF-8 take <see cref="Bytes"/> as they are.
/// Equal when the bytes are: a view record holding one compares by value, as it did with strings.
/// </summary>
public sealed class Utf8Text : IEquatable<Utf8Text>
{
    private readonly byte[] bytes;

    private Utf8Text(byte[] bytes) => this.bytes = bytes;

    public static Utf8Text Empty { get; } = new([]);

    public static Utf8Text Of(string text) => text.Length == 0 ? Empty : new(Encoding.UTF8.GetBytes(text));

    /// <summary>What <see cref="Of(string)"/> would make of the builder's text, without making the string.</summary>
    public static Utf8Text Of(StringBuilder text)
    {
        if (text.Length == 0) return Empty;
        // An encoder, not the chunks one by one: a surrogate pair may be split between two of them.
        var encoder = Encoding.UTF8.GetEncoder();
        int count = 0;
        foreach (var chunk in text.GetChunks()) count += encoder.GetByteCount(chunk.Span, flush: false);
        count += encoder.GetByteCount([], flush: true);
        encoder.Reset();
        var bytes = new byte[count];
        int written = 0;
        foreach (var chunk in text.GetChunks()) written += encoder.GetBytes(chunk.Span, bytes.AsSpan(written), flush: false);
        encoder.GetBytes([], bytes.AsSpan(written), flush: true);
        return new(bytes);
    }

    /// <summary>Bytes known to be well-formed UTF-8 (what <see cref="Of"/> made, read back), kept as they are.</summary>
    public static Utf8Text FromBytes(byte[] utf8) => utf8.Length == 0 ? Empty : new(utf8);

    public ReadOnlySpan<byte> Bytes => bytes;

    public bool IsEmpty => bytes.Length == 0;

    /// <summary>The text as a string, made anew on each call.</summary>
    public override string ToString() => bytes.Length == 0 ? "" : Encoding.UTF8.GetString(bytes);

    public bool Equals(Utf8Text? other) => other is not null && bytes.AsSpan().SequenceEqual(other.bytes);

    public override bool Equals(object? obj) => Equals(obj as Utf8Text);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }
}
