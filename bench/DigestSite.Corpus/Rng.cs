namespace DigestSite.Corpus;

/// <summary>
/// xoshiro256** seeded by SplitMix64: the same seed gives the same numbers on every machine and .NET
/// version. System.Random(seed) does not promise that (its seeded algorithm is a compatibility detail),
/// and the archive's bytes must not change under a runtime upgrade.
/// </summary>
public sealed class Rng
{
    private ulong s0, s1, s2, s3;

    public Rng(ulong seed)
    {
        s0 = SplitMix(ref seed); s1 = SplitMix(ref seed); s2 = SplitMix(ref seed); s3 = SplitMix(ref seed);
    }

    /// <summary>An independent stream for one part of the archive, so changing one part leaves the others' numbers alone.</summary>
    public Rng Fork(string purpose)
    {
        ulong h = 14695981039346656037UL; // FNV-1a of the purpose, mixed with this stream's next number
        foreach (char c in purpose) h = (h ^ c) * 1099511628211UL;
        return new Rng(h ^ NextUInt64());
    }

    public ulong NextUInt64()
    {
        ulong result = RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A whole number in [min, max], both included.</summary>
    public int Int(int min, int max)
    {
        if (max < min) throw new ArgumentOutOfRangeException(nameof(max));
        ulong range = (ulong)(max - min) + 1;
        // Rejection keeps every value equally likely.
        ulong limit = ulong.MaxValue - ulong.MaxValue % range;
        ulong x;
        do x = NextUInt64(); while (x >= limit);
        return min + (int)(x % range);
    }

    /// <summary>A number in [0, 1) with 53 random bits.</summary>
    public double Double() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => Double() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Int(0, items.Count - 1)];

    /// <summary>Picks by weight; weights need not add up to 1.</summary>
    public int Weighted(IReadOnlyList<double> weights)
    {
        double total = 0;
        foreach (var w in weights) total += w;
        double x = Double() * total;
        for (int i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.Count - 1;
    }

    /// <summary><paramref name="count"/> distinct items, in the order drawn.</summary>
    public List<T> Sample<T>(IReadOnlyList<T> items, int count)
    {
        var pool = items.ToList();
        var taken = new List<T>(count);
        for (int i = 0; i < count && pool.Count > 0; i++)
        {
            int j = Int(0, pool.Count - 1);
            taken.Add(pool[j]);
            pool.RemoveAt(j);
        }
        return taken;
    }

    /// <summary>
    /// A Pareto-like whole number (P(X ≥ k) = 1/(k+1), up to <paramref name="max"/>): most values 0 or 1,
    /// a long tail, as upvotes are. Only a division, which IEEE rounds the same everywhere (Math.Pow may not).
    /// </summary>
    public int LongTail(int max) => (int)Math.Min(max + 1, 1.0 / (1.0 - Double())) - 1;

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
