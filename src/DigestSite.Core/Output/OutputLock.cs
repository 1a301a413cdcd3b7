using System.Runtime.InteropServices;

namespace DigestSite.Output;

/// <summary>
/// One build at a time into an output folder: an exclusive lock on "OUTPUT.lock" beside it, taken
/// before anything is written and held until the swap is done. A second build does not wait: it
/// is refused at once, with the reason. The system releases the lock when a build is killed, so a
/// crash never leaves a folder locked; the empty lock file stays (removing it would let two builds
/// lock two different files of that name).
/// </summary>
public sealed class OutputLock : IDisposable
{
    // Locks of the system's kind are not all exclusive within one process (POSIX record locks are
    // per process): builds in this process are kept apart here as well.
    private static readonly HashSet<string> HeldHere = new(StringComparer.Ordinal);

    private readonly string path;
    private readonly FileStream file;

    private OutputLock(string path, FileStream file)
    {
        this.path = path;
        this.file = file;
    }

    public static string PathFor(string outputDir) => Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar) + ".lock";

    /// <summary>The lock of <paramref name="outputDir"/>, or null when another build holds it.</summary>
    public static OutputLock? TryTake(string outputDir)
    {
        var path = PathFor(outputDir);
        lock (HeldHere)
            if (!HeldHere.Add(path)) return null;
        FileStream? file = null;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            if (LockExclusively(file)) return new OutputLock(path, file);
        }
        catch
        {
            Release(path, file);
            throw;
        }
        Release(path, file);
        return null;
    }

    public void Dispose() => Release(path, file);

    private static void Release(string path, FileStream? file)
    {
        file?.Dispose();
        lock (HeldHere) HeldHere.Remove(path);
    }

    /// <summary>
    /// FileStream.Lock where .NET has it (Windows, Linux: a record lock on the file's first byte);
    /// flock(2) on macOS and the BSDs, where it does not. (FileShare.None would take an flock too, but
    /// the program turns .NET's per-file flock off for speed: see DigestSite.csproj.)
    /// </summary>
    private static bool LockExclusively(FileStream file)
    {
        if (OperatingSystem.IsWindows() || OperatingSystem.IsLinux())
        {
            try
            {
                file.Lock(0, 1);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }
        const int exclusive = 2, noWait = 4;
        if (Flock(file.SafeFileHandle.DangerousGetHandle().ToInt32(), exclusive | noWait) == 0) return true;
        int error = Marshal.GetLastPInvokeError();
        const int wouldBlock = 35; // EWOULDBLOCK on macOS and the BSDs
        return error == wouldBlock ? false : throw new IOException($"cannot lock {file.Name} (error {error}).");
    }

    [DllImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static extern int Flock(int fd, int operation);
}
