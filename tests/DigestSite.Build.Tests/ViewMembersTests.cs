using System.Reflection;
using DigestSite.Pages;
using Fluid;

namespace DigestSite.Build.Tests;

/// <summary>
/// ViewMembers is written out by hand (the native build cannot find members by reflection), and it
/// is both what templates can read and what a page's inputs hash covers: a property left out would
/// be invisible to templates and, worse, to the hash. These tests find by reflection what it must list.
/// </summary>
public class ViewMembersTests
{
    public static TheoryData<Type> Records => [.. ViewMembers.All.Select(r => r.Type)];

    [Theory]
    [MemberData(nameof(Records))]
    public void Every_public_property_is_listed_under_its_snake_case_name_and_read_by_its_getter(Type type)
    {
        var members = ViewMembers.ByType[type];
        var properties = Properties(type);
        Assert.Equal(properties.Select(p => MemberNameStrategies.SnakeCase(p)).Order(), members.Select(m => m.Name).Order());

        // Every constructor argument distinct, so a getter reading the wrong property gives the wrong value.
        int seed = 0;
        var value = Make(type, ref seed);
        foreach (var property in properties)
        {
            var member = members.Single(m => m.Name == MemberNameStrategies.SnakeCase(property));
            Assert.Equal(property.GetValue(value), member.Get(value));
        }
    }

    [Fact]
    public void Every_record_a_listed_record_holds_is_listed_too()
    {
        var listed = ViewMembers.All.Select(r => r.Type).ToHashSet();
        var held = listed.SelectMany(Properties).Select(p => ElementType(p.PropertyType)).Where(t => t.IsClass && t != typeof(string) && t != typeof(Utf8Text));
        Assert.All(held, t => Assert.Contains(t, listed));
    }

    private static PropertyInfo[] Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract").ToArray();

    private static Type ElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0]
        : Nullable.GetUnderlyingType(type) ?? type;

    private static object Make(Type type, ref int seed)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return $"value {seed++}";
        if (type == typeof(Utf8Text)) return Utf8Text.Of($"value {seed++}");
        if (type == typeof(int)) return seed++;
        if (type == typeof(bool)) return true;
        if (type == typeof(DateOnly)) return DateOnly.FromDayNumber(700_000 + seed++);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var items = Array.CreateInstance(type.GetGenericArguments()[0], 1);
            items.SetValue(Make(type.GetGenericArguments()[0], ref seed), 0);
            return items;
        }
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = new object[constructor.GetParameters().Length];
        for (int i = 0; i < arguments.Length; i++) arguments[i] = Make(constructor.GetParameters()[i].ParameterType, ref seed);
        return constructor.Invoke(arguments);
    }
}
