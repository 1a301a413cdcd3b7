namespace DigestSite.Lunr;

/// <summary>A minimal growable int array (a struct, to keep millions of postings cheap).</summary>
internal struct IntList
{
    public int[] Items;
    public int Count;

    /// <summary>An empty list with room for <paramref name="capacity"/> items.</summary>
    public IntList(int capacity) => Items = new int[Math.Max(capacity, 4)];

    public readonly int Last => Items[Count - 1];

    /// <summary>The items as an array of their own length: <see cref="Items"/> itself when it is full (the list is then the array's only user).</summary>
    public readonly int[] Trimmed() => Items is not null && Count == Items.Length ? Items : AsSpan().ToArray();

    public readonly ReadOnlySpan<int> AsSpan() => Items is null ? default : Items.AsSpan(0, Count);

    /// <summary>Makes the list <paramref name="count"/> items long (not shorter), the new items to be written in place in <see cref="Items"/>.</summary>
    public void Extend(int count)
    {
        if (Items is null || Items.Length < count) Array.Resize(ref Items, Math.Max(count, (Items?.Length ?? 2) * 2));
        Count = Math.Max(Count, count);
    }

    public void Add(int value)
    {
        if (Items is null) Items = new int[4];
        else if (Count == Items.Length) Array.Resize(ref Items, Items.Length * 2);
        Items[Count++] = value;
    }
}
