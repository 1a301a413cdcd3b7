namespace DigestSite.Lunr;

/// <summary>A minimal growable int array (a struct, to keep millions of postings cheap).</summary>
internal struct IntList
{
    public int[] Items;
    public int Count;

    public readonly int Last => Items[Count - 1];

    public readonly ReadOnlySpan<int> AsSpan() => Items is null ? default : Items.AsSpan(0, Count);

    public void Add(int value)
    {
        if (Items is null) Items = new int[4];
        else if (Count == Items.Length) Array.Resize(ref Items, Items.Length * 2);
        Items[Count++] = value;
    }
}
