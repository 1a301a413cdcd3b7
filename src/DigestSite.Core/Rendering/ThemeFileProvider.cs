using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace DigestSite.Rendering;

/// <summary>
/// Serves the theme's partials to Fluid's include and render tags from memory, with the same
/// layering as the theme itself: `{% render 'partials/paper-card' %}` finds the owner's copy first.
/// </summary>
internal sealed class ThemeFileProvider(IReadOnlyDictionary<string, string> partials) : IFileProvider
{
    // Made once: Fluid asks for the file at every render tag (thousands a build), to look up its parsed template.
    private readonly Dictionary<string, MemoryFile> files = partials.ToDictionary(p => p.Key, p => new MemoryFile(p.Key, p.Value), StringComparer.Ordinal);

    public IFileInfo GetFileInfo(string subpath) =>
        files.TryGetValue(subpath.TrimStart('/'), out var file) ? file : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class MemoryFile(string name, string text) : IFileInfo
    {
        private readonly byte[] bytes = Encoding.UTF8.GetBytes(text);
        public bool Exists => true;
        public long Length => bytes.Length;
        public string? PhysicalPath => null;
        public string Name => name;
        // Fixed, so Fluid's template cache keeps the parsed partial for the whole build.
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public bool IsDirectory => false;
        public Stream CreateReadStream() => new MemoryStream(bytes, writable: false);
    }
}
