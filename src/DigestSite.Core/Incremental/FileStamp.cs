namespace DigestSite.Incremental;

/// <summary>
/// A file's length and last-write time: what the incremental caches compare instead of reading the
/// file (the command line's <see cref="InputStamp"/>, serve's <see cref="ContentCache"/> and its polling).
/// </summary>
public readonly record struct FileStamp(long Length, DateTime LastWriteUtc)
{
    /// <summary>
    /// Coarser than any file system's timestamps (FAT: 2 s) and than the kernel's clock tick: a file
    /// written this close to when its stamp was taken may be written again within the same tick, with
    /// the same length, and keep the same stamp (git's "racily clean" entries).
    /// </summary>
    public static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    public static FileStamp Of(FileInfo file) => new(file.Length, file.LastWriteTimeUtc);

    /// <summary>Whether this stamp, taken at <paramref name="takenAt"/>, tells every later write apart.</summary>
    public bool TrustedAt(DateTime takenAt) => !IsRacy(LastWriteUtc, takenAt);

    /// <summary>A write at <paramref name="lastWriteUtc"/> is within the <see cref="RacyWindow"/> of <paramref name="takenAt"/>.</summary>
    public static bool IsRacy(DateTime lastWriteUtc, DateTime takenAt) => lastWriteUtc >= takenAt - RacyWindow;
}
