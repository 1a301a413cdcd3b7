using System.Globalization;
using System.Text.RegularExpressions;

namespace DigestSite.Corpus;

/// <summary>
/// A small text grammar: a template's {slot}s are filled from the paper's own words (its method,
/// tasks, datasets), from number makers, or by picking one line of a pool below, itself a template.
/// {Slot} with a capital first letter is the same slot in title case. Hand-written rather than a
/// Markov chain over real abstracts, so the repository needs no corpus of other people's text and
/// every sentence reads as a summary would ("in your own words", CONTRIBUTING.md).
/// </summary>
public static partial class Grammar
{
    private static readonly Dictionary<string, string[]> Pools = ParsePools("""
        problem:
          Even today, {models} {limitation}, which makes {task} {hard} in practice.
          Progress on {task} has mostly come from scale, yet {models} {limitation}.
          {task} is a standard test for {models}, but existing methods {limitation}.
          Most work on {task} assumes {assumption}; real deployments rarely offer it.
          A growing line of work asks whether {models} can handle {task} without {resource}.
          {task} looks solved on paper, but {models} {limitation}.
          Anyone who has tried {task} with {models} knows that they {limitation}.
          The standard recipe for {task} relies on {oldway}, and it does not scale.
        stakes:
          This matters because {task} is moving from benchmarks to products.
          The problem gets worse as inputs get longer and tasks less familiar.
          Scaling up helps, but not enough, and it is expensive.
          Workarounds exist, but each needs {resource}.
        contribution:
          This paper introduces {MethodFirst}, a {adj} {approach} for {task}.
          The authors propose {MethodFirst}, which {mechanism} instead of relying on {oldway}.
          {MethodFirst} is a {adj} {approach} that {mechanism}.
          Here the authors present {MethodFirst}, a {approach} built around {component}.
          The paper's answer is {MethodFirst}: a {adj} {approach} that {mechanism}.
          To address this, the authors build {MethodFirst}, which {mechanism}.
        how:
          Concretely, {Method} {mechanism}, and {mechanism2}.
          The key idea is to {idea} so that {benefit}.
          It {mechanism}, using `{hyper}` to trade {quality} against {cost}.
          Training uses {trainingdata}, and inference {inferencecost}.
          Unlike prior work, {Method} does *not* need {resource}: it {mechanism}.
          The recipe has two stages: the first {mechanism}; the second {mechanism2}.
          At its core is {component}, applied {where}.
          In practice this means that {benefit}, at the price of {price}.
        mechanism:
          combines {component} with {component2}
          replaces {oldway} with {component}
          learns when to apply {component}
          uses {component} to filter its own training data
          adds {component} on top of a frozen backbone
          trains a small model to predict where {component} helps
          reuses intermediate activations instead of recomputing them
          treats {task} as a ranking problem
          decomposes each input into smaller sub-problems
          routes easy inputs to a cheap path and hard ones to {component}
          scores candidate outputs with {component2} and keeps the best
          builds {component} into every layer rather than only the last one
          calibrates {component} on a few hundred held-out examples
        mechanism2:
          keeps the base model frozen throughout
          distills the result back into a single model
          falls back to the original model when {component2} is unsure
          updates only a small fraction of the parameters
          caches what it computes for later inputs
          checks each output against {component2}
        idea:
          apply {component} only where the model is uncertain
          share {component} across tasks
          learn {component} from the model's own outputs
          separate {component} from {component2}
          make {component} differentiable
          precompute {component} once and reuse it
        benefit:
          the model spends compute where it matters
          errors no longer compound across steps
          the same checkpoint serves many tasks
          training stays stable at larger scales
          no labeled data is needed
          memory grows sublinearly with input length
          the method transfers to new domains without retraining
        price:
          a second model at training time
          {pct}% more training compute
          a more involved implementation
          one extra hyperparameter
        result:
          On {dataset} it improves {metric} by {points} points over {baseline}{qualifier}.
          Across {n} benchmarks, including {dataset} and {dataset2}, {Method} matches {baseline} while using {pct}% of the {costnoun}.
          A {size} model trained this way outperforms {baseline} on {dataset} ({metric} {scores}).
          On {dataset2}, {metric} goes {scores}, with the largest gains on the hardest subsets.
          The gains hold on {dataset} and {dataset2}, and {Method} runs {speedup} faster than {baseline}.
          Against {baseline}, {Method} wins on {someof} tasks and ties on the rest.
        resultitem:
          {metric} on {dataset}: {scores}
          {speedup} faster than {baseline} at equal quality
          {pct}% fewer {costnoun2} than {baseline}
          best on {someof} tasks of the suite
        analysis:
          Ablations show that {component} accounts for most of the gain, and that {finding}.
          The analysis is the most useful part: {finding}.
          Interestingly, {finding}, which suggests {implication}.
          A careful error analysis finds that {finding}.
          The authors also show that {finding}.
        caveat:
          The evaluation is limited to {scope}, so it is unclear whether the gains carry over to {otherscope}.
          One caveat: {caveatclause}.
          Keep in mind that {caveatclause}.
        why:
          Worth reading if you work on {task}.
          Read it for the ablations, which are unusually thorough.
          A *practical* paper: the recipe fits in a page and needs no new infrastructure.
          The [code]({codeurl}) is out, and the setup is easy to reproduce.
          Recommended for anyone building systems for {task}.
          Skim the method, read the error analysis.
          The released [{artifact}]({codeurl}) alone makes this worth bookmarking.
          It pairs well with [an earlier paper]({otherpaper}) on {task2}.
        models:
          large language models
          small language models
          open-weight language models
          instruction-tuned models
          decoder-only transformers
          current systems
          state-of-the-art models
          chat assistants
          multilingual models
          foundation models
        titlemodels:
          large language models
          foundation models
          small language models
          open-weight models
          multimodal models
        limitation:
          degrade sharply when the input grows
          are expensive to adapt to new domains
          depend on labeled data that is scarce
          are brittle under distribution shift
          state wrong facts with confidence
          waste most of their compute on easy tokens
          forget earlier skills when trained on new ones
          ignore much of the context they are given
          overfit to the format of their training data
          are hard to evaluate reliably
          need more memory than commodity hardware offers
          fail silently on inputs unlike their training data
        hard:
          hard
          costly
          unreliable
          slow
          difficult to scale
        assumption:
          clean, labeled data
          a fixed test distribution
          unlimited compute at inference time
          access to the model's weights
          a single language
          short inputs
          a strong teacher model
        resource:
          task-specific training
          human labels
          extra compute
          access to the weights
          a larger teacher
          hand-written prompts
        oldway:
          hand-tuned heuristics
          a fixed schedule
          full fine-tuning
          uniform sampling
          a separate model for every task
          manual annotation
          costly human feedback
        adj:
          simple
          lightweight
          training-free
          scalable
          data-efficient
          modular
          plug-and-play
          general-purpose
          compute-efficient
          principled
          self-supervised
          two-stage
        approach:
          method
          framework
          recipe
          training objective
          architecture
          pipeline
          decoding strategy
          benchmark
          data recipe
          toolkit
        quality:
          accuracy
          quality
          recall
          faithfulness
          coverage
        cost:
          latency
          memory
          compute
          cost
          training time
        costnoun:
          compute
          training data
          parameters
          memory
          inference budget
        costnoun2:
          FLOPs
          parameters
          training tokens
          GPU hours
        trainingdata:
          {n} thousand synthetic examples
          a mixture of public datasets
          only unlabeled text
          {n} million tokens of in-domain text
          traces from a larger model
        inferencecost:
          adds {pct}% latency
          needs one extra forward pass
          costs no more than the baseline
          runs on a single GPU
          needs {n} samples per input
        where:
          at every layer
          once per document
          only at inference time
          during pretraining
          to the attention scores
          to the model's hidden states
        qualifier:
          {empty}
          {empty}
          {space}while running {speedup} faster
          {space}at the same compute budget
          {space}without any task-specific tuning
          {space}with a tenth of the training data
          , closing much of the gap to far larger models
        finding:
          gains grow with model size
          the method is robust to the choice of {hyperword}
          most errors come from {errsource}
          performance saturates after a few thousand examples
          the improvement is largest on the hardest examples
          simple baselines are stronger than the literature suggests
          the benefit disappears when {component} is removed
          results are sensitive to the random seed at small scales
        hyperword:
          learning rate
          rank
          temperature
          number of retrieved passages
          batch size
          warmup length
        errsource:
          ambiguous questions
          annotation noise
          tokenization artifacts
          long-tail entities
          formatting mistakes rather than wrong answers
        implication:
          that current benchmarks underestimate {models}
          that {component} deserves more attention than it gets
          that the bottleneck is data rather than model size
          a cheap way to improve existing systems
        scope:
          English
          models below 13B parameters
          a handful of academic benchmarks
          synthetic tasks
          a single domain
          short inputs
        otherscope:
          other languages
          frontier-scale models
          real user traffic
          longer inputs
          noisier data
        caveatclause:
          the baselines are not tuned as carefully as the proposed method
          the gains are within noise on two of the datasets
          the compute cost of {component} is not reported
          the human evaluation is small (a few hundred judgments)
          the code is not yet released
        artifact:
          dataset
          checkpoints
          evaluation harness
          training code
        genericbaseline:
          a strong baseline
          the previous state of the art
          a fine-tuned {size} baseline
          prompting alone
          a ten times larger model
          standard fine-tuning
          the best published system
          a carefully tuned baseline
        modelsentence:
          Experiments start from {model} and compare against {model}.
          The backbone is {model}; {model} serves as the judge.
          Even {model} benefits, though less than smaller models do.
          Distilling {model} into a {size} student keeps most of its accuracy.
          The same recipe applied to {model} gives smaller but consistent gains.
        seriessentence:
          It builds on {previous}, the authors' [earlier work]({previousurl}), and adds {component}.
          This is the next installment after {previous} ([earlier paper]({previousurl})): the new part is {component}.
          Compared with {previous} ([arXiv]({previousurl})), the main change is {component2}.
        title:
          {Method}: {Adj} {Approach} for {Task}
          {Method}: {Adj} {Approach} for {Task}
          {Method}: {Gerund} {Task} with {Component}
          {Method}: {Gerund} {Task} with {Component}
          {Method}: Towards {Adj} {Task}
          {Method}: {Component} Meets {Component2}
          {Method}: A Benchmark for {Task}
          {Method}: {Gerund} {Task} on {Dataset} and Beyond
          {Gerund} {Task} with {Component} and {Component2}
          {Component} Is All You Need for {Task}
          Do {Titlemodels} Really Need {Resource} for {Task}?
          On the {Property} of {Component} for {Task} in {Titlemodels}
          When Does {Component} Help {Task}? Evidence from {Dataset}
          {Adj} {Task} via {Component} and {Component2}
          Beyond {Component}: {Gerund} {Task} with {Titlemodels}
          Revisiting {Component} for {Task} in the Era of {Titlemodels}
          What Makes {Component} Work for {Task}? A Study on {Dataset}
        seriestitle:
          {Method}: {Adj} {Approach} for {Task}
          {Method}: {Gerund} {Task} with {Component}
          {Method}: Towards {Adj} {Task}
          {Method}: {Component} Meets {Component2}
        gerund:
          Scaling
          Improving
          Rethinking
          Learning
          Accelerating
          Evaluating
          Unifying
          Simplifying
          Grounding
          Steering
          Compressing
        property:
          Limits
          Role
          Robustness
          Effectiveness
          Surprising Effectiveness
          Brittleness
          Geometry
        introtitle:
          {topicname} week
          A week of {topicname}
          Mostly {topicname}, and a few surprises
          Short and practical
          Long reads for the weekend
          {Method}, and everything else
          Small models, big ideas
          Editor's picks
        introopening:
          This issue leans towards {topicname}: {topiccount} of today's {papercount} papers touch it.
          {papercount} papers today, {topiccount} of them on {topicname}.
          A busy day for {topicname}, with {topiccount} papers out of {papercount}.
        intropick:
          Start with *{firsttitle}*, which {mechanism}.
          If you read one paper, make it *{firsttitle}*: it {mechanism}.
          The most discussed paper is *{firsttitle}*, which {mechanism}.
        introsecond:
          [{secondmethod}]({secondurl}) is the one to read if you only have ten minutes.
          Also worth a look: **{secondmethod}** on {secondtask}.
          For something different, [{secondmethod}]({secondurl}) takes on {secondtask}.
        introthanks:
          Thanks to {submitter} for the suggestions.
          As always, reply with papers we missed.
        """);

    /// <summary>Words left lower case inside a title (unless first).</summary>
    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal)
        { "a", "an", "the", "of", "for", "with", "in", "on", "via", "and", "to", "at", "from", "by", "or", "as" };

    [GeneratedRegex(@"\{([A-Za-z0-9]+)\}")]
    private static partial Regex Slot();

    /// <summary>Fills every slot of <paramref name="template"/>, recursively.</summary>
    public static string Expand(string template, Func<string, string?> bind, Rng rng, int depth = 0)
    {
        if (depth > 8) throw new InvalidOperationException("the grammar loops: " + template);
        return Slot().Replace(template, m => Fill(m.Groups[1].Value, bind, rng, depth));
    }

    /// <summary>The template lines of a pool.</summary>
    public static IReadOnlyList<string> Lines(string pool) => Pools[pool];

    /// <summary>One line of a pool, expanded.</summary>
    public static string Pick(string pool, Func<string, string?> bind, Rng rng) => Fill(pool, bind, rng, 0);

    private static string Fill(string name, Func<string, string?> bind, Rng rng, int depth)
    {
        if (bind(name) is { } bound) return bound;
        if (Pools.TryGetValue(name, out var lines)) return Expand(rng.Pick(lines), bind, rng, depth + 1);
        if (char.IsUpper(name[0]))
        {
            var lower = char.ToLowerInvariant(name[0]) + name[1..];
            if (bind(lower) is { } b) return TitleCase(b, inner: true);
            if (Pools.TryGetValue(lower, out var l)) return TitleCase(Expand(rng.Pick(l), bind, rng, depth + 1), inner: true);
        }
        throw new InvalidOperationException($"the grammar has no slot {{{name}}}");
    }

    /// <summary>
    /// Headline style: each word capitalized (each part of a hyphenated one), small words not, unless
    /// first in the title (an <paramref name="inner"/> phrase's first word is not: "with a Learned Critic").
    /// </summary>
    public static string TitleCase(string text, bool inner = false)
    {
        var words = text.Split(' ');
        for (int i = 0; i < words.Length; i++)
        {
            if ((i > 0 || inner) && SmallWords.Contains(words[i])) continue;
            words[i] = string.Join('-', words[i].Split('-').Select(Capitalize));
        }
        return string.Join(' ', words);
    }

    /// <summary>The first letter in upper case, after any Markdown mark (`**`, `*`, `[`); words such as nDCG kept.</summary>
    public static string Capitalize(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '*' or '[' or '_') continue;
            if (!char.IsLower(c)) return text;
            if (text.Skip(i + 1).TakeWhile(char.IsLetterOrDigit).Any(char.IsUpper)) return text; // nDCG, iPhone
            return text[..i] + char.ToUpperInvariant(c) + text[(i + 1)..];
        }
        return text;
    }

    /// <summary>"Retrieval-augmented generation (RAG)" -> "retrieval-augmented generation (RAG)"; "LoRA and adapters" stays.</summary>
    public static string InSentence(string name) =>
        name.Length > 1 && char.IsUpper(name[0]) && char.IsLower(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static Dictionary<string, string[]> ParsePools(string text)
    {
        var pools = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? name = null;
        var lines = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            if (raw.Trim().Length == 0) continue;
            if (!raw.StartsWith(' '))
            {
                if (name is not null) pools.Add(name, [.. lines]);
                name = raw.TrimEnd(':', ' ');
                lines.Clear();
            }
            else lines.Add(raw.Trim());
        }
        if (name is not null) pools.Add(name, [.. lines]);
        return pools;
    }
}
