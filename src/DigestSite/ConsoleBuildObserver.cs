using System.Diagnostics;
using System.Globalization;

namespace DigestSite.Cli;

/// <summary>
/// What the command line does with what a build tells: shows its progress (when given a display),
/// prints each phase's time and memory with DIGESTSITE_TIMINGS=1 (for bench/DigestSite.Bench), and,
/// for a one-off build, collects the garbage each phase leaves.
/// </summary>
internal sealed class ConsoleBuildObserver(ProgressDisplay? display, bool compact) : BuildObserver
{
    private static readonly bool ShowTimings = Environment.GetEnvironmentVariable("DIGESTSITE_TIMINGS") == "1";

    public override void Progress(BuildProgress progress) => display?.Report(progress);

    /// <summary>
    /// A full, compacting collection (the large object heap too): the GC would otherwise let the heap
    /// grow to two or three times what is live (docs/performance.md, memory). Not in serve, which
    /// keeps what a build made for the next one; nor while the heap is small (under
    /// <see cref="CompactAbove"/>), where it costs more time than the memory it saves is worth.
    /// </summary>
    public override void GarbageLeft()
    {
        if (!compact || GC.GetTotalMemory(forceFullCollection: false) < CompactAbove) return;
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>
    /// The heap (live and dead) below which <see cref="GarbageLeft"/> does nothing: a 10,000-paper
    /// one-paper rebuild spent a third of its CPU time in collections, most of them these.
    /// </summary>
    private const long CompactAbove = 256L << 20;

    /// <summary>The process's CPU time (all threads) when the last phase line was printed.</summary>
    private TimeSpan cpuBefore = Environment.CpuUsage.TotalTime;

    /// <summary>
    /// "timing NAME MS" on stderr, which bench/DigestSite.Bench reads, then "cpu NAME MS": the CPU time of
    /// every thread since the previous phase line (against the wall time, how well the phase used the
    /// cores), then a "memory NAME …" line.
    /// </summary>
    public override void PhaseEnded(string phase, TimeSpan elapsed)
    {
        if (!ShowTimings) return;
        var cpu = Environment.CpuUsage.TotalTime;
        Console.Error.WriteLine($"timing {phase} {elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)}");
        Console.Error.WriteLine($"cpu {phase} {(cpu - cpuBefore).TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)}");
        cpuBefore = cpu;
        // Live heap, GC heap, process. DIGESTSITE_TIMINGS_GC=1: what is still reachable (a full collection
        // first, which changes the run's memory profile).
        long live = Environment.GetEnvironmentVariable("DIGESTSITE_TIMINGS_GC") == "1" ? GC.GetTotalMemory(true) : GC.GetTotalMemory(false);
        var gc = GC.GetGCMemoryInfo();
        using var self = Process.GetCurrentProcess();
        Console.Error.WriteLine($"memory {phase} live {live >> 20} MiB, heap {gc.HeapSizeBytes >> 20} MiB, committed {gc.TotalCommittedBytes >> 20} MiB, rss {self.WorkingSet64 >> 20} MiB, peak {self.PeakWorkingSet64 >> 20} MiB, " +
            $"collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms");
    }
}
