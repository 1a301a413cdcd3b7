using DigestSite.Checking;

namespace DigestSite;

/// <summary>The outcome: diagnostics when it failed (and nothing was written), else what was written.</summary>
/// <remarks>Files and Bytes count what this build wrote; an incremental build keeps the other files as they were.</remarks>
public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, int Pages, int Files, long Bytes, TimeSpan Elapsed)
{
    /// <summary>Output files kept from the previous build, unchanged.</summary>
    public int Unchanged { get; init; }

    public bool Incremental { get; init; }

    /// <summary>Nothing the build reads had changed since the last one (the same file stamps), and the output still matched its manifest: nothing was done.</summary>
    public bool Skipped { get; init; }

    /// <summary>The search files are not up to date yet (a serve build that deferred them).</summary>
    public bool SearchDeferred { get; init; }

    /// <summary>Given up (a serve build cancelled by the next change): nothing was written.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Why the output folder was refused (<see cref="Output.OutputFolder"/>): nothing was read or written.</summary>
    public string? Refused { get; init; }

    /// <summary>Before building, a swap that a killed build had begun was finished: the output folder is not as this build found it.</summary>
    public bool Restored { get; init; }

    public bool Succeeded => Diagnostics.Count == 0 && !Cancelled && Refused is null;
}
