using System.Buffers;
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
        // The chars copied out whole, not encoded chunk by chunk: a surrogate pair may be split between two chunks, and
        // an encoder carrying the half across them was a crash on a paper that passes `check` (a pooled copy costs less than the string).
        var chars = ArrayPool<char>.Shared.Rent(text.Length);
        text.CopyTo(0, chars, text.Length);
        var bytes = Encoding.UTF8.GetBytes(chars, 0, text.Length);
        ArrayPool<char>.Shared.Return(chars);
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
