// The archive generator's command line: writes a synthetic digest archive (bench/README.md).
//
//   dotnet run --project bench/DigestSite.Corpus -- OUT [--papers N] [--per-issue K] [--seed S]
//       [--end YYYY-MM-DD] [--plant all|name-variants,near-duplicates,series,model-names] [--manifest FILE]
return DigestSite.Corpus.CorpusCommand.Run(args, Console.Out, Console.Error);
