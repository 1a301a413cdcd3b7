using System.Collections;
using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using DigestSite.Pages;

namespace DigestSite.Incremental;

/// <summary>
/// Hashes of what an output file is made from (XxHash128: fast, and the same on every machine and run).
/// A page's inputs are exactly what its template can read: the view models of Pages/Views.cs, which
/// the templates see and nothing else, plus the templates themselves and the program's version.
/// Hashing the values rather than listing source files means nothing a page shows can be missed
/// (a neighbour issue's title, a topic's name, the site's paper count).
/// </summary>
public sealed class InputHash
{
    // A paper is on its own page, its issue, its topics' pages and the home page: hash it once.
    private readonly ConcurrentDictionary<object, UInt128> shared = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Type> sharedTypes;

    /// <param name="sharedTypes">Types whose instances are hashed once and remembered (by reference).</param>
    public InputHash(params Type[] sharedTypes) => this.sharedTypes = [.. sharedTypes];

    /// <summary>
    /// Forgets the remembered hashes of shared values other than <paramref name="current"/>: a
    /// long-running process (serve) keeps one InputHash across builds, so a paper view reused from
    /// the last build (the same object) is not hashed again. The values are immutable records.
    /// Swept only when over <paramref name="slack"/> entries are stale, at most.
    /// </summary>
    public void Retain(IReadOnlyCollection<object> current, int slack)
    {
        if (shared.Count <= current.Count + slack) return;
        var keep = new HashSet<object>(current, ReferenceEqualityComparer.Instance);
        foreach (var (value, _) in shared)
            if (!keep.Contains(value)) shared.TryRemove(value, out _);
    }

    /// <summary>The program itself: a new version of DigestSite may write other bytes from the same inputs.</summary>
    public static readonly UInt128 Program = Bytes(Encoding.UTF8.GetBytes(
        string.Join("|", typeof(InputHash).Assembly.ManifestModule.ModuleVersionId, typeof(Lunr.LunrIndex).Assembly.ManifestModule.ModuleVersionId)));

    public static UInt128 Bytes(ReadOnlySpan<byte> bytes) => XxHash128.HashToUInt128(bytes);

    public static UInt128 File(string path)
    {
        var hash = new XxHash128();
        using var stream = System.IO.File.OpenRead(path);
        hash.Append(stream);
        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>The hash of several values, in order.</summary>
    public UInt128 Of(params object?[] values)
    {
        var hash = new XxHash128();
        foreach (var value in values) Append(hash, value);
        return hash.GetCurrentHashAsUInt128();
    }

    private void Append(XxHash128 hash, object? value)
    {
        switch (value)
        {
            case null:
                Tag(hash, 0);
                break;
            case string s:
                Tag(hash, 1);
                Int(hash, s.Length);
                hash.Append(MemoryMarshal.AsBytes(s.AsSpan()));
                break;
            case int i:
                Tag(hash, 2);
                Int(hash, i);
                break;
            case bool b:
                Tag(hash, 3);
                Int(hash, b ? 1 : 0);
                break;
            case DateOnly date:
                Tag(hash, 10);
                Int(hash, date.DayNumber);
                break;
            case UInt128 u:
                Tag(hash, 4);
                hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<UInt128>(in u)));
                break;
            case IReadOnlyDictionary<string, object?> values:
                Tag(hash, 5);
                Int(hash, values.Count);
                foreach (var key in values.Keys.Order(StringComparer.Ordinal))
                {
                    Append(hash, key);
                    Append(hash, values[key]);
                }
                break;
            case IEnumerable items:
                Tag(hash, 6);
                foreach (var item in items) Append(hash, item);
                Tag(hash, 7);
                break;
            default:
                if (sharedTypes.Contains(value.GetType()))
                {
                    if (!shared.TryGetValue(value, out var h)) h = shared.GetOrAdd(value, Record(value));
                    Tag(hash, 8);
                    hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<UInt128>(in h)));
                }
                else
                {
                    AppendRecord(hash, value);
                }
                break;
        }
    }

    private UInt128 Record(object value)
    {
        var hash = new XxHash128();
        AppendRecord(hash, value);
        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>
    /// A view record, by the members templates can read of it (<see cref="ViewMembers"/>), in that list's
    /// order. Anything else is a mistake of the program's: a value the hash cannot see into could change
    /// without the page being made again.
    /// </summary>
    private void AppendRecord(XxHash128 hash, object value)
    {
        var type = value.GetType();
        if (!ViewMembers.ByType.TryGetValue(type, out var members))
            throw new InvalidOperationException($"{type.Name} is not a view record of ViewMembers: the input hash cannot read it.");
        Tag(hash, 9);
        Append(hash, type.Name);
        foreach (var member in members) Append(hash, member.Get(value));
    }

    private static void Tag(XxHash128 hash, byte tag) => hash.Append([tag]);

    private static void Int(XxHash128 hash, int value) => hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in value)));
}
