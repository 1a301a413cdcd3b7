using System.CommandLine;
using DigestSite.Cli;
using DigestSite.Cli.Init;

var root = new RootCommand("DigestSite: builds a browsable digest of research papers from Markdown files.")
{
    InitCommand.Create(),
    CheckCommand.Create(),
    NewCommand.Create(),
    BuildCommand.Create(),
    ServeCommand.Create(),
};
var parsed = root.Parse(args);
try
{
    // Not System.CommandLine's handler, which prints the whole exception with its stack trace.
    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e)
{
    UnexpectedFailure.Report(e, Console.Error);
    return 1;
}
