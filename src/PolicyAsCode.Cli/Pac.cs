using System.CommandLine;

namespace PolicyAsCode.Cli;

/// <summary>The <c>pac</c> command: its subcommands, run with the given standard streams so tests can drive it in-process.</summary>
public static class Pac
{
    /// <summary>Exit code when every input was read and handled.</summary>
    public const int Success = 0;

    /// <summary>Exit code for a check that found problems (<c>pac fmt --check</c>, <c>pac import</c> of what the DSL cannot declare).</summary>
    public const int Findings = 1;

    /// <summary>Exit code for input that cannot be read: a missing file, malformed JSON, a bad argument.</summary>
    public const int BadInput = 2;

    /// <summary>Runs <c>pac</c> with the given arguments and streams, returning the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        var root = new RootCommand("pac: check, format, evaluate and import AWS IAM policies.")
        {
            CheckCommand.Create(stdout, stderr),
            EvalCommand.Create(stdout, stderr, stdin),
            ExpandCommand.Create(stdout, stderr),
            FmtCommand.Create(stdout, stderr),
            ImportCommand.Create(stdout, stderr),
            ValidateCommand.Create(stdout, stderr),
        };
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors) stderr.WriteLine($"pac: {error.Message}");
            stderr.WriteLine("Run 'pac --help' for usage.");
            return BadInput;
        }
        return parseResult.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
