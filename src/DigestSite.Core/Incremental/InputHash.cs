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
    private readonly Dictionary<Type, RecordKind> records;

    /// <summary>A view record's type: its name and members as hashed, and whether its instances are hashed once and remembered.</summary>
    private sealed record RecordKind(string Name, ViewMember[] Members, bool Shared);

    /// <param name="sharedTypes">Types whose instances are hashed once and remembered (by reference): view records of <see cref="ViewMembers"/>.</param>
    public InputHash(params Type[] sharedTypes)
    {
        // Looked up once a record, by its type: its name read by reflection and the shared types' set were each a
        // lookup of their own for every record of every page.
        records = ViewMembers.ByType.ToDictionary(r => r.Key, r => new RecordKind(r.Key.Name, [.. r.Value], sharedTypes.Contains(r.Key)));
        foreach (var type in sharedTypes)
            if (!records.ContainsKey(type)) throw new ArgumentException($"{type.Name} is not a view record of ViewMembers.", nameof(sharedTypes));
    }

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

    /// <summary>
    /// The views a build's hash remembers: a paper's (on its page, its issue's, its topics' and authors' pages, and in
    /// several files each) and a feed entry's (a paper's entry is the same object in each of its authors' feeds).
    /// </summary>
    public static readonly Type[] SharedViews = [typeof(PaperView), typeof(Publishing.FeedEntryView)];

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
        var hash = Hasher.Rent();
        foreach (var value in values) Append(hash, value);
        return hash.Return();
    }

    private void Append(Hasher hash, object? value)
    {
        switch (value)
        {
            case null:
                hash.Tag(0);
                break;
            case string s:
                hash.Tag(1);
                hash.Int(s.Length);
                hash.Append(MemoryMarshal.AsBytes(s.AsSpan()));
                break;
            case Utf8Text utf8:
                hash.Tag(11);
                hash.Int(utf8.Bytes.Length);
                hash.Append(utf8.Bytes);
                break;
            case int i:
                hash.Tag(2);
                hash.Int(i);
                break;
            case bool b:
                hash.Tag(3);
                hash.Int(b ? 1 : 0);
                break;
            case DateOnly date:
                hash.Tag(10);
                hash.Int(date.DayNumber);
                break;
            case UInt128 u:
                hash.Tag(4);
                hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<UInt128>(in u)));
                break;
            default:
                AppendObject(hash, value);
                break;
        }
    }

    /// <summary>A view record (found by its type first: none is a collection), a dictionary of values, or a list.</summary>
    private void AppendObject(Hasher hash, object value)
    {
        if (records.TryGetValue(value.GetType(), out var record))
        {
            if (record.Shared)
            {
                if (!shared.TryGetValue(value, out var h)) h = shared.GetOrAdd(value, Record(value, record));
                hash.Tag(8);
                hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<UInt128>(in h)));
            }
            else
            {
                AppendRecord(hash, value, record);
            }
            return;
        }
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> values:
                hash.Tag(5);
                hash.Int(values.Count);
                var keys = values.Keys.ToArray();
                Array.Sort(keys, StringComparer.Ordinal);
                foreach (var key in keys)
                {
                    Append(hash, key);
                    Append(hash, values[key]);
                }
                break;
            case object?[] array: // an array of references (a view's list, mostly): read directly, not through IList
                hash.Tag(6);
                foreach (var item in array) Append(hash, item);
                hash.Tag(7);
                break;
            case IList list: // any other array or list: by index, without an enumerator to allocate
                hash.Tag(6);
                for (int i = 0; i < list.Count; i++) Append(hash, list[i]);
                hash.Tag(7);
                break;
            case IEnumerable items:
                hash.Tag(6);
                foreach (var item in items) Append(hash, item);
                hash.Tag(7);
                break;
            default:
                // Anything else is a mistake of the program's: a value the hash cannot see into could change without the page being made again.
                throw new InvalidOperationException($"{value.GetType().Name} is not a view record of ViewMembers: the input hash cannot read it.");
        }
    }

    private UInt128 Record(object value, RecordKind record)
    {
        var hash = Hasher.Rent();
        AppendRecord(hash, value, record);
        return hash.Return();
    }

    /// <summary>A view record, by the members templates can read of it (<see cref="ViewMembers"/>), in that list's order.</summary>
    private void AppendRecord(Hasher hash, object value, RecordKind record)
    {
        hash.Tag(9);
        Append(hash, record.Name);
        foreach (var member in record.Members) Append(hash, member.Get(value));
    }

    /// <summary>
    /// An XxHash128 fed through a buffer of its own: a page's inputs are mostly tags, numbers and short strings, and
    /// XxHash128.Append costs as much for four bytes as for a few hundred. The bytes hashed, hence the hash, are the
    /// same as fed one by one. Each thread keeps the few it uses (a shared value's hash is made inside a page's).
    /// </summary>
    private sealed class Hasher
    {
        private const int Size = 4096;

        [ThreadStatic] private static Stack<Hasher>? idle;

        private readonly XxHash128 hash = new();
        private readonly byte[] buffer = new byte[Size];
        private int used;

        public static Hasher Rent() => idle is { Count: > 0 } free ? free.Pop() : new Hasher();

        /// <summary>The hash of everything appended; the hasher is then reset and kept for this thread's next hash.</summary>
        public UInt128 Return()
        {
            hash.Append(buffer.AsSpan(0, used));
            var result = hash.GetCurrentHashAsUInt128();
            hash.Reset();
            used = 0;
            (idle ??= new Stack<Hasher>()).Push(this);
            return result;
        }

        public void Tag(byte tag)
        {
            if (used == Size) Flush();
            buffer[used++] = tag;
        }

        public void Int(int value) => Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in value)));

        public void Append(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length > Size - used)
            {
                Flush();
                if (bytes.Length > Size / 2)
                {
                    hash.Append(bytes);
                    return;
                }
            }
            bytes.CopyTo(buffer.AsSpan(used));
            used += bytes.Length;
        }

        private void Flush()
        {
            hash.Append(buffer.AsSpan(0, used));
            used = 0;
        }
    }
}
