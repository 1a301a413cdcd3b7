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
        // lunr.Builder.calculateAverageFieldLengths accumulates into a plain {} object, so a field named
        // like an Object.prototype member starts from that member instead of 0 and every score is NaN.
        if (ObjectPrototypeMembers.Contains(name))
            throw new ArgumentException($"Field '{name}' is an Object.prototype member name; lunr.js cannot score it", nameof(name));
        Name = name;
        Boost = boost;
    }

    private static readonly HashSet<string> ObjectPrototypeMembers = new(StringComparer.Ordinal)
    {
        "constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString",
        "valueOf", "__proto__", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
    };

    /// <summary>The field name, as written in the index's <c>fields</c>.</summary>
    public string Name { get; }

    /// <summary>The boost applied to every term score in this field.</summary>
    public double Boost { get; }
}
