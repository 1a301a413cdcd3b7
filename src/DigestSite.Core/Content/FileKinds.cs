using System.Runtime.InteropServices;

namespace DigestSite.Content;

/// <summary>What a path names, the link itself when it is a symbolic link.</summary>
public enum FileKind { Missing, File, Folder, Link, Device, Fifo, Socket }

/// <summary>
/// Tells what a path is without following a link at its end, and a regular file's length, so that
/// content and theme files can be refused before they are opened: a symbolic link (git stores them,
/// so a pull request can add one to /etc/passwd or .git/config), a device (/dev/zero never ends), a
/// FIFO (opening one waits for a writer) or a socket.
/// <para>
/// .NET tells links and folders apart but not devices, FIFOs and sockets from regular files, so on
/// Linux, where sites are built, this asks the kernel (statx, whose buffer has one layout on every
/// architecture). Elsewhere it uses what .NET knows: links, folders, Windows devices; a FIFO there
/// reads as a file of length 0, which the reader refuses as empty without opening it.
/// </para>
/// </summary>
public static partial class FileKinds
{
    public readonly record struct Status(FileKind Kind, long Length);

    public static Status Of(string path)
    {
        if (OperatingSystem.IsLinux() && FromKernel(path) is { } status) return status;
        return FromDotNet(path);
    }

    /// <summary>How a kind is named in messages: "a symbolic link", "a device", ...</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Link => "a symbolic link",
        FileKind.Device => "a device",
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.Socket => "a socket",
        FileKind.Folder => "a folder",
        FileKind.Missing => "missing",
        _ => "a file",
    };

    private static Status FromDotNet(string path)
    {
        var info = new FileInfo(path);
        var attributes = info.Attributes;
        if ((int)attributes == -1) return new(FileKind.Missing, 0);
        if ((attributes & FileAttributes.ReparsePoint) != 0) return new(FileKind.Link, 0);
        if ((attributes & FileAttributes.Directory) != 0) return new(FileKind.Folder, 0);
        if ((attributes & FileAttributes.Device) != 0) return new(FileKind.Device, 0);
        return new(FileKind.File, info.Length);
    }

    private static bool kernelUnavailable;

    /// <summary>statx(2) with AT_SYMLINK_NOFOLLOW; null when it cannot answer (then .NET's view is used).</summary>
    private static Status? FromKernel(string path)
    {
        if (kernelUnavailable) return null;
        int result;
        StatxBuffer buffer;
        try
        {
            result = Statx(AtCurrentFolder, path, AtSymlinkNoFollow, StatxType | StatxSize, out buffer);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            kernelUnavailable = true; // a C library without statx (glibc before 2.28)
            return null;
        }
        if (result != 0)
            return Marshal.GetLastPInvokeError() is NoSuchEntry or NotAFolder ? new Status(FileKind.Missing, 0) : null;
        var kind = (buffer.Mode & TypeMask) switch
        {
            RegularFile => FileKind.File,
            Directory => FileKind.Folder,
            SymbolicLink => FileKind.Link,
            CharacterDevice or BlockDevice => FileKind.Device,
            NamedPipe => FileKind.Fifo,
            UnixSocket => FileKind.Socket,
            _ => FileKind.Device,
        };
        return new Status(kind, kind == FileKind.File ? (long)buffer.Size : 0);
    }

    private const int AtCurrentFolder = -100, AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1, StatxSize = 0x200;
    private const int NoSuchEntry = 2, NotAFolder = 20;
    private const int TypeMask = 0xF000, NamedPipe = 0x1000, CharacterDevice = 0x2000, Directory = 0x4000, BlockDevice = 0x6000,
        RegularFile = 0x8000, SymbolicLink = 0xA000, UnixSocket = 0xC000;

    /// <summary>struct statx (linux/stat.h): 256 bytes, the same on every architecture; only the fields read here.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(40)] public ulong Size;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int folder, string path, int flags, uint mask, out StatxBuffer buffer);
}
