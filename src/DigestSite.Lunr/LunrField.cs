namespace DigestSite.Lunr;

/// <summary>A field to index, as in <c>builder.field(name, { boost })</c>.</summary>
public sealed class LunrField
{
    /// <summary>Creates a field. Like lunr, a boost of 0 (or NaN) counts as 1 (<c>boost || 1</c>).</summary>
    /// <exception cref="ArgumentException">The name contains '/', which lunr.Builder.field rejects.</exception>
    public LunrField(string name, double boost = 1)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Contains('/')) throw new ArgumentException($"Field '{name}' contains illegal character '/'", nameof(name));
        Name = name;
        Boost = boost;
    }

    /// <summary>The field name, as written in the index's <c>fields</c>.</summary>
    public string Name { get; }

    /// <summary>The boost applied to every term score in this field.</summary>
    public double Boost { get; }
}
