using System.CommandLine;
using System.CommandLine.Help;

// Placeholder entry point: prints usage until the real commands land.
var root = new RootCommand("pac: AWS IAM policies as typed C#.");
root.SetAction(parseResult => new HelpAction().Invoke(parseResult));
return root.Parse(args).Invoke();
