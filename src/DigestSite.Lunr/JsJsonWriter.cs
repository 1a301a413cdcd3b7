using System.Globalization;

namespace DigestSite.Lunr;

/// <summary>
/// Writes JSON as UTF-8 exactly as <c>JSON.stringify</c> lays it out: no whitespace, strings escaped
/// per QuoteJSONString (\b \t \n \f \r \" \\, other control characters and lone surrogates as
/// lowercase <c>\u00xx</c>; everything else, U+2028 included, written as is) and numbers per
/// Number::toString. The lunr index is written with it, and so is every other string of DigestSite's
/// search files (one set of escaping rules).
/// </summary>
public sealed class JsJsonWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _pos;

    public JsJsonWriter(Stream stream) => _stream = stream;

    public void Raw(byte b)
    {
        if (_pos == _buffer.Length) Flush();
        _buffer[_pos++] = b;
    }

    public void Raw(ReadOnlySpan<byte> bytes)
    {
        if (_buffer.Length - _pos < bytes.Length) Flush();
        if (bytes.Length > _buffer.Length) { _stream.Write(bytes); return; }
        bytes.CopyTo(_buffer.AsSpan(_pos));
        _pos += bytes.Length;
    }

    /// <summary>A JSON string: quote, escaped <paramref name="s"/>, quote.</summary>
    public void String(string s)
    {
        Raw((byte)'"');
        StringContent(s);
        Raw((byte)'"');
    }

    /// <summary>The escaped characters of <paramref name="s"/>, without quotes.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void StringContent(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (_buffer.Length - _pos < 12) Flush();
            char c = s[i];
            if (c < 0x80)
            {
                if (c >= 0x20 && c != '"' && c != '\\') { _buffer[_pos++] = (byte)c; continue; }
                _buffer[_pos++] = (byte)'\\';
                switch (c)
                {
                    case '"': _buffer[_pos++] = (byte)'"'; break;
                    case '\\': _buffer[_pos++] = (byte)'\\'; break;
                    case '\b': _buffer[_pos++] = (byte)'b'; break;
                    case '\t': _buffer[_pos++] = (byte)'t'; break;
                    case '\n': _buffer[_pos++] = (byte)'n'; break;
                    case '\f': _buffer[_pos++] = (byte)'f'; break;
                    case '\r': _buffer[_pos++] = (byte)'r'; break;
                    default: UnicodeEscape(c); break;
                }
            }
            else if (c < 0x800)
            {
                _buffer[_pos++] = (byte)(0xC0 | (c >> 6));
                _buffer[_pos++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    int cp = char.ConvertToUtf32(c, s[++i]);
                    _buffer[_pos++] = (byte)(0xF0 | (cp >> 18));
                    _buffer[_pos++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                    _buffer[_pos++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    _buffer[_pos++] = (byte)(0x80 | (cp & 0x3F));
                }
                else
                {
                    _buffer[_pos++] = (byte)'\\';
                    UnicodeEscape(c); // well-formed JSON.stringify (ES2019) escapes lone surrogates
                }
            }
            else
            {
                _buffer[_pos++] = (byte)(0xE0 | (c >> 12));
                _buffer[_pos++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                _buffer[_pos++] = (byte)(0x80 | (c & 0x3F));
            }
        }
    }

    private void UnicodeEscape(char c)
    {
        const string hex = "0123456789abcdef";
        _buffer[_pos++] = (byte)'u';
        _buffer[_pos++] = (byte)hex[c >> 12];
        _buffer[_pos++] = (byte)hex[(c >> 8) & 0xF];
        _buffer[_pos++] = (byte)hex[(c >> 4) & 0xF];
        _buffer[_pos++] = (byte)hex[c & 0xF];
    }

    /// <summary>A number as JSON.stringify writes it (NaN and infinities as null).</summary>
    public void Number(double value)
    {
        if (!double.IsFinite(value)) { Raw("null"u8); return; }
        if (_buffer.Length - _pos < JsNumber.MaxLength) Flush();
        Span<char> chars = stackalloc char[JsNumber.MaxLength];
        int n = JsNumber.Format(value, chars);
        for (int i = 0; i < n; i++) _buffer[_pos++] = (byte)chars[i];
    }

    public void Int(int value)
    {
        if (_buffer.Length - _pos < 11) Flush();
        value.TryFormat(_buffer.AsSpan(_pos), out int written, default, CultureInfo.InvariantCulture);
        _pos += written;
    }

    public void Flush()
    {
        _stream.Write(_buffer, 0, _pos);
        _pos = 0;
    }

    public void Dispose() => Flush();
}
