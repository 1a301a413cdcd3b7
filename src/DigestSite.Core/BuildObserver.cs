namespace DigestSite;

/// <summary>
/// What a build tells whoever runs it, none of which changes the output: its progress, each phase's
/// time, and the points where much of what it allocated has just become garbage. The library does
/// no console output and makes no process-wide calls itself; the command line decides what to do
/// with these (a progress line, DIGESTSITE_TIMINGS, compacting collections between the phases of a
/// one-off build).
/// </summary>
public class BuildObserver
{
    /// <summary>Tells nothing to no one.</summary>
    public static readonly BuildObserver None = new();

    /// <summary>A step began, or a counted step advanced.</summary>
    public virtual void Progress(BuildProgress progress) { }

    /// <summary>A phase ("load", "render", …) ended after <paramref name="elapsed"/>.</summary>
    public virtual void PhaseEnded(string phase, TimeSpan elapsed) { }

    /// <summary>
    /// What the last phase allocated is garbage now (file texts and Markdown trees after loading, the
    /// pages' HTML after rendering, the search index's builder): a good moment for a full collection.
    /// </summary>
    public virtual void GarbageLeft() { }
}
