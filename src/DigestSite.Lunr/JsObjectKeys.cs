namespace DigestSite.Lunr;

/// <summary>
/// JS own-property order (OrdinaryOwnPropertyKeys), which JSON.stringify follows: keys that are
/// array indices (canonical decimal integers 0 … 2^32-2) come first in ascending numeric order, then
/// the other string keys in insertion order. Matters for lunr's posting objects keyed by document ref
/// (e.g. refs "10" and "9") and for integer-like field names.
/// </summary>
public static class JsObjectKeys
{
    /// <summary>True if <paramref name="key"/> is an array index; <paramref name="index"/> is its value.</summary>
    public static bool IsArrayIndex(string key, out uint index)
    {
        index = 0;
        if (key.Length == 0 || key.Length > 10) return false;
        if (key[0] == '0' && key.Length > 1) return false;
        ulong value = 0;
        foreach (char c in key)
        {
            if ((uint)(c - '0') > 9) return false;
            value = value * 10 + (uint)(c - '0');
        }
        if (value > uint.MaxValue - 1) return false; // 2^32-1 is not an array index
        index = (uint)value;
        return true;
    }

    /// <summary>The positions of <paramref name="keys"/> (in insertion order) in JS own-property order.</summary>
    public static int[] Order(IReadOnlyList<string> keys)
    {
        var order = new int[keys.Count];
        var indices = new uint[keys.Count];
        var isIndex = new bool[keys.Count];
        for (int i = 0; i < keys.Count; i++)
        {
            order[i] = i;
            isIndex[i] = IsArrayIndex(keys[i], out indices[i]);
        }
        Array.Sort(order, (a, b) =>
        {
            if (isIndex[a] != isIndex[b]) return isIndex[a] ? -1 : 1;
            return isIndex[a] ? indices[a].CompareTo(indices[b]) : a.CompareTo(b);
        });
        return order;
    }
}
