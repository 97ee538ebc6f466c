using PolicyAsCode.Json;

namespace PolicyAsCode.Cli;

/// <summary>Reads policy files, reporting problems as <c>file:line:col: message</c>.</summary>
internal static class PolicyFiles
{
    /// <summary>Reads and parses a policy file; on failure writes the error to <paramref name="stderr"/> and returns null.</summary>
    public static PolicyDocument? TryRead(string path, TextWriter stderr)
        => TryReadWithMap(path, stderr, out var document, out _) ? document : null;

    /// <summary>Reads and parses a policy file with the positions of its elements; on failure reports the error.</summary>
    public static bool TryReadWithMap(string path, TextWriter stderr, out PolicyDocument? document, out PolicySourceMap? map)
    {
        document = null;
        map = null;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"{path}: cannot read the file: {e.Message}");
            return false;
        }
        try
        {
            document = PolicyJson.Parse(bytes, out map);
            return true;
        }
        catch (PolicyParseException e)
        {
            stderr.WriteLine(e.ToCompilerStyle(path));
            return false;
        }
    }

    /// <summary>Reads and prepares a policy file, named after the file, or returns null after reporting the error.</summary>
    public static PreparedPolicy? TryPrepare(string path, TextWriter stderr)
        => TryRead(path, stderr) is { } document ? new PreparedPolicy(document, Path.GetFileNameWithoutExtension(path)) : null;
}
