using System.Globalization;
using System.Text.Json;

namespace DigestSite.Corpus;

/// <summary>The command line: parses the options, writes the archive, and the plants' ground truth if asked.</summary>
public static class CorpusCommand
{
    public const string Usage =
        "usage: DigestSite.Corpus OUT [--papers N] [--per-issue K] [--seed S] [--end YYYY-MM-DD] [--authors A]\n" +
        "         [--plant all|name-variants,near-duplicates,series,model-names] [--manifest FILE]";

    /// <summary>Names as they are written (accents unescaped), camelCase keys.</summary>
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly Dictionary<string, Plants> PlantNames = new(StringComparer.Ordinal)
    {
        ["all"] = Plants.All,
        ["name-variants"] = Plants.NameVariants,
        ["near-duplicates"] = Plants.NearDuplicates,
        ["series"] = Plants.Series,
        ["model-names"] = Plants.ModelNames,
    };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? folder = null, manifest = null;
        var options = new CorpusOptions();
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--papers": options = options with { Papers = Whole(Value(), "--papers", min: 1) }; break;
                    case "--per-issue": options = options with { PerIssue = Whole(Value(), "--per-issue", min: 1) }; break;
                    case "--seed": options = options with { Seed = Seed(Value()) }; break;
                    case "--end": options = options with { End = DateOnly.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture) }; break;
                    case "--authors": options = options with { Authors = Whole(Value(), "--authors", min: 1) }; break;
                    case "--plant": options = options with { Plants = ParsePlants(Value()) }; break;
                    case "--manifest": manifest = Value(); break;
                    case var a when a.StartsWith('-'): throw new FormatException($"unknown option {a}");
                    case var a when folder is null: folder = a; break;
                    default: throw new FormatException($"one output folder only (got {folder} and {args[i]})");
                }
            }
            if (folder is null) throw new FormatException("the output folder is missing");
        }
        catch (FormatException e)
        {
            stderr.WriteLine($"error: {e.Message}\n{Usage}");
            return 2;
        }

        try
        {
            var planted = CorpusGenerator.Write(folder, options);
            if (manifest is not null)
                File.WriteAllText(manifest, JsonSerializer.Serialize(planted, Json) + "\n");
        }
        catch (IOException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return 1;
        }
        stdout.WriteLine($"Wrote {options.Papers.ToString("N0", CultureInfo.InvariantCulture)} papers into {folder} (seed {options.Seed}).");
        return 0;
    }

    private static int Whole(string text, string option, int min) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= min
            ? n : throw new FormatException($"{option} wants a whole number of at least {min}, not \"{text}\"");

    private static ulong Seed(string text) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed)
            ? seed : throw new FormatException($"--seed wants a whole number from 0 to {ulong.MaxValue}, not \"{text}\"");

    private static Plants ParsePlants(string list)
    {
        var plants = Plants.None;
        foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            plants |= PlantNames.TryGetValue(name, out var p) ? p
                : throw new FormatException($"--plant: unknown plant \"{name}\" (all, {string.Join(", ", PlantNames.Keys.Skip(1))})");
        return plants;
    }
}
