namespace DigestSite.Lunr;

/// <summary>One indexed term (a key of lunr's invertedIndex) and its postings.</summary>
internal sealed class Term
{
    public Term(string text, int fieldCount)
    {
        Text = text;
        Postings = new IntList[fieldCount];
    }

    /// <summary>The term text.</summary>
    public readonly string Text;

    /// <summary>lunr's termIndex (<c>_index</c>): the order in which the builder first met the term; -1 until then.</summary>
    public int Id = -1;

    /// <summary>Per field (in index field order), the documents containing the term, in add order.</summary>
    public readonly IntList[] Postings;
}
