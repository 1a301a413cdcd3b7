using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using DigestSite.Pages;
using Fluid;
using Fluid.Values;

namespace DigestSite.Rendering;

/// <summary>
/// The view records as templates see them, each made once. Fluid turns every value a template reads
/// into a FluidValue, by default anew on each read and through a long chain of type tests (a record is
/// tested as a date, a number, four kinds of dictionary and two kinds of list before it is found to be
/// an object; a list of records is converted item by item each time it is read). That was a fifth of
/// the templates' CPU, more with the lookups and garbage it made (docs/performance.md). Here a view record becomes a value that reads
/// the members ViewMembers lists, and keeps each member's value once read; the records many pages show
/// (a paper on its page, its issue's, its topics' and its authors' pages; the site on every page; the
/// author and topic references papers share) are converted once for the whole build.
/// Templates see exactly what they saw before: the same members (anything else falls back to Fluid's
/// registered accessors, which have nothing more), the same values.
/// </summary>
internal sealed class TemplateValues
{
    // The types whose instances many pages show, remembered (by reference) for the template set's life: one build.
    private static readonly FrozenSet<Type> SharedTypes = FrozenSet.ToFrozenSet(
        [typeof(SiteView), typeof(PaperView), typeof(AuthorRef), typeof(TopicRef), typeof(IssueRef)]);

    private static readonly FrozenDictionary<Type, RecordType> Records =
        ViewMembers.All.ToFrozenDictionary(r => r.Type, r => new RecordType(SharedTypes.Contains(r.Type), r.Members));

    private readonly ConcurrentDictionary<object, FluidValue> shared = new(ReferenceEqualityComparer.Instance);
    private readonly TemplateOptions options;

    public TemplateValues(TemplateOptions options) => this.options = options;

    /// <summary>
    /// A value converter for Fluid (<see cref="TemplateOptions.ValueConverters"/>): the view records, their
    /// lists, strings and numbers; null for anything else, which Fluid converts as it always does.
    /// </summary>
    public FluidValue? Convert(object value) => value switch
    {
        string text => new StringValue(text),
        Utf8Text utf8 => new StringValue(utf8.ToString()),
        int number => NumberValue.Create(number),
        bool flag => BooleanValue.Create(flag),
        _ when Records.TryGetValue(value.GetType(), out var type) => type.Shared
            ? shared.GetOrAdd(value, static (record, self) => new RecordValue(record, Records[record.GetType()], self), this)
            : new RecordValue(value, type, this),
        IList list => List(list),
        _ => null,
    };

    /// <summary>
    /// The text a view record's member holds as UTF-8 (<see cref="Utf8Text"/>), when <paramref name="value"/> is a view
    /// record and <paramref name="name"/> such a member of it; null for anything else (<see cref="Utf8Output"/>).
    /// </summary>
    public static Utf8Text? Utf8Member(FluidValue value, string name) => value is RecordValue record ? record.Utf8(name) : null;

    /// <summary>Forgets the shared records' values (<see cref="TemplateSet.ForgetSharedValues"/>); a record read again is converted again.</summary>
    public void ForgetShared() => shared.Clear();

    // As Fluid converts a list: an array of its items' values, or the empty array.
    private ArrayValue List(IList list)
    {
        if (list.Count == 0) return ArrayValue.Empty;
        var items = new FluidValue[list.Count];
        for (int i = 0; i < items.Length; i++) items[i] = Of(list[i]);
        return new ArrayValue(items);
    }

    private FluidValue Of(object? value) => value is null ? NilValue.Instance : Convert(value) ?? FluidValue.Create(value, options);

    /// <summary>A view record type: its members by Liquid name.</summary>
    private sealed class RecordType(bool shared, IReadOnlyList<ViewMember> members)
    {
        public bool Shared { get; } = shared;
        public FrozenDictionary<string, int> Index { get; } = members.Select((m, i) => (m.Name, i)).ToFrozenDictionary(m => m.Name, m => m.i, StringComparer.Ordinal);
        public Func<object, object?>[] Getters { get; } = members.Select(m => m.Get).ToArray();
    }

    /// <summary>
    /// A view record in a template: each member's value made when first read, then kept (records are immutable);
    /// but a text the model holds as UTF-8 (a summary, a BibTeX entry, COinS) is made into a string on each read and
    /// not kept: kept, the papers' values would hold those texts again, as UTF-16, for the whole render.
    /// </summary>
    private sealed class RecordValue(object record, RecordType type, TemplateValues values) : ObjectValueBase(record)
    {
        private readonly FluidValue?[] members = new FluidValue?[type.Getters.Length];

        public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context)
        {
            // Another spelling of a member (Fluid's accessors ignore case) or a dotted path: Fluid's own way, as before.
            if (!type.Index.TryGetValue(name, out int i)) return base.GetValueAsync(name, context);
            if (members[i] is { } kept) return new ValueTask<FluidValue>(kept);
            var member = type.Getters[i](Value);
            var value = values.Of(member);
            if (member is not Utf8Text) members[i] = value;
            return new ValueTask<FluidValue>(value);
        }

        // A member whose value was kept is not held as UTF-8 (those are never kept).
        public Utf8Text? Utf8(string name) =>
            type.Index.TryGetValue(name, out int i) && members[i] is null ? type.Getters[i](Value) as Utf8Text : null;
    }
}
