using System.Diagnostics;

namespace PolicyAsCode.Cli;

/// <summary>Reads a file as it is at a git revision (<c>git show REV:./path</c>), for pull-request checks against a base branch.</summary>
internal static class GitRevision
{
    /// <summary>
    /// Reads <paramref name="file"/> (a path in a git work tree) at <paramref name="revision"/>. Returns false (after
    /// reporting) when git cannot run or the revision does not exist; true with null <paramref name="content"/> when the
    /// revision lacks the file (it is new), else its bytes and a name to show for it (<c>REV:path</c>).
    /// </summary>
    public static bool TryRead(string revision, string file, TextWriter stderr, out byte[]? content, out string? shownAs)
    {
        content = null;
        shownAs = null;
        string full = Path.GetFullPath(file);
        string directory = Path.GetDirectoryName(full) ?? ".";
        string name = Path.GetFileName(full);
        if (revision.StartsWith('-'))
        {
            stderr.WriteLine($"pac check: --baseline-rev '{revision}' is not a revision");
            return false;
        }
        var verify = Git(directory, ["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"]);
        if (verify is null)
        {
            stderr.WriteLine($"{file}: cannot run git to read its baseline at {revision} (is git installed?)");
            return false;
        }
        if (verify.Value.ExitCode != 0)
        {
            stderr.WriteLine($"{file}: {revision} is not a git revision of the repository holding it{Detail(verify.Value.Stderr)}");
            return false;
        }
        // An ignored file (a build's bin/.../iam/ output) is in no revision: calling it new would report all its access.
        if (Git(directory, ["check-ignore", "--quiet", "--", name]) is { ExitCode: 0 })
        {
            stderr.WriteLine($"{file}: git ignores this file, so {revision} cannot hold its baseline; build the baseline revision and pass its output with --baseline DIR");
            return false;
        }
        var prefix = Git(directory, ["rev-parse", "--show-prefix"]);
        string relative = (prefix is { ExitCode: 0 } p ? p.StdoutText.Trim() : "") + name;
        shownAs = $"{revision}:{relative}";
        var exists = Git(directory, ["cat-file", "-e", $"{revision}:./{name}"]);
        if (exists is not { ExitCode: 0 }) return true;
        var shown = Git(directory, ["show", $"{revision}:./{name}"]);
        if (shown is not { ExitCode: 0 } s)
        {
            stderr.WriteLine($"{file}: cannot read {shownAs}{Detail(shown?.Stderr ?? "")}");
            return false;
        }
        content = s.Stdout;
        return true;
    }

    private static string Detail(string gitStderr) => gitStderr.Trim() is { Length: > 0 } text ? $" (git: {text})" : "";

    private readonly record struct GitResult(int ExitCode, byte[] Stdout, string Stderr)
    {
        public string StdoutText => System.Text.Encoding.UTF8.GetString(Stdout);
    }

    private static GitResult? Git(string directory, string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start);
            if (process is null) return null;
            var errors = process.StandardError.ReadToEndAsync();
            using var buffer = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(buffer);
            process.WaitForExit();
            return new GitResult(process.ExitCode, buffer.ToArray(), errors.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
