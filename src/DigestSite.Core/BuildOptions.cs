namespace DigestSite;

/// <summary>What to build from where: the content, the theme folders layered over the built-in theme, the output, and an optional URL override.</summary>
public sealed record BuildOptions(string ContentDir, IReadOnlyList<string> ThemeLayers, string OutputDir, Uri? BaseUrl = null)
{
    /// <summary>Threads for rendering; -1 for one per core. The output is the same whatever it is.</summary>
    public int Parallelism { get; init; } = -1;

    /// <summary>
    /// Render again only what changed since the last build, from the manifest beside the output
    /// folder ("_site.manifest"); the output is byte-identical to a full build's either way.
    /// </summary>
    public bool Incremental { get; init; } = true;

    /// <summary>Told of progress, of each phase's time and of when memory can be given back; the output does not depend on it.</summary>
    public BuildObserver Observer { get; init; } = BuildObserver.None;
}
