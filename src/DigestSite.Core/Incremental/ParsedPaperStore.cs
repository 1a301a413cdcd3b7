using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using DigestSite.Archive;
using DigestSite.Content;
using DigestSite.Diagnostics;
using DigestSite.Lunr;
using DigestSite.Pages;

namespace DigestSite.Incremental;

/// <summary>
/// Each paper file's parse result and diagnostics, and what its view and search terms compute from it
/// alone (its summary rendered, its title and summary analysed: <see cref="RenderedPaper"/>), kept on disk between one-off builds
/// (beside the manifest: "_site.manifest.parsed"), so that a build after editing one paper parses
/// and renders one paper. An entry is found by the SHA-256 of the file's exact bytes, its path (its
/// slug and issue date come from it) and the topic slugs (its checks read them): it is the result of
/// parsing those bytes, and nothing else — not a file stamp, so a fresh checkout with the file
/// restored (CI) benefits too. Each part of the file is tied to this program (<see cref="InputHash.Program"/>)
/// and checksummed: another version's, a truncated or an edited one is ignored, and its papers are parsed again.
/// </summary>
/// <remarks>
/// A binary file (<see cref="StoreFile"/>), read and written as a stream: at 10,000 papers the same
/// content as JSON took a tenth of a one-paper rebuild's time to parse and as much to write again.
/// A build appends the entries it made to the end of the file rather than writing every entry again (<see cref="Save"/>).
/// </remarks>
public sealed class ParsedPaperStore
{
    /// <summary>What reading one paper file gave: the paper (null when it has errors), its diagnostics and, once made, its rendered parts.</summary>
    private sealed class Entry(string path, string sha256, string? topicsKey, LoadedPaper? paper, Diagnostic[] diagnostics)
    {
        public string Path { get; } = path;
        public string Sha256 { get; } = sha256;
        public string? TopicsKey { get; } = topicsKey;
        public LoadedPaper? Paper { get; } = paper;
        public Diagnostic[] Diagnostics { get; } = diagnostics;

        /// <summary>The paper's summary rendered and its title and summary analysed: read with the entry, or made by this build's model.</summary>
        public RenderedPaper? Rendered { get; set; }

        /// <summary>The file holds this entry as it is now (read from it, and not rendered since).</summary>
        public bool InFile { get; set; }
    }

    private readonly Dictionary<(string Path, string Sha256, string? TopicsKey), Entry> previous = [];
    private readonly ConcurrentDictionary<string, Entry> current = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Paper, Entry> byPaper = new(ReferenceEqualityComparer.Instance);
    private int hits, rendered;

    /// <summary>The entries the file holds, those a later part replaced too.</summary>
    private readonly int stored;

    /// <summary>The length of the file's valid parts (a part cut short by a crash may follow): 0 when there is no valid file.</summary>
    private readonly long validLength;

    private ParsedPaperStore(StoreFile.Contents? file)
    {
        if (file is null) return;
        // A later part's entry replaces an earlier one's of the same key: it was rendered since.
        foreach (var entry in file.Entries) previous[(entry.Path, entry.Sha256, entry.TopicsKey)] = entry;
        stored = file.Entries.Count;
        validLength = file.Length;
    }

    /// <summary>Papers taken from the store in this load.</summary>
    public int Hits => hits;

    /// <summary>Papers whose summary this build rendered (not taken from the store).</summary>
    public int Rendered => rendered;

    public static string PathFor(string outputDir) => BuildManifest.PathFor(outputDir) + ".parsed";

    /// <summary>The store beside <paramref name="outputDir"/>'s manifest; empty when there is none, or it is not this program's, or it is damaged.</summary>
    public static ParsedPaperStore Open(string outputDir) => new(StoreFile.Read(PathFor(outputDir), Program));

    private static string Program => InputHash.Program.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The paper at <paramref name="path"/> (of issue <paramref name="date"/>, named <paramref name="slug"/>), whose bytes
    /// are <paramref name="bytes"/>: as parsed before from the same bytes, path and topics, or parsed now by
    /// <paramref name="parse"/> (and kept).
    /// </summary>
    /// <param name="topicsKey">The known topic slugs, in ordinal order, one a line (null when topics.yml has errors).</param>
    /// <param name="topics">The same slugs, as a set.</param>
    public LoadedPaper? Get(string path, string slug, DateOnly date, byte[] bytes, string? topicsKey, IReadOnlySet<string>? topics,
        List<Diagnostic> diagnostics, Func<List<Diagnostic>, LoadedPaper?> parse)
    {
        var sha256 = Convert.ToHexString(SHA256.HashData(bytes));
        if (previous.TryGetValue((path, sha256, topicsKey), out var entry) && Fits(entry, path, slug, date, topics))
            Interlocked.Increment(ref hits);
        else
        {
            var local = new List<Diagnostic>();
            entry = new Entry(path, sha256, topicsKey, parse(local), [.. local]);
        }
        current[path] = entry;
        if (entry.Paper is { } loaded) byPaper[loaded.Paper] = entry;
        diagnostics.AddRange(entry.Diagnostics);
        return entry.Paper;
    }

    /// <summary>
    /// Whether the entry's paper is one parsing could give at <paramref name="path"/>: the store's checksum tells damage,
    /// not a file made to pass it (a cache can be restored from anywhere), and the rest of the build relies on these
    /// (an issue's papers are found by date, an author's position by the author's place, a topic by its slug).
    /// </summary>
    private static bool Fits(Entry entry, string path, string slug, DateOnly date, IReadOnlySet<string>? topics) =>
        entry.Paper is not { } loaded
        || (loaded.Paper.SourcePath == path && loaded.Paper.Slug == slug && loaded.Paper.IssueDate == date
            && loaded.AuthorPositions.Count == loaded.Paper.Authors.Count && loaded.Paper.TopicSlugs.Count <= PaperReader.MaxTopics
            && (topics is null || loaded.Paper.TopicSlugs.All(topics.Contains)));

    /// <summary>
    /// <paramref name="paper"/>'s rendered parts: kept with its entry when this load took it from the
    /// store, else made now (and kept). A paper this store did not give is rendered and not kept.
    /// Thread-safe for different papers.
    /// </summary>
    public RenderedPaper Render(Paper paper, LunrTextAnalyzer analyzer)
    {
        if (!byPaper.TryGetValue(paper, out var entry)) return RenderedPaper.Of(paper, analyzer);
        if (entry.Rendered is { } kept) return kept;
        Interlocked.Increment(ref rendered);
        entry.InFile = false;
        return entry.Rendered = RenderedPaper.Of(paper, analyzer);
    }

    /// <summary>
    /// Keeps the papers of this load beside <paramref name="outputDir"/>'s manifest. The entries the file lacks (papers
    /// parsed or rendered by this build) are appended to it as a part of their own, so that one edit does not write
    /// 10,000 entries again; once the file holds more entries no paper has (edited, moved or removed since) than
    /// <see cref="Stale"/> allows, it is written again with only this load's papers, replaced in one rename.
    /// Nothing is written when the file holds every paper of this load, or a folder is in its place.
    /// The store is spent then: it lets go of its entries (every paper with its Markdown and analysed terms, a third
    /// of what a large build's model step held) as it writes them, whoever still holds the store.
    /// </summary>
    public void Save(string outputDir)
    {
        var all = Ordered(current.Values);
        previous.Clear();
        current.Clear();
        byPaper.Clear();
        var path = PathFor(outputDir);
        if (FileKinds.Of(path).Kind == FileKind.Folder) return; // put there by hand or by a cache: not the build's to replace
        var fresh = all.Where(e => !e.InFile).ToArray();
        int stale = stored - (all.Length - fresh.Length);
        if (validLength > 0 && stale <= Stale(all.Length) && File.Exists(path))
        {
            if (fresh.Length == 0 || StoreFile.Append(path, validLength, Program, fresh)) return;
        }
        StoreFile.Write(path, Program, all);
    }

    /// <summary>
    /// Entries the file may hold that no paper has any more, before it is written again whole: an eighth of the papers
    /// (a larger file to read, by as much), and at least a few dozen, so that a small archive is not written whole each time.
    /// </summary>
    private static int Stale(int papers) => Math.Max(64, papers / 8);

    private static Entry[] Ordered(IEnumerable<Entry> entries) => entries.OrderBy(e => e.Path, StringComparer.Ordinal).ToArray();

    public static void Delete(string outputDir) => File.Delete(PathFor(outputDir));

    /// <summary>
    /// The file: one part or more, each the XxHash128 of its contents (16 bytes), then, as a <see cref="BinaryWriter"/>
    /// writes them, the format, the program, the distinct topic keys, the entries in path order, and false. Read as a
    /// stream, hashed as it is read, and a part is believed only if its hash matches at its end; any inconsistency in
    /// the first part makes it no store, in a later one (an append cut short) ends the store before that part.
    /// The analysed terms and tokens (most of them shared by many papers) are each written once in a part, where
    /// its first entry has them, and then by number (<see cref="Words"/>).
    /// </summary>
    private static class StoreFile
    {
        private const string Format = "digestsite-parsed-papers 5";

        /// <summary>What a file holds: the entries of its valid parts, in file order, and the length of those parts.</summary>
        public sealed record Contents(List<Entry> Entries, long Length);

        /// <summary>A new file of one part, replacing the file at <paramref name="path"/> in one rename; <paramref name="entries"/> is emptied as they are written.</summary>
        public static void Write(string path, string program, Entry[] entries)
        {
            var temporary = path + ".new";
            File.Delete(temporary); // a symbolic link left there would be written through
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                WritePart(file, program, entries);
            File.Move(temporary, path, overwrite: true);
        }

        /// <summary>
        /// A part added after the first <paramref name="validLength"/> bytes of the file (whatever follows them, an append
        /// cut short, is cut off first); false, and nothing written, when the file is not a regular file any more.
        /// </summary>
        public static bool Append(string path, long validLength, string program, Entry[] entries)
        {
            if (!BuildManifest.IsFile(path)) return false; // a symbolic link put there would be written through
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None, 1 << 16);
            if (file.Length < validLength) return false;
            file.SetLength(validLength);
            file.Position = validLength;
            WritePart(file, program, entries);
            return true;
        }

        private static void WritePart(FileStream file, string program, Entry[] entries)
        {
            long start = file.Position;
            {
                file.Write(new byte[16]); // the hash, once known
                var hashed = new HashingStream(file);
                using (var writer = new BinaryWriter(hashed, Strict, leaveOpen: true))
                {
                    writer.Write(Format);
                    writer.Write(program);
                    var keys = entries.Select(e => e.TopicsKey).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
                    var keyIndex = keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
                    writer.Write(keys.Count);
                    foreach (var key in keys) writer.Write(key);
                    // Each entry, preceded by true, made whole before it is written: one whose text UTF-8 cannot hold as it is
                    // is left out. False ends them.
                    var buffer = new MemoryStream();
                    var words = new Words();
                    for (int i = 0; i < entries.Length; i++)
                    {
                        var entry = entries[i];
                        entries[i] = null!; // let go once written: a full build's store is saved while the model is still being made
                        if (!Encode(buffer, entry, entry.TopicsKey is { } k ? keyIndex[k] : -1, words)) continue;
                        writer.Write(true);
                        writer.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
                    }
                    writer.Write(false);
                }
                file.Position = start;
                file.Write(hashed.Hash());
            }
        }

        /// <summary>
        /// UTF-8 that refuses a lone surrogate (which YAML's escapes can make) instead of replacing it: the
        /// store must give back exactly the text it was given.
        /// </summary>
        private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        /// <summary>The entry's bytes into <paramref name="buffer"/> (emptied first); false when a text of it is not valid UTF-16 (then it is parsed again next time).</summary>
        private static bool Encode(MemoryStream buffer, Entry entry, int topicsKey, Words words)
        {
            buffer.SetLength(0);
            int known = words.Count;
            try
            {
                using var writer = new BinaryWriter(buffer, Strict, leaveOpen: true);
                WriteEntry(writer, entry, topicsKey, words);
                return true;
            }
            catch (EncoderFallbackException)
            {
                words.Forget(known); // the words this entry met first are not in the file
                return false;
            }
        }

        /// <summary>The words (terms and tokens) written so far, numbered in the order they were: a word is written once, then by its number.</summary>
        private sealed class Words
        {
            private readonly Dictionary<string, int> numbers = new(StringComparer.Ordinal);
            private readonly List<string> order = [];

            public int Count => order.Count;

            /// <summary>0 and the word the first time; then the word's number + 1.</summary>
            public void Write(BinaryWriter w, string word)
            {
                ref int number = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(numbers, word, out bool known);
                if (known)
                {
                    w.Write7BitEncodedInt(number + 1);
                    return;
                }
                number = order.Count;
                order.Add(word);
                w.Write7BitEncodedInt(0);
                w.Write(word);
            }

            /// <summary>Forgets the words numbered from <paramref name="count"/> on.</summary>
            public void Forget(int count)
            {
                for (int i = count; i < order.Count; i++) numbers.Remove(order[i]);
                order.RemoveRange(count, order.Count - count);
            }
        }

        /// <summary>
        /// The entries of the file at <paramref name="path"/>, or null when there is none, or it is not a regular file, or it is
        /// another program's, or its first part is damaged; a damaged later part and what follows it are left out.
        /// </summary>
        public static Contents? Read(string path, string program)
        {
            if (!BuildManifest.IsFile(path)) return null; // a named pipe would wait for a writer; a link would be read through
            try
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
                var reader = new Reader(file, file.Length);
                if (ReadPart(reader, program) is not { } entries) return null;
                long length = reader.Offset;
                while (!reader.AtEnd())
                {
                    try
                    {
                        if (ReadPart(reader, program) is not { } more) break;
                        entries.AddRange(more);
                        length = reader.Offset;
                    }
                    catch (Exception e) when (Damage(e))
                    {
                        break;
                    }
                }
                foreach (var entry in entries) entry.InFile = true;
                return new Contents(entries, length);
            }
            catch (Exception e) when (Damage(e) || e is UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>What reading a damaged or foreign file throws (EndOfStreamException is an IOException).</summary>
        private static bool Damage(Exception e) =>
            e is IOException or InvalidDataException or FormatException or UriFormatException or ArgumentException or OverflowException;

        /// <summary>The entries of the part that starts where <paramref name="reader"/> is; null when its hash, format or program is not this store's.</summary>
        private static List<Entry>? ReadPart(Reader reader, string program)
        {
            var expected = reader.Unhashed(16);
            if (reader.String() != Format || reader.String() != program) return null;
            var keys = reader.List(reader.String);
            var entries = new List<Entry>();
            var words = new List<string>();
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.Bool()) entries.Add(ReadEntry(reader, keys, words, names));
            return reader.PartHash().AsSpan().SequenceEqual(expected) ? entries : null;
        }

        private static void WriteEntry(BinaryWriter w, Entry entry, int topicsKey, Words words)
        {
            w.Write(entry.Path);
            w.Write(entry.Sha256);
            w.Write(topicsKey);
            w.Write(entry.Diagnostics.Length);
            foreach (var d in entry.Diagnostics)
            {
                w.Write(d.Path);
                Position(w, d.Position);
                w.Write(d.Message);
            }
            w.Write(entry.Paper is not null);
            if (entry.Paper is { } loaded)
            {
                var p = loaded.Paper;
                w.Write(p.Slug);
                w.Write(p.IssueDate.DayNumber);
                w.Write(p.Title);
                Strings(w, p.Authors);
                Strings(w, p.TopicSlugs);
                Optional(w, p.Arxiv);
                Optional(w, p.Doi);
                w.Write(p.Published is not null);
                if (p.Published is { } published) w.Write(published.DayNumber);
                w.Write(p.Upvotes is not null);
                if (p.Upvotes is { } upvotes) w.Write(upvotes);
                w.Write(p.Links.Count);
                foreach (var link in p.Links)
                {
                    w.Write(link.Name);
                    w.Write(link.Url.OriginalString);
                }
                Optional(w, p.SubmittedBy);
                // An entry with its rendered parts is never rendered again (a paper read with them has no Markdown): its
                // summary's Markdown would be read and held for nothing, so it is written empty.
                w.Write(entry.Rendered is null ? p.SummaryMarkdown : "");
                w.Write(p.SourcePath);
                Position(w, loaded.TitlePosition);
                OptionalPosition(w, loaded.ArxivPosition);
                OptionalPosition(w, loaded.DoiPosition);
                w.Write(loaded.AuthorPositions.Count);
                foreach (var position in loaded.AuthorPositions) Position(w, position);
            }
            w.Write(entry.Rendered is not null);
            if (entry.Rendered is { } r)
            {
                Utf8(w, r.SummaryHtml);
                Utf8(w, r.SummaryText);
                Analyzed(w, r.TitleTerms, words);
                Analyzed(w, r.SummaryTerms, words);
            }
        }

        /// <param name="names">The authors' names and topic slugs read so far: each is one string however many papers have it.</param>
        private static Entry ReadEntry(Reader r, List<string> keys, List<string> words, Dictionary<string, string> names)
        {
            var path = r.String();
            var sha256 = r.String();
            int key = r.Int();
            string? topicsKey = key == -1 ? null : keys[key]; // out of range: ArgumentOutOfRangeException, no store
            var diagnostics = r.List(() => new Diagnostic(r.String(), r.Position(), r.String())).ToArray();
            LoadedPaper? paper = null;
            if (r.Bool())
            {
                var (slug, date, title, authors, topics) = (r.String(), DateOnly.FromDayNumber(r.Int()), r.String(), r.List(() => r.Shared(names)).ToArray(), r.List(() => r.Shared(names)).ToArray());
                var (arxivId, doiName) = (r.OptionalString(), r.OptionalString());
                DateOnly? published = r.Bool() ? DateOnly.FromDayNumber(r.Int()) : null;
                int? upvotes = r.Bool() ? r.Int() : null;
                var links = r.List(() => new PaperLink(r.String(), new Uri(r.String(), UriKind.Absolute))).ToArray();
                var submittedBy = r.OptionalString();
                var markdown = r.Bytes();
                var sourcePath = r.String(path); // the entry's path, as Fits requires
                var (titleAt, arxivAt, doiAt) = (r.Position(), r.Bool() ? r.Position() : (SourcePosition?)null, r.Bool() ? r.Position() : (SourcePosition?)null);
                var authorsAt = r.List(r.Position).ToArray();
                // Rendered already (the next byte says so): the summary's Markdown is not needed (nor written, see WriteEntry).
                string summary = r.NextIsTrue() ? "" : Encoding.UTF8.GetString(markdown);
                var p = new Paper(slug, date, title, authors, topics, arxivId, doiName, published, upvotes, links, submittedBy, summary, sourcePath);
                paper = new LoadedPaper(p, titleAt, arxivAt, doiAt, authorsAt);
            }
            var entry = new Entry(path, sha256, topicsKey, paper, diagnostics);
            if (r.Bool()) entry.Rendered = new RenderedPaper(r.Utf8(), r.Utf8(), Analyzed(r, words), Analyzed(r, words));
            return entry;
        }

        /// <summary>A text kept as UTF-8, written as <see cref="BinaryWriter.Write(string)"/> writes a string: its byte count, then its bytes.</summary>
        private static void Utf8(BinaryWriter w, Utf8Text text)
        {
            w.Write7BitEncodedInt(text.Bytes.Length);
            w.Write(text.Bytes);
        }

        private static void Analyzed(BinaryWriter w, AnalyzedText text, Words words)
        {
            w.Write7BitEncodedInt(text.Terms.Length);
            for (int i = 0; i < text.Terms.Length; i++)
            {
                words.Write(w, text.Terms[i]);
                w.Write7BitEncodedInt(text.Counts[i]);
                words.Write(w, text.Tokens[i]);
            }
        }

        /// <summary>What <see cref="Analyzed(BinaryWriter, AnalyzedText, Words)"/> wrote; <paramref name="words"/> grows with the words met first.</summary>
        private static AnalyzedText Analyzed(Reader r, List<string> words)
        {
            int count = r.Number();
            if (count == 0) return AnalyzedText.Empty;
            var terms = new string[count];
            var counts = new int[count];
            var tokens = new string[count];
            for (int i = 0; i < count; i++)
            {
                terms[i] = Word(r, words);
                counts[i] = r.Number();
                tokens[i] = Word(r, words);
            }
            return new AnalyzedText(terms, counts, tokens); // a count under one: ArgumentException, no store
        }

        private static string Word(Reader r, List<string> words)
        {
            int number = r.Number();
            if (number > 0) return words[number - 1]; // out of range: ArgumentOutOfRangeException, no store
            var word = r.String();
            words.Add(word);
            return word;
        }

        private static void Strings(BinaryWriter w, IReadOnlyList<string> items)
        {
            w.Write(items.Count);
            foreach (var item in items) w.Write(item);
        }

        private static void Optional(BinaryWriter w, string? value)
        {
            w.Write(value is not null);
            if (value is not null) w.Write(value);
        }

        private static void Position(BinaryWriter w, SourcePosition position)
        {
            w.Write(position.Line);
            w.Write(position.Column);
        }

        private static void OptionalPosition(BinaryWriter w, SourcePosition? position)
        {
            w.Write(position is not null);
            if (position is { } p) Position(w, p);
        }
    }

    /// <summary>
    /// Reads what <see cref="StoreFile"/> wrote (as <see cref="BinaryWriter"/> writes it), from a buffer it
    /// refills in large chunks, hashing the bytes as they are used; refuses any length or count the file cannot hold.
    /// </summary>
    private sealed class Reader(Stream stream, long length)
    {
        private readonly XxHash128 hash = new();
        private byte[] buffer = new byte[1 << 16];
        private int start, end;

        /// <summary>Where in the buffer the bytes used but not hashed yet start.</summary>
        private int hashed;

        /// <summary>The bytes of the stream before the buffer's first.</summary>
        private long before;

        /// <summary>The number of bytes of the stream used so far.</summary>
        public long Offset => before + start;

        /// <summary>The next <paramref name="count"/> bytes, left out of the hash: a part's own hash, which starts it.</summary>
        public byte[] Unhashed(int count)
        {
            Ensure(count);
            var bytes = buffer.AsSpan(start, count).ToArray();
            start += count;
            hashed = start;
            return bytes;
        }

        /// <summary>The hash of the bytes used since the last <see cref="Unhashed"/>; the hash then starts again.</summary>
        public byte[] PartHash()
        {
            hash.Append(buffer.AsSpan(hashed, start - hashed));
            hashed = start;
            var result = hash.GetCurrentHash();
            hash.Reset();
            return result;
        }

        /// <summary>True when every byte of the stream was read and used.</summary>
        public bool AtEnd() => start == end && Fill(0) == 0;


        public string String()
        {
            int count = Number();
            Ensure(count);
            var text = Encoding.UTF8.GetString(buffer, start, count);
            start += count;
            return text;
        }

        /// <summary>What <see cref="String"/> reads: <paramref name="likely"/> itself when it is that text (ASCII), not a copy of it.</summary>
        public string String(string likely)
        {
            int count = Number();
            Ensure(count);
            var bytes = buffer.AsSpan(start, count);
            start += count;
            return System.Text.Ascii.Equals(bytes, likely) ? likely : Encoding.UTF8.GetString(bytes);
        }

        /// <summary>What <see cref="String"/> reads, as the string <paramref name="seen"/> holds for that text if any (else added to it).</summary>
        public string Shared(Dictionary<string, string> seen)
        {
            int count = Number();
            Ensure(count);
            // UTF-8 never decodes to more UTF-16 units than it has bytes.
            Span<char> chars = count <= 256 ? stackalloc char[count] : new char[count];
            chars = chars[..Encoding.UTF8.GetChars(buffer.AsSpan(start, count), chars)];
            start += count;
            if (seen.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars, out var known)) return known;
            var text = new string(chars);
            seen.Add(text, text);
            return text;
        }

        /// <summary>What <see cref="String"/> would decode, as the bytes the file holds.</summary>
        public byte[] Bytes()
        {
            int count = Number();
            Ensure(count);
            var bytes = buffer.AsSpan(start, count).ToArray();
            start += count;
            return bytes;
        }

        /// <summary>Whether the next byte, left to be read, is a true <see cref="Bool"/>.</summary>
        public bool NextIsTrue()
        {
            Ensure(1);
            return buffer[start] != 0;
        }

        public string? OptionalString() => Bool() ? String() : null;

        /// <summary>What <see cref="String"/> reads, kept as UTF-8; refused unless well-formed (its readers may write it as it is).</summary>
        public Utf8Text Utf8()
        {
            var bytes = Bytes();
            if (!System.Text.Unicode.Utf8.IsValid(bytes)) throw new InvalidDataException("not a parsed-paper store");
            return Utf8Text.FromBytes(bytes);
        }

        public int Int()
        {
            Ensure(4);
            int value = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(start));
            start += 4;
            return value;
        }

        public bool Bool()
        {
            Ensure(1);
            return buffer[start++] != 0;
        }

        public SourcePosition Position() => new(Int(), Int());

        /// <summary>A count, then that many items: each takes at least a byte, so a count over the file's length is damage, not a list to allocate.</summary>
        public List<T> List<T>(Func<T> item)
        {
            int count = Int();
            if (count < 0 || count > length) throw new InvalidDataException("not a parsed-paper store");
            var items = new List<T>(count);
            for (int i = 0; i < count; i++) items.Add(item());
            return items;
        }

        /// <summary>
        /// A string's length in bytes, a count or a number, as <see cref="BinaryWriter.Write7BitEncodedInt"/> writes it (7 bits a
        /// byte, low bits first): none of this file's is larger than the file.
        /// </summary>
        public int Number()
        {
            uint value = 0;
            for (int shift = 0; shift < 35; shift += 7)
            {
                Ensure(1);
                byte b = buffer[start++];
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80) return value <= length ? (int)value : throw new InvalidDataException("not a parsed-paper store");
            }
            throw new InvalidDataException("not a parsed-paper store");
        }

        /// <summary>Makes the next <paramref name="count"/> bytes available at buffer[start..].</summary>
        private void Ensure(int count)
        {
            if (end - start >= count) return;
            hash.Append(buffer.AsSpan(hashed, start - hashed)); // the bytes used, before they are moved out
            before += start;
            hashed = 0;
            int kept = end - start;
            if (count > buffer.Length)
            {
                var larger = new byte[Math.Max(count, buffer.Length * 2)];
                Buffer.BlockCopy(buffer, start, larger, 0, kept);
                buffer = larger;
            }
            else Buffer.BlockCopy(buffer, start, buffer, 0, kept);
            (start, end) = (0, kept);
            while (end - start < count)
                if (Fill(end) == 0) throw new EndOfStreamException();
        }

        /// <summary>Reads what the stream has into buffer[at..]; the number of bytes read.</summary>
        private int Fill(int at)
        {
            if (at == 0)
            {
                // Called with every byte used (AtEnd): the buffer starts again.
                hash.Append(buffer.AsSpan(hashed, start - hashed));
                before += start;
                (start, hashed) = (0, 0);
            }
            int read = stream.Read(buffer, at, buffer.Length - at);
            end = at + read;
            return read;
        }
    }

    /// <summary>A stream written through, hashing every byte that passes (XxHash128).</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly XxHash128 hash = new();

        public byte[] Hash() => hash.GetCurrentHash();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.Append(buffer);
            inner.Write(buffer);
        }

        public override bool CanRead => false;
        public override bool CanWrite => true;
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
