using PolicyAsCode.Json;

namespace PolicyAsCode.Cli;

/// <summary>Reads policy files, reporting problems as <c>file:line:col: message</c>.</summary>
internal static class PolicyFiles
{
    /// <summary>Reads and parses a policy file; on failure writes the error to <paramref name="stderr"/> and returns null.</summary>
    public static PolicyDocument? TryRead(string path, TextWriter stderr)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"{path}: cannot read the file: {e.Message}");
            return null;
        }
        try
        {
            return PolicyJson.Parse(bytes);
        }
        catch (PolicyParseException e)
        {
            stderr.WriteLine(e.ToCompilerStyle(path));
            return null;
        }
    }

    /// <summary>Reads and prepares a policy file, named after the file, or returns null after reporting the error.</summary>
    public static PreparedPolicy? TryPrepare(string path, TextWriter stderr)
        => TryRead(path, stderr) is { } document ? new PreparedPolicy(document, Path.GetFileNameWithoutExtension(path)) : null;
}
