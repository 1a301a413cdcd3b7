using DigestSite.Lunr;

namespace DigestSite.Lunr.Tests;

/// <summary>Documents that stress lunr's tokenizer, trimmer, stop word filter and stemmer.</summary>
public static class TestCorpus
{
    /// <summary>Words that exercise every Porter step (1a/1b/1c/2/3/4/5) and lunr's stemmer quirks.</summary>
    public static readonly string[] PorterWords =
    [
        // 1a
        "caresses", "ponies", "ties", "caress", "cats", "ss", "s", "gas", "this", "ties's",
        // 1b
        "feed", "agreed", "disabled", "matting", "mating", "meeting", "milling", "messing", "meetings",
        "plastered", "bled", "motoring", "sing", "conflated", "troubled", "sized", "hopping", "tanned",
        "falling", "hissing", "fizzed", "failing", "filing", "hoping", "ying", "yelling", "eed", "ed",
        // 1c
        "happy", "sky", "cry", "by", "say", "yy", "syzygy", "boy", "toy",
        // 2
        "relational", "conditional", "rational", "valenci", "hesitanci", "digitizer", "conformabli",
        "radicalli", "differentli", "vileli", "analogousli", "vietnamization", "predication", "operator",
        "feudalism", "decisiveness", "hopefulness", "callousness", "formaliti", "sensitiviti", "sensibiliti",
        "archaeologi", "generalization",
        // 3
        "triplicate", "formative", "formalize", "electriciti", "electrical", "hopeful", "goodness",
        // 4
        "revival", "allowance", "inference", "airliner", "gyroscopic", "adjustable", "defensible",
        "irritant", "replacement", "adjustment", "dependent", "adoption", "adoption", "homologou",
        "communism", "activate", "angulariti", "homologous", "effective", "bowdlerize", "explosion", "tension",
        // 5
        "probate", "rate", "cease", "controll", "roll", "generate", "yesterday", "yoyo", "youth",
        // odd
        "Yankee", "aaa", "xyz", "ion", "tion", "sion", "naïve", "zürich", "straße", "i̇stanbul", "ΣΟΦΙΑ",
        "a1b2", "123", "1st", "2nd", "co-operate", "don't", "o'brien", "résumé", "agreeing", "feeds",
        "eyeing", "dying", "lying", "skies", "fly", "flies", "plying", "abated", "abbatial", "y", "ye", "yes",
        "yy", "yyy", "yeses", "ylang", "Yield", "emotional", "eeding", "sses", "ies", "iess", "ing", "ings",
        "really", "ally", "bli", "logi", "fulness", "izing", "ization",
    ];

    public static IReadOnlyList<LunrDocument> Stress()
    {
        var docs = new List<LunrDocument>
        {
            Doc("attention-is-all-you-need", "Attention Is All You Need",
                "Ashish Vaswani, Noam Shazeer, Niki Parmar", "efficient attention, machine translation",
                "The dominant sequence transduction models are based on complex recurrent or convolutional neural networks. We propose the Transformer — a new simple network architecture!"),
            Doc("punctuation", "Hello, World!!! (and) [brackets] {braces} \"quotes\" 'single' «guillemets»",
                "O'Brien, D'Angelo, Jean-Luc Picard", "tool-use, rag",
                "e.g. i.e. etc... -- --- - ... !!! ??? ;;; :: well-known state-of-the-art re-ranking A/B-testing C++ C# .NET node.js 3.14 1,000,000 10% $5 @user #tag a_b __init__ x86-64"),
            Doc("unicode", "Café naïve résumé — Zürich Straße ΣΟΦΙΑ ΟΔΟΣ İstanbul",
                "José Fernández, Müller, Łukasz, Øyvind, Ærø",
                "multilingual",
                "AΣ1 AΣB AΣ.B ΑΣ'Β aΣ ΣA Σ ΣΣ x̃ ñ e\u0301 cafe\u0301 Ǆemal ǅ ǆ Ⅻ ⓐⒶ 𐐀𐐨 ꭰ Ꭰ ﬀ ﬃ İI ı K Å ẞ ΐ ǰ ŉ 日本語のテキスト 中文 한국어 emoji😀test 😀 👍🏽 🇫🇷 a😀 😀b \ud800 lone\udc00surrogate"),
            Doc("whitespace", "tabs\tand\u00A0nbsp\u2028line\u2029para\u3000ideographic\uFEFFbom\u180Emongolian\u200Bzwsp",
                "first\u2003second\u2009third\u205Ffourth\u1680fifth", "a\vb\fc\rd\ne",
                "  leading and trailing  \t\n multiple   spaces\u202Fnarrow \u00A0\u00A0 \u2000\u2001\u2002\u200A end"),
            Doc("stopwords", "The and of a an to in is it",
                "", "",
                "the quick brown fox jumps over the lazy dog while they were at the bank because it was there however likely"),
            Doc("porter", "running runner runs ran", "generalizations", "relational",
                string.Join(" ", PorterWords)),
            Doc("numbers", "42 1 0 00 007 -1 1.5 1e3 4294967294 4294967295 12345678901",
                "2024 2023", "10 9 100",
                "v1 v2 3 03 3.0 0x1F 1_000 ½ ² ٣ ३ 10 9 1"),
            Doc("empty-fields", "", "", "", ""),
            new("null-fields", new Dictionary<string, string?> { ["title"] = null, ["summary"] = "only summary here" }),
            Doc("long", "Pneumonoultramicroscopicsilicovolcanoconiosis supercalifragilisticexpialidocious",
                "A", "x",
                string.Concat(Enumerable.Repeat("antidisestablishmentarianism floccinaucinihilipilification ", 5)) + new string('z', 300)),
            Doc("short", "a b c d e f g", "x y z", "q", "I me my we us"),
            Doc("repeat", "deep deep deep learning", "Deep Mind", "deep-learning",
                "deep learning deep learning models learn deeply; learning learned learns learner"),
            Doc("0", "zero ref", "", "", "documents with integer-like refs"),
            Doc("10", "ten ref", "", "", "documents with integer-like refs"),
            Doc("9", "nine ref", "", "", "documents with integer-like refs 9"),
            Doc("01", "leading zero ref", "", "", "documents with integer-like refs"),
            Doc("4294967295", "max uint ref", "", "", "documents with integer-like refs"),
            Doc("4294967294", "max index ref", "", "", "documents with integer-like refs"),
            Doc("-5", "negative ref", "", "", "documents with integer-like refs"),
            Doc("a/b \"quoted\" \\ ref\u2028é😀", "slashes and quotes in ref", "", "", "documents with integer-like refs"),
            Doc("control", "bell\u0007char nul\u0000char del\u007Fchar", "", "", "esc\u001B[0m unit\u001Fsep"),
            Doc("proto", "constructor __proto__ toString hasOwnProperty valueOf prototype", "", "", "__proto__ constructor"),
        };
        return docs;
    }

    /// <summary>A deterministic pseudo-random corpus: dictionary words, Porter words, odd Unicode and punctuation.</summary>
    public static IReadOnlyList<LunrDocument> Generated(int count, int seed)
    {
        var rng = new Random(seed);
        string[] vocabulary =
        [
            "model", "models", "modeling", "learning", "learned", "language", "languages", "transformer",
            "transformers", "attention", "retrieval", "augmented", "generation", "benchmark", "benchmarks",
            "evaluation", "evaluating", "reasoning", "reasons", "agent", "agents", "agentic", "scaling", "laws",
            "training", "trained", "pretraining", "fine-tuning", "instruction", "instructions", "alignment",
            "safety", "robustness", "robust", "efficient", "efficiency", "sparse", "sparsity", "quantization",
            "quantized", "distillation", "distilled", "multimodal", "vision", "speech", "translation", "the",
            "of", "and", "a", "to", "in", "is", "we", "our", "this", "that", "with", "for", "on", "are",
            "GPT-4", "LLaMA-2", "7B", "70B", "1.5", "2024", "state-of-the-art", "zero-shot", "few-shot", "(RAG)",
            "e.g.,", "i.e.,", "results.", "tasks;", "data:", "\"quoted\"", "'single'", "über", "naïve", "café",
            "Σοφία", "ΟΔΟΣ", "İzmir", "日本", "😀", "x\u0301", "—", "…", "10", "9", "0", "42", "007",
        ];
        var words = vocabulary.Concat(PorterWords).ToArray();
        string[] separators = [" ", " ", " ", " ", " ", "  ", "\t", "\n", "-", " - ", "\u00A0", "\u3000", ", ", ". "];

        string Text(int n)
        {
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < n; i++)
            {
                if (i > 0) sb.Append(separators[rng.Next(separators.Length)]);
                string w = words[rng.Next(words.Length)];
                if (rng.Next(10) == 0) w = char.ToUpperInvariant(w[0]) + w[1..];
                if (rng.Next(40) == 0) w = RandomWord(rng);
                sb.Append(w);
            }
            return sb.ToString();
        }

        var docs = new List<LunrDocument>(count);
        for (int i = 0; i < count; i++)
        {
            string slug = rng.Next(8) == 0 ? (100 + i).ToString() : $"paper-{i:D4}-{RandomWord(rng)}";
            docs.Add(new LunrDocument(slug, new Dictionary<string, string?>
            {
                ["title"] = Text(rng.Next(3, 14)),
                ["authors"] = string.Join(", ", Enumerable.Range(0, rng.Next(0, 5)).Select(_ => RandomWord(rng) + " " + RandomWord(rng))),
                ["topics"] = string.Join(", ", Enumerable.Range(0, rng.Next(0, 4)).Select(_ => words[rng.Next(words.Length)])),
                ["summary"] = Text(rng.Next(0, 220)),
            }, boost: rng.Next(20) == 0 ? 2 : 1));
        }
        return docs;
    }

    private static string RandomWord(Random rng)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyzàéïß";
        var chars = new char[rng.Next(1, 12)];
        for (int i = 0; i < chars.Length; i++) chars[i] = letters[rng.Next(letters.Length)];
        return new string(chars);
    }

    private static LunrDocument Doc(string slug, string title, string authors, string topics, string summary) =>
        new(slug, new Dictionary<string, string?>
        {
            ["title"] = title, ["authors"] = authors, ["topics"] = topics, ["summary"] = summary,
        });
}
