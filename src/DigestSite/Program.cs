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
return root.Parse(args).Invoke();
