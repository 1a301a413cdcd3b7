namespace DigestSite.Corpus;

/// <summary>
/// The words one paper is about: its method's name, what it works on and with, where it measures.
/// Fixed for the paper, so its title, summary and the issue's introduction agree with each other.
/// </summary>
internal sealed record PaperWords(string Method, string Task, string Task2, string Component, string Component2,
    string Dataset, string Dataset2, string Metric, string CodeUrl)
{
    /// <summary>The previous paper of a series (its method's name, its arXiv page), when this one continues it.</summary>
    public (string Name, string Url)? Previous { get; init; }

    public static PaperWords Draw(IReadOnlyList<Topic> topics, string method, string org, Rng rng)
    {
        var main = topics[0];
        var other = topics.Count > 1 ? topics[1] : main;
        var tasks = rng.Sample(main.Tasks, 2);
        var components = rng.Sample(main.Components, 2);
        var datasets = rng.Sample(main.Datasets, 2);
        return new PaperWords(method, tasks[0], other == main ? tasks[1] : rng.Pick(other.Tasks),
            components[0], other == main ? components[1] : rng.Pick(other.Components),
            datasets[0], other == main ? datasets[1] : rng.Pick(other.Datasets),
            rng.Pick(main.Metrics), $"https://github.com/{org}/{Slugs.Ascii(method)}");
    }

    /// <summary>The slots of <see cref="Grammar"/> this paper fills; numbers are drawn anew at each use.</summary>
    public Func<string, string?> Binder(Rng rng, bool modelNames)
    {
        bool methodShown = false;
        // The method's first mention is bold in half the summaries, as editors write them.
        string FirstMention()
        {
            if (methodShown) return Method;
            methodShown = true;
            return rng.Chance(0.5) ? $"**{Method}**" : Method;
        }
        string? Bind(string slot) => slot switch
        {
            "Method" => Method,
            "MethodFirst" => FirstMention(),
            "task" => Task,
            "task2" => Task2,
            "component" => Component,
            "component2" => Component2,
            "dataset" => Dataset,
            "dataset2" => Dataset2,
            "metric" => Metric,
            "codeurl" => CodeUrl,
            "previous" => Previous?.Name,
            "previousurl" => Previous?.Url,
            "empty" => "",
            "space" => " ",
            "points" => Tenths(rng.Int(5, 120)),
            "pct" => rng.Int(5, 70).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "n" => rng.Int(3, 14).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "someof" => SomeOf(rng),
            "size" => rng.Pick(Sizes),
            "speedup" => Tenths(rng.Int(12, 60)) + "x",
            "scores" => Scores(rng),
            "hyper" => Hyper(rng),
            "otherpaper" => $"https://arxiv.org/abs/{rng.Int(20, 24)}{rng.Int(1, 12):00}.{rng.Int(1, 20000):00000}",
            "model" => modelNames ? rng.Pick(ModelNames.All) : null,
            "baseline" => modelNames && rng.Chance(0.5) ? rng.Pick(ModelNames.All) : Grammar.Pick("genericbaseline", Bind, rng),
            _ => null,
        };
        return Bind;
    }

    private static readonly string[] Sizes = ["125M", "350M", "1.3B", "3B", "7B", "8B", "13B", "34B", "70B"];

    /// <summary>Tenths as a decimal without floating point: 123 -> "12.3".</summary>
    private static string Tenths(int tenths) => $"{tenths / 10}.{tenths % 10}";

    private static string SomeOf(Rng rng)
    {
        int of = rng.Int(4, 12);
        return $"{rng.Int(of / 2 + 1, of)} of {of}";
    }

    private static string Scores(Rng rng)
    {
        int from = rng.Int(200, 850);
        return $"from {Tenths(from)} to {Tenths(from + rng.Int(5, 120))}";
    }

    private static string Hyper(Rng rng) => rng.Int(0, 7) switch
    {
        0 => $"k={rng.Int(2, 32)}",
        1 => $"rank={rng.Pick(new[] { 4, 8, 16, 32, 64 })}",
        2 => $"lr={rng.Int(1, 9)}e-{rng.Int(4, 6)}",
        3 => $"temperature=0.{rng.Int(1, 9)}",
        4 => $"top_p=0.{rng.Int(80, 99)}",
        5 => $"beta=0.{rng.Int(1, 9)}",
        6 => $"window={256 << rng.Int(0, 5)}",
        _ => $"num_experts={rng.Pick(new[] { 8, 16, 64 })}",
    };
}

/// <summary>Made-up method names, as new papers coin them: acronyms, compounds, invented words.</summary>
internal static class MethodNames
{
    private static readonly string[] Syllables =
        "ka lo mi ra te zu vo ne xi pa qu do fe gri sto ri an el or mu sa ti ven dor lin ar bel cor nu".Split(' ');
    private static readonly string[] Prefixes =
        "Flash Self Meta Hyper Sparse Deep Long Fast Auto Open Tiny Omni Multi Uni Pro Co Mix Dyna Quant Chain Graph Token Step Think Prism Echo Lumen Nova Trace Mosaic".Split(' ');
    private static readonly string[] Roots =
        "Route Align Tune Mem Retriever Rank Distill Merge Prune Plan Agent Coder Vision Speech Bench Judge Probe Scale Mix Flow Former Net LM RAG Cache Lens Guard Forge Mind Loop".Split(' ');

    public static string Draw(Rng rng)
    {
        double style = rng.Double();
        if (style < 0.25)
        {
            var acronym = Word(rng, 2, 3).ToUpperInvariant();
            return acronym[..Math.Min(6, acronym.Length)];
        }
        if (style < 0.65) return rng.Pick(Prefixes) + rng.Pick(Roots);
        var word = Grammar.Capitalize(Word(rng, 2, 3));
        return rng.Chance(0.25) ? $"{word}-{rng.Pick(new[] { "1B", "3B", "7B", "8B", "13B", "70B" })}" : word;
    }

    /// <summary>An invented word of a few syllables (never a real word's meaning: a name).</summary>
    public static string Word(Rng rng, int min, int max)
    {
        int count = rng.Int(min, max);
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < count; i++) sb.Append(rng.Pick(Syllables));
        return sb.ToString();
    }
}

/// <summary>Real model names: planted in summaries (Plants.ModelNames) for search features to find again.</summary>
public static class ModelNames
{
    public static readonly string[] All =
    [
        "GPT-4", "GPT-4o", "GPT-3.5-turbo", "Llama-2-7B", "Llama-2-13B-chat", "Llama-3-8B", "Llama-3.1-70B-Instruct",
        "Mistral-7B", "Mixtral-8x7B", "Qwen2-7B", "Qwen2.5-72B-Instruct", "Gemma-2-9B", "Phi-3-mini", "Claude 3 Opus",
        "T5-XXL", "BERT-base", "RoBERTa-large", "Whisper-large-v3", "DeepSeek-Coder-6.7B", "CodeLlama-34B",
        "Falcon-40B", "OLMo-7B", "BLOOM-176B",
    ];

    /// <summary>Whether <paramref name="text"/> mentions <paramref name="name"/> as a whole name ("GPT-4" is not in "GPT-4o").</summary>
    public static bool Mentions(string text, string name)
    {
        for (int at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            bool startOk = at == 0 || !(char.IsLetterOrDigit(text[at - 1]) || text[at - 1] is '-' or '.');
            int end = at + name.Length;
            bool endOk = end == text.Length || !(char.IsLetterOrDigit(text[end])
                || (text[end] is '-' or '.' && end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1])));
            if (startOk && endOk) return true;
        }
        return false;
    }
}
