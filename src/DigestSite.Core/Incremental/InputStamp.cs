using System.Globalization;
using System.IO.Enumeration;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace DigestSite.Incremental;

/// <summary>
/// A fingerprint of everything a build reads, taken from file stats alone (no file is read): every
/// entry of the content folder (path, length, last-write time), every file of the theme layers'
/// layouts/ and assets/, the program's version (with its built-in theme) and the build's options. Kept beside
/// the manifest ("_site.manifest.inputs", with the hash of the manifest it goes with): when the
/// next build finds the same fingerprint and an output folder that still matches the manifest,
/// nothing can have changed and the build is skipped.
/// <para>
/// The output folder is compared with the manifest without reading the manifest (59,000 lines at
/// 10,000 papers, a third of the skip's time): the file keeps the number of files the manifest lists
/// and a sum of the hashes of their paths and lengths, which one pass over the folder's names and
/// lengths makes again (<see cref="UpToDate"/>).
/// </para>
/// <para>
/// Any doubt means no fingerprint, hence a normal build: a symbolic link among the inputs (its
/// target may change without its own stamp changing), or a file written within
/// <see cref="FileStamp.RacyWindow"/> of the fingerprint being taken (a later write in the same clock
/// tick would keep the same stamp; git's "racily clean" rule).
/// </para>
/// </summary>
public static class InputStamp
{
    private const string Header = "digestsite-inputs 2";

    public static string PathFor(string outputDir) => BuildManifest.PathFor(outputDir) + ".inputs";

    /// <summary>The fingerprint of the inputs now, or null when it cannot be trusted.</summary>
    public static UInt128? Take(string contentDir, IReadOnlyList<string> themeLayers, string outputDir, string options)
    {
        var takenAt = DateTime.UtcNow;
        var hash = new XxHash128();
        var newest = DateTime.MinValue;
        Text(hash, Header);
        Text(hash, InputHash.Program.ToString("x32", CultureInfo.InvariantCulture));
        Text(hash, options);
        Text(hash, Path.GetFullPath(outputDir));
        Text(hash, Path.GetFullPath(contentDir));
        if (!Directory.Exists(contentDir) || !Walk(hash, new DirectoryInfo(contentDir), "", skipHidden: true, ref newest)) return null;
        foreach (var layer in themeLayers)
        {
            Text(hash, "layer " + Path.GetFullPath(layer));
            if (!Directory.Exists(layer)) return null;
            foreach (var folder in new[] { "layouts", "assets" })
            {
                var dir = new DirectoryInfo(Path.Combine(layer, folder));
                Text(hash, folder + (dir.Exists ? "" : " none"));
                if (dir.Exists && !Walk(hash, dir, "", skipHidden: false, ref newest)) return null;
            }
        }
        return FileStamp.IsRacy(newest, takenAt) ? null : hash.GetCurrentHashAsUInt128();
    }

    /// <summary>Entries in ordinal order; false on a symbolic link.</summary>
    private static bool Walk(XxHash128 hash, DirectoryInfo dir, string prefix, bool skipHidden, ref DateTime newest)
    {
        foreach (var entry in dir.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false })
                     .OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (skipHidden && entry.Name.StartsWith('.')) continue;
            if ((entry.Attributes & FileAttributes.ReparsePoint) != 0) return false;
            var relative = prefix + entry.Name;
            if (entry is DirectoryInfo sub)
            {
                Text(hash, relative + "/");
                if (!Walk(hash, sub, relative + "/", skipHidden, ref newest)) return false;
            }
            else Entry(hash, relative, (FileInfo)entry, ref newest);
        }
        return true;
    }

    private static void Entry(XxHash128 hash, string relative, FileInfo file, ref DateTime newest)
    {
        Text(hash, relative);
        var stamp = FileStamp.Of(file);
        long length = stamp.Length, ticks = stamp.LastWriteUtc.Ticks;
        hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<long>(in length)));
        hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<long>(in ticks)));
        if (stamp.LastWriteUtc > newest) newest = stamp.LastWriteUtc;
    }

    private static void Text(XxHash128 hash, string text)
    {
        int length = text.Length;
        hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in length)));
        hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    /// <summary>
    /// The command line's fast path: the number of pages and files of the site in <paramref name="outputDir"/>, when the
    /// build that wrote the manifest there now had the inputs' fingerprint <paramref name="stamp"/> and the folder still
    /// holds exactly the files it lists, with their lengths (no other file, no symbolic link); else null.
    /// </summary>
    public static (int Pages, int Files)? UpToDate(string outputDir, UInt128 stamp)
    {
        var path = PathFor(outputDir);
        var manifest = BuildManifest.PathFor(outputDir);
        if (!File.Exists(path) || !File.Exists(manifest) || !Directory.Exists(outputDir)) return null;
        var lines = File.ReadAllText(path, Encoding.UTF8).Split('\n');
        if (lines.Length < 6 || lines[0] != Header
            || !UInt128.TryParse(lines[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var kept) || kept != stamp
            || !UInt128.TryParse(lines[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var manifestHash)
            || !UInt128.TryParse(lines[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var filesHash)
            || !int.TryParse(lines[4], NumberStyles.None, CultureInfo.InvariantCulture, out int files)
            || !int.TryParse(lines[5], NumberStyles.None, CultureInfo.InvariantCulture, out int pages)
            || manifestHash != InputHash.File(manifest))
            return null;
        return Listing(outputDir) == (files, filesHash) ? (pages, files) : null;
    }

    /// <summary>The number of files of the folder and the sum of their <see cref="Listed"/> hashes; none when it holds a symbolic link.</summary>
    private static (int Count, UInt128 Hash)? Listing(string outputDir)
    {
        var root = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        // Names and kinds come with the folder's entries; only a file's length asks the file system (folders are not judged).
        var files = new FileSystemEnumerable<(string Path, long Length, bool Link)>(root,
            (ref FileSystemEntry entry) => (entry.ToFullPath()[root.Length..], entry.IsDirectory ? 0 : entry.Length, (entry.Attributes & FileAttributes.ReparsePoint) != 0),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
        };
        int count = 0;
        UInt128 sum = 0;
        foreach (var (relative, length, link) in files)
        {
            if (link) return null;
            sum += Listed(relative.Replace('\\', '/'), length);
            count++;
        }
        return (count, sum);
    }

    /// <summary>A file of the output as the manifest lists it: its path and length, hashed.</summary>
    private static UInt128 Listed(string path, long length)
    {
        var hash = new XxHash128();
        Text(hash, path);
        hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<long>(in length)));
        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>Records the fingerprint of the build that wrote <paramref name="manifest"/> there now (atomically), with what <see cref="UpToDate"/> compares the folder with.</summary>
    public static void Save(string outputDir, UInt128 stamp, BuildManifest manifest)
    {
        var path = PathFor(outputDir);
        UInt128 files = 0;
        foreach (var (file, entry) in manifest.Files) files += Listed(file, entry.Length);
        int pages = manifest.Files.Keys.Count(f => f.EndsWith(".html", StringComparison.Ordinal));
        var text = string.Join("\n", Header, stamp.ToString("x32", CultureInfo.InvariantCulture),
            InputHash.File(BuildManifest.PathFor(outputDir)).ToString("x32", CultureInfo.InvariantCulture),
            files.ToString("x32", CultureInfo.InvariantCulture), manifest.Files.Count.ToString(CultureInfo.InvariantCulture),
            pages.ToString(CultureInfo.InvariantCulture), "");
        File.Delete(path + ".tmp"); // a symbolic link left there would be written through
        File.WriteAllText(path + ".tmp", text, new UTF8Encoding(false));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    public static void Delete(string outputDir)
    {
        var path = PathFor(outputDir);
        if (File.Exists(path)) File.Delete(path);
    }
}
