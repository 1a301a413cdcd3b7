using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace DigestSite.Pages;

/// <summary>
/// A page's values (<see cref="PlannedPage.Values"/>) made when first read, by the thread that hashes or renders
/// the page, rather than when the page is planned: the plan is made on one thread, the pages rendered on all.
/// </summary>
public sealed class LazyValues(Func<Dictionary<string, object?>> make) : IReadOnlyDictionary<string, object?>
{
    private readonly Lazy<Dictionary<string, object?>> values = new(make);

    public object? this[string key] => values.Value[key];
    public IEnumerable<string> Keys => values.Value.Keys;
    public IEnumerable<object?> Values => values.Value.Values;
    public int Count => values.Value.Count;
    public bool ContainsKey(string key) => values.Value.ContainsKey(key);
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => values.Value.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.Value.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
