using System.CommandLine;
using System.Text;
using PolicyAsCode.Json;

namespace PolicyAsCode.Cli;

/// <summary><c>pac fmt</c>: prints or rewrites policies in the canonical format.</summary>
internal static class FmtCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("PATH") { Description = "Policy JSON files, or folders to search for *.json files (a build's iam/ folder: its manifest.json is not a policy and is left alone).", Arity = ArgumentArity.OneOrMore };
        var write = new Option<bool>("--write", "-w") { Description = "Rewrite the files in place instead of printing them." };
        var check = new Option<bool>("--check") { Description = "Print nothing; exit 1 when a file is not in canonical format." };
        var minify = new Option<bool>("--minify") { Description = "Write one line without whitespace (as IAM counts policy size)." };
        var command = new Command("fmt", "Print policies in the canonical format (or rewrite them with --write).") { files, write, check, minify };
        command.SetAction(parseResult => Run(parseResult.GetValue(files)!, parseResult.GetValue(write), parseResult.GetValue(check),
            parseResult.GetValue(minify), stdout, stderr));
        return command;
    }

    private static int Run(string[] files, bool write, bool check, bool minify, TextWriter stdout, TextWriter stderr)
    {
        var policyFiles = BuildOutputFolder.Expand(files, stderr, out bool expanded, missingAsFiles: true);
        int exit = expanded ? Pac.Success : Pac.BadInput;
        foreach (var (file, _, _) in policyFiles)
        {
            var document = PolicyFiles.TryRead(file, stderr);
            if (document is null)
            {
                exit = Pac.BadInput;
                continue;
            }
            string formatted = PolicyJson.Write(document, indented: !minify);
            if (check)
            {
                if (!IsUnchanged(file, formatted))
                {
                    stderr.WriteLine($"{file}: not in canonical format (run 'pac fmt --write {file}')");
                    if (exit == Pac.Success) exit = Pac.Findings;
                }
            }
            else if (write)
            {
                // The reader's size limit and the writer agree (PolicyJson.MaxDocumentBytes counts no whitespace), so this
                // holds; checked anyway, since a file pac then rejects must never be written over a good one.
                if (!PolicyJson.TryParse(formatted, out var reread, out var error) || !reread!.Equals(document))
                {
                    stderr.WriteLine($"{file}: not written: the formatted policy does not read back as the same policy ({error?.Message ?? "it differs"})");
                    exit = Pac.BadInput;
                }
                else if (!IsUnchanged(file, formatted) && !TryWrite(file, formatted, stderr)) exit = Pac.BadInput;
            }
            else
            {
                stdout.Write(formatted);
                if (minify) stdout.WriteLine();
            }
        }
        return exit;
    }

    /// <summary>
    /// Whether the file already holds exactly the formatted bytes. Compares bytes, not decoded text: reading text would
    /// drop a byte order mark, so a file with one would pass --check and be left alone by --write.
    /// </summary>
    private static bool IsUnchanged(string file, string formatted)
        => File.ReadAllBytes(file).AsSpan().SequenceEqual(s_utf8.GetBytes(formatted));

    /// <summary>Rewrites a file; on failure reports it and returns false, so the other files are still handled.</summary>
    private static bool TryWrite(string file, string formatted, TextWriter stderr)
    {
        try
        {
            File.WriteAllText(file, formatted, s_utf8);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{file}: cannot write the file: {e.Message}");
            return false;
        }
    }

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);
}
