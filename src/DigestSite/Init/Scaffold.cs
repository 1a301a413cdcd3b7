using System.Reflection;
using System.Text;

namespace DigestSite.Cli.Init;

/// <summary>
/// The files of a new digest, from the templates under Init/Template (built into the program):
/// the content with an example issue, the workflows, the tool manifest that pins this version of
/// DigestSite, and the owner's and contributors' guides. Placeholders: @TITLE@ and @URL@ (YAML
/// strings), @TITLE_TEXT@ (the title as written), @VERSION@; the folder issues/DATE is named by
/// <see cref="Files"/>'s date.
/// </summary>
internal static class Scaffold
{
    private const string Prefix = "init/";

    /// <summary>Each file's path in the new digest (forward slashes) and its bytes.</summary>
    public static IReadOnlyList<(string Path, byte[] Bytes)> Files(string title, Uri url, string version, DateOnly firstIssue)
    {
        var assembly = typeof(Scaffold).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!, Encoding.UTF8);
                var text = reader.ReadToEnd()
                    .Replace("@TITLE_TEXT@", title)
                    .Replace("@TITLE@", YamlString(title))
                    .Replace("@URL@", YamlString(url.AbsoluteUri.TrimEnd('/')))
                    .Replace("@VERSION@", version);
                var path = name[Prefix.Length..].Replace("/issues/DATE/", $"/issues/{firstIssue:yyyy-MM-dd}/");
                return (path, new UTF8Encoding(false).GetBytes(text));
            })
            .ToArray();
    }

    /// <summary>This program's version as a package version ("1.2.0", without the "+commit" suffix).</summary>
    public static string ProgramVersion()
    {
        var informational = typeof(Scaffold).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        return informational.Split('+')[0];
    }

    /// <summary>A YAML double-quoted scalar; the text has no line breaks or control characters (see InitCommand).</summary>
    private static string YamlString(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
