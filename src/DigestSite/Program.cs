using System.CommandLine;
using DigestSite.Checking;
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
// Content never makes a command throw (`check` refuses whatever `build` could not do); anything else
// that does is a bug, said in one line rather than as a stack trace, with exit code 1.
try
{
    return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e)
{
    Console.Error.WriteLine($"error: digestsite stopped on an unexpected error ({e.GetType().Name}: {Diagnostic.Printable(e.Message)}). " +
                            "This is a bug in DigestSite, not in your content: please report it.");
    return 1;
}
