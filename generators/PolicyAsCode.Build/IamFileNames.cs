namespace PolicyAsCode.Build;

/// <summary>Which declared file names the task accepts: plain <c>name.json</c> file names, nothing that leaves iam/.</summary>
internal static class IamFileNames
{
    public const string Extension = ".json";

    // Invalid on Windows; rejected everywhere so that a project builds the same on every OS.
    private static readonly char[] s_forbidden = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    /// <summary>Returns why <paramref name="fileName"/> is not acceptable, or null when it is.</summary>
    public static string? Problem(string fileName)
    {
        if (fileName.Length == 0) return "it is empty";
        if (fileName.IndexOfAny(s_forbidden) >= 0) return "it contains a path separator or a character not allowed in file names";
        foreach (char c in fileName)
        {
            if (char.IsControl(c)) return "it contains a control character";
        }
        if (fileName.Contains("..")) return "it contains '..'";
        if (!fileName.EndsWith(Extension, StringComparison.Ordinal)) return "it does not end with '.json'";
        if (fileName.Length == Extension.Length) return "it has nothing before '.json'";
        if (fileName.Trim().Length != fileName.Length) return "it starts or ends with white space";
        return null;
    }
}
