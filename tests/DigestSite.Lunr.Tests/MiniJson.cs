using System.Globalization;
using System.Text;

namespace DigestSite.Lunr.Tests;

/// <summary>
/// A tiny JSON reader for lunr-reference.js output. System.Text.Json refuses lone surrogates
/// (\udc00), which JSON.stringify writes for lunr terms that contain them.
/// Values: string, double, bool, null, List&lt;object?&gt;, Dictionary&lt;string, object?&gt; (insertion ordered list of pairs).
/// </summary>
public static class MiniJson
{
    public static object? Parse(string json)
    {
        int i = 0;
        var v = Value(json, ref i);
        Ws(json, ref i);
        if (i != json.Length) throw new FormatException("trailing JSON at " + i);
        return v;
    }

    public static string[] StringArray(string json) => ((List<object?>)Parse(json)!).Select(o => (string)o!).ToArray();

    private static void Ws(string s, ref int i)
    {
        while (i < s.Length && s[i] is ' ' or '\t' or '\n' or '\r') i++;
    }

    private static object? Value(string s, ref int i)
    {
        Ws(s, ref i);
        char c = s[i];
        if (c == '"') return Str(s, ref i);
        if (c == '[')
        {
            i++;
            var list = new List<object?>();
            Ws(s, ref i);
            if (s[i] == ']') { i++; return list; }
            while (true)
            {
                list.Add(Value(s, ref i));
                Ws(s, ref i);
                if (s[i++] == ']') return list;
            }
        }
        if (c == '{')
        {
            i++;
            var obj = new List<KeyValuePair<string, object?>>();
            Ws(s, ref i);
            if (s[i] == '}') { i++; return obj; }
            while (true)
            {
                Ws(s, ref i);
                string key = Str(s, ref i);
                Ws(s, ref i);
                i++; // ':'
                obj.Add(new(key, Value(s, ref i)));
                Ws(s, ref i);
                if (s[i++] == '}') return obj;
            }
        }
        if (s.AsSpan(i).StartsWith("true")) { i += 4; return true; }
        if (s.AsSpan(i).StartsWith("false")) { i += 5; return false; }
        if (s.AsSpan(i).StartsWith("null")) { i += 4; return null; }
        int start = i;
        while (i < s.Length && "+-0123456789.eE".Contains(s[i])) i++;
        return double.Parse(s.AsSpan(start, i - start), CultureInfo.InvariantCulture);
    }

    private static string Str(string s, ref int i)
    {
        i++; // opening quote
        var sb = new StringBuilder();
        while (true)
        {
            char c = s[i++];
            if (c == '"') return sb.ToString();
            if (c != '\\') { sb.Append(c); continue; }
            char e = s[i++];
            switch (e)
            {
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u': sb.Append((char)int.Parse(s.AsSpan(i, 4), NumberStyles.HexNumber)); i += 4; break;
                default: sb.Append(e); break;
            }
        }
    }
}
