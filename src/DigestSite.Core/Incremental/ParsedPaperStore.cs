using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using DigestSite.Archive;
using DigestSite.Content;
using DigestSite.Diagnostics;

namespace DigestSite.Incremental;

/// <summary>
/// Each paper file's parse result and diagnostics, kept on disk between one-off builds (beside the
/// manifest: "_site.manifest.parsed"), so that a build after editing one paper parses one paper. An
/// entry is found by the SHA-256 of the file's exact bytes, its path (its slug and issue date come
/// from it) and the topic slugs (its checks read them): it is the result of parsing those bytes, and
/// nothing else — not a file stamp, so a fresh checkout with the file restored (CI) benefits too.
/// The whole file is tied to this program (<see cref="InputHash.Program"/>) and checksummed:
/// another version's, a truncated or an edited one is ignored, and every file is parsed.
/// </summary>
public sealed class ParsedPaperStore
{
    private const string Format = "digestsite-parsed-papers 1";

    /// <summary>What reading one paper file gave: the paper (null when it has errors) and its diagnostics.</summary>
    public sealed record Entry(string Path, string Sha256, string? TopicsKey, LoadedPaper? Paper, Diagnostic[] Diagnostics);

    /// <summary>The file's contents: its format and program, then the entries.</summary>
    public sealed record Contents(string Format, string Program, Entry[] Entries);

    private readonly Dictionary<(string Path, string Sha256, string? TopicsKey), Entry> previous;
    private readonly ConcurrentDictionary<string, Entry> current = new(StringComparer.Ordinal);
    private int hits;

    private ParsedPaperStore(IEnumerable<Entry> entries) =>
        previous = entries.DistinctBy(e => (e.Path, e.Sha256, e.TopicsKey)).ToDictionary(e => (e.Path, e.Sha256, e.TopicsKey));

    /// <summary>Papers taken from the store in this load.</summary>
    public int Hits => hits;

    public static string PathFor(string outputDir) => BuildManifest.PathFor(outputDir) + ".parsed";

    /// <summary>The store beside <paramref name="outputDir"/>'s manifest; empty when there is none, or it is not this program's, or it is damaged.</summary>
    public static ParsedPaperStore Open(string outputDir)
    {
        try
        {
            var bytes = File.ReadAllBytes(PathFor(outputDir));
            // The first 16 bytes: the XxHash128 of the rest.
            if (bytes.Length < 16 || !XxHash128.Hash(bytes.AsSpan(16)).AsSpan().SequenceEqual(bytes.AsSpan(0, 16))) return Empty;
            var contents = JsonSerializer.Deserialize(bytes.AsSpan(16), StoreJson.Default.Contents);
            return contents is not null && contents.Format == Format && contents.Program == Program ? new ParsedPaperStore(contents.Entries) : Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return Empty;
        }
    }

    private static ParsedPaperStore Empty => new([]);

    private static string Program => InputHash.Program.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The paper at <paramref name="path"/>, whose bytes are <paramref name="bytes"/>: as parsed before from
    /// the same bytes, path and topics, or parsed now by <paramref name="parse"/> (and kept).
    /// </summary>
    public LoadedPaper? Get(string path, byte[] bytes, string? topicsKey, List<Diagnostic> diagnostics, Func<List<Diagnostic>, LoadedPaper?> parse)
    {
        var sha256 = Convert.ToHexString(SHA256.HashData(bytes));
        if (previous.TryGetValue((path, sha256, topicsKey), out var entry))
            Interlocked.Increment(ref hits);
        else
        {
            var local = new List<Diagnostic>();
            entry = new Entry(path, sha256, topicsKey, parse(local), [.. local]);
        }
        current[path] = entry;
        diagnostics.AddRange(entry.Diagnostics);
        return entry.Paper;
    }

    /// <summary>
    /// Writes the papers of this load (and only those) beside <paramref name="outputDir"/>'s manifest,
    /// replacing the file in one rename; nothing when every paper came from it and none went.
    /// </summary>
    public void Save(string outputDir)
    {
        if (hits == current.Count && hits == previous.Count && File.Exists(PathFor(outputDir))) return;
        var entries = current.Values.OrderBy(e => e.Path, StringComparer.Ordinal).ToArray();
        var json = JsonSerializer.SerializeToUtf8Bytes(new Contents(Format, Program, entries), StoreJson.Default.Contents);
        var path = PathFor(outputDir);
        var temporary = path + ".new";
        using (var file = File.Create(temporary))
        {
            file.Write(XxHash128.Hash(json));
            file.Write(json);
        }
        File.Move(temporary, path, overwrite: true);
    }

    public static void Delete(string outputDir) => File.Delete(PathFor(outputDir));
}

/// <summary>The store's JSON, by source-generated code (no reflection: the native build trims).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ParsedPaperStore.Contents))]
internal sealed partial class StoreJson : JsonSerializerContext;
