namespace DigestSite.Lunr;

/// <summary>A document to index, as in <c>builder.add(doc, { boost })</c>.</summary>
public sealed class LunrDocument
{
    /// <summary>Creates a document.</summary>
    /// <param name="ref">The document reference lunr returns from searches (e.g. the slug).</param>
    /// <param name="fields">Field values by field name; missing or null values index nothing, like undefined in lunr.</param>
    /// <param name="boost">Document boost; like lunr, 0 (or NaN) counts as 1.</param>
    public LunrDocument(string @ref, IReadOnlyDictionary<string, string?> fields, double boost = 1)
    {
        ArgumentNullException.ThrowIfNull(@ref);
        ArgumentNullException.ThrowIfNull(fields);
        Ref = @ref;
        Fields = fields;
        Boost = boost;
    }

    /// <summary>The document reference.</summary>
    public string Ref { get; }

    /// <summary>Field values by field name.</summary>
    public IReadOnlyDictionary<string, string?> Fields { get; }

    /// <summary>The document boost.</summary>
    public double Boost { get; }
}
