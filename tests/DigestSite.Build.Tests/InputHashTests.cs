using System.IO.Hashing;
using System.Runtime.InteropServices;
using DigestSite.Incremental;

namespace DigestSite.Build.Tests;

/// <summary>
/// An input hash is the XxHash128 of its values written out one after the other: a tag byte for the kind of value, then
/// an int length or count and the value's bytes (a string as UTF-16, a list's items between tags 6 and 7, a dictionary's
/// keys in ordinal order). However the bytes are fed to the hash (in chunks, through a buffer), the hash is the one of
/// those bytes, so that two different inputs never give the same hash because of how they were fed.
/// </summary>
public sealed class InputHashTests
{
    public static TheoryData<string> Cases => ["short values", "a string longer than a buffer", "strings across a buffer's end", "lists", "a dictionary", "nested"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_hash_is_that_of_the_values_written_out_in_order(string kind)
    {
        object?[] values = kind switch
        {
            "short values" => [null, "", "a", 7, true, false, new DateOnly(2026, 3, 18), (UInt128)12345],
            "a string longer than a buffer" => [new string('x', 5000), 1, new string('y', 2049)],
            "strings across a buffer's end" => [.. Enumerable.Range(0, 400).Select(i => (object?)new string((char)('a' + i % 26), i % 37))],
            "lists" => [new[] { 1, 2, 3 }, new List<string> { "a", "b" }, Enumerable.Range(0, 3000).Select(i => i).Where(i => i % 2 == 0), new int[0]],
            "a dictionary" => [new Dictionary<string, object?> { ["b"] = 2, ["a"] = "one", ["B"] = null }],
            _ => [new object?[] { new List<object?> { "a", new[] { "b", "c" } }, new Dictionary<string, object?> { ["k"] = new[] { 1 } } }],
        };

        var expected = new XxHash128();
        foreach (var value in values) Write(expected, value);

        Assert.Equal(expected.GetCurrentHashAsUInt128(), new InputHash().Of(values));
    }

    [Fact]
    public void Values_written_apart_or_together_hash_apart()
    {
        var hash = new InputHash();
        Assert.NotEqual(hash.Of("ab", "c"), hash.Of("a", "bc"));
        Assert.NotEqual(hash.Of(new[] { "a", "b" }, "c"), hash.Of(new[] { "a" }, "b", "c"));
        Assert.NotEqual(hash.Of(new string('x', 4095), "y"), hash.Of(new string('x', 4096), ""));
        Assert.Equal(hash.Of(new[] { 1, 2 }), hash.Of(new List<int> { 1, 2 })); // a list is its items, whatever holds them
    }

    /// <summary>The value's bytes as the input hash defines them, fed to the hash one piece at a time.</summary>
    private static void Write(XxHash128 hash, object? value)
    {
        switch (value)
        {
            case null: hash.Append([0]); break;
            case string s: hash.Append([1]); Int(hash, s.Length); hash.Append(MemoryMarshal.AsBytes(s.AsSpan())); break;
            case int i: hash.Append([2]); Int(hash, i); break;
            case bool b: hash.Append([3]); Int(hash, b ? 1 : 0); break;
            case DateOnly d: hash.Append([10]); Int(hash, d.DayNumber); break;
            case UInt128 u: hash.Append([4]); hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<UInt128>(in u))); break;
            case IReadOnlyDictionary<string, object?> map:
                hash.Append([5]);
                Int(hash, map.Count);
                foreach (var key in map.Keys.Order(StringComparer.Ordinal))
                {
                    Write(hash, key);
                    Write(hash, map[key]);
                }
                break;
            case System.Collections.IEnumerable items:
                hash.Append([6]);
                foreach (var item in items) Write(hash, item);
                hash.Append([7]);
                break;
            default: throw new ArgumentException(value.GetType().Name);
        }
    }

    private static void Int(XxHash128 hash, int value) => hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in value)));
}
