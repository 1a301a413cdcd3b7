using System.CommandLine;
using DigestSite.Cli;

var root = new RootCommand("DigestSite: builds a browsable digest of research papers from Markdown files.")
{
    CheckCommand.Create(),
    NewCommand.Create(),
    BuildCommand.Create(),
    ServeCommand.Create(),
};
return root.Parse(args).Invoke();
