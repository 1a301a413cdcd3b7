using System.Text;
using DigestSite.Diagnostics;
using DigestSite.Content;

namespace DigestSite.Commands.Tests;

/// <summary>
/// A small, valid content folder in a temporary directory: site.yml, topics.yml and one issue
/// (2026-03-18) with two papers. A test replaces or adds the one file it is about, loads the
/// folder, and compares the diagnostics, formatted "PATH:LINE:COLUMN: MESSAGE", with what it expects.
/// </summary>
public sealed class FixtureSite : IDisposable
{
    public const string Issue = "issues/2026-03-18";
    public const string RagPaper = Issue + "/2312.15918.md";
    public const string LoraPaper = Issue + "/lora.md";

    public const string SiteYml = """
        title: "Test Digest"
        description: "Papers for the tests."
        url: "https://example.org/digest"

        """;

    public const string TopicsYml = """
        fine-tuning:
          name: "Fine-tuning"
          description: "Adapting pretrained models."
        rag:
          name: "Retrieval-augmented generation"
          description: "Grounding generation in retrieved text."

        """;

    public const string RagPaperText = """
        ---
        title: "Retrieval-Augmented Generation for Large Language Models: A Survey"
        authors: ["Yunfan Gao", "Yun Xiong"]
        topics: [rag]
        arxiv: "2312.15918"
        published: 2023-12-18
        upvotes: 12
        links:
          code: "https://github.com/Tongji-KGLLM/RAG-Survey"
        submitted_by: "editor"
        ---
        A survey of retrieval-augmented generation.

        """;

    public const string LoraPaperText = """
        ---
        title: "LoRA: Low-Rank Adaptation of Large Language Models"
        authors:
          - Edward J. Hu
          - Yelong Shen
        topics: [fine-tuning]
        ---
        LoRA freezes the pretrained weights and trains low-rank updates.

        """;

    /// <summary>A fresh temporary folder holding the content folder, "content/": where CLI tests run.</summary>
    public string Workspace { get; }

    /// <summary>The content folder, Workspace/content.</summary>
    public string Root { get; }

    public FixtureSite()
    {
        Workspace = Path.Combine(Path.GetTempPath(), "digestsite-tests", Guid.NewGuid().ToString("N"));
        Root = Path.Combine(Workspace, "content");
        Directory.CreateDirectory(Root);
        Write("site.yml", SiteYml);
        Write("topics.yml", TopicsYml);
        Write(RagPaper, RagPaperText);
        Write(LoraPaper, LoraPaperText);
    }

    /// <summary>Writes <paramref name="relativePath"/> (forward slashes) as UTF-8 without a BOM, creating folders.</summary>
    public FixtureSite Write(string relativePath, string text) => WriteBytes(relativePath, new UTF8Encoding(false).GetBytes(text));

    public FixtureSite WriteBytes(string relativePath, byte[] bytes)
    {
        var path = FullPath(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    /// <summary>A paper at <paramref name="relativePath"/> with the given front matter lines and summary.</summary>
    public FixtureSite Paper(string relativePath, string frontMatter, string summary = "A summary.") =>
        Write(relativePath, $"---\n{frontMatter.TrimEnd('\n')}\n---\n{summary}\n");

    public FixtureSite Delete(string relativePath)
    {
        var path = FullPath(relativePath);
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        else File.Delete(path);
        return this;
    }

    public FixtureSite CreateFolder(string relativePath)
    {
        Directory.CreateDirectory(FullPath(relativePath));
        return this;
    }

    public string FullPath(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public LoadResult Load() => ContentLoader.Load(Root);

    /// <summary>Every diagnostic, in the order reported, as "PATH:LINE:COLUMN: MESSAGE".</summary>
    public string[] Errors() => Format(Load().Diagnostics);

    public static string[] Format(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Path}:{d.Line}:{d.Column}: {d.Message}").ToArray();

    public void Dispose()
    {
        try { Directory.Delete(Workspace, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
