using System.Text;
using PolicyAsCode.Cli;

namespace PolicyAsCode.Tests.Cli;

/// <summary>What one in-process run of <c>pac</c> returned and wrote.</summary>
internal sealed record PacResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Standard output split into lines (without the final empty line, tolerant of CRLF).</summary>
    public string[] StdoutLines => SplitLines(Stdout);

    /// <summary>Standard error split into lines.</summary>
    public string[] StderrLines => SplitLines(Stderr);

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}--- stderr ---\n{Stderr}";

    private static string[] SplitLines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return text.Length == 0 ? [] : lines[^1].Length == 0 ? lines[..^1] : lines;
    }
}

/// <summary>Runs <c>pac</c> in-process through <see cref="Pac.Run"/> with string streams.</summary>
internal static class PacRunner
{
    public static PacResult Run(params string[] args) => RunWithStdin("", args);

    public static PacResult RunWithStdin(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new StringReader(stdin);
        int exit = Pac.Run(args, stdout, stderr, input);
        return new PacResult(exit, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("pac-cli-tests-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes a UTF-8 file (no byte order mark) and returns its full path.</summary>
    public string Write(string name, string content) => WriteBytes(name, new UTF8Encoding(false).GetBytes(content));

    public string WriteBytes(string name, byte[] content)
    {
        string path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Locates files of the repository the tests were built from.</summary>
internal static class RepoFiles
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The folder holding PolicyAsCode.sln.</summary>
    public static string Root => s_root.Value;

    public static string Get(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyAsCode.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds PolicyAsCode.sln.");
    }
}
