using System.Text;
using DigestSite.Diagnostics;

namespace DigestSite.Content;

/// <summary>A content file read as text, after the checks every file gets: size, encoding, emptiness.</summary>
public sealed record SourceText(string Path, string Text)
{
    /// <summary>Content files are small; a larger one is a mistake (a PDF, a dump) and would slow every build.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads <paramref name="fullPath"/>; <paramref name="path"/> is how diagnostics name it. Only a
    /// regular file is opened (never a link, a device, a FIFO or a socket), and never more than its
    /// length when looked at, itself at most <see cref="MaxBytes"/>: a file that grows meanwhile is
    /// read no further.
    /// </summary>
    public static SourceText? Read(string fullPath, string path, List<Diagnostic> diagnostics) =>
        ReadBytes(fullPath, path, diagnostics) is { } bytes ? Decode(bytes, path, diagnostics) : null;

    /// <summary>The file's bytes, after the checks made before and while reading them (as <see cref="Read"/>).</summary>
    public static byte[]? ReadBytes(string fullPath, string path, List<Diagnostic> diagnostics)
    {
        var (kind, length) = FileKinds.Of(fullPath);
        if (kind != FileKind.File)
        {
            diagnostics.Add(Diagnostic.AtStart(path, NotARegularFile(kind)));
            return null;
        }
        if (length > MaxBytes)
        {
            diagnostics.Add(Diagnostic.AtStart(path,
                $"the file is {length:N0} bytes; content files are limited to 1 MiB ({MaxBytes:N0} bytes). Shorten it."));
            return null;
        }
        try
        {
            return ReadAtMost(fullPath, (int)length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file without read permission, a file removed while reading.
            var reason = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "it was removed while being read",
                UnauthorizedAccessException => "permission denied",
                _ => e.Message.TrimEnd('.'),
            };
            diagnostics.Add(Diagnostic.AtStart(path, $"the file cannot be read: {reason}."));
            return null;
        }
    }

    /// <summary>Why a path that is not a regular file is refused (message of a diagnostic at its start).</summary>
    public static string NotARegularFile(FileKind kind) => kind switch
    {
        FileKind.Missing => "the file does not exist (it was removed while being read).",
        FileKind.Link => "it is a symbolic link, and links are never followed: content is read from regular files and folders " +
                         "inside the content folder only. Replace the link with the file or folder itself.",
        _ => $"it is {FileKinds.Describe(kind)}, not a regular file: content is read from regular files only. Remove it.",
    };

    private static byte[] ReadAtMost(string fullPath, int length)
    {
        if (length == 0) return [];
        using var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var bytes = new byte[length];
        int read = 0;
        while (read < length && RandomAccess.Read(handle, bytes.AsSpan(read), read) is > 0 and var n) read += n;
        return read == length ? bytes : bytes[..read];
    }

    public static SourceText? Decode(byte[] bytes, string path, List<Diagnostic> diagnostics)
    {
        int invalidAt = FirstInvalidUtf8Byte(bytes);
        if (invalidAt >= 0)
        {
            var position = PositionAfter(StrictUtf8.GetString(bytes, 0, invalidAt).TrimStart('\uFEFF'));
            diagnostics.Add(Diagnostic.At(path, position,
                $"the file is not valid UTF-8 (byte 0x{bytes[invalidAt]:X2} at offset {invalidAt}). Save it as UTF-8."));
            return null;
        }
        var text = StrictUtf8.GetString(bytes);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(Diagnostic.AtStart(path, "the file is empty."));
            return null;
        }
        if (Characters.FirstForbidden(text) is var forbidden and >= 0)
        {
            diagnostics.Add(Diagnostic.At(path, PositionAfter(text.AsSpan(0, forbidden)), "the file holds " + Characters.Forbidden(text, forbidden)));
            return null;
        }
        return new SourceText(path, text);
    }

    private static int FirstInvalidUtf8Byte(ReadOnlySpan<byte> bytes)
    {
        // Valid files, nearly all, are checked at once; only an invalid one is walked to find where.
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return -1;
        int offset = 0;
        while (offset < bytes.Length)
        {
            var status = System.Buffers.OperationStatus.Done;
            status = System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed);
            if (status != System.Buffers.OperationStatus.Done) return offset;
            offset += consumed;
        }
        return -1;
    }

    /// <summary>The position just after <paramref name="prefix"/>.</summary>
    public static SourcePosition PositionAfter(ReadOnlySpan<char> prefix)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < prefix.Length; i++)
        {
            if (prefix[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourcePosition(line, prefix.Length - lineStart + 1);
    }
}
