using System.Text;

namespace PolicyAsCode.Build;

/// <summary>
/// The stamp file: the target's output for incremental builds, and the list (one full path per line) of the files
/// under iam/ that the task owns. The task deletes only files listed here, so it never deletes a file it did not write;
/// the targets read it to add the files to <c>FileWrites</c> when the task is skipped as up to date.
/// </summary>
internal static class IamFileStamp
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The paths listed in the stamp file; none when it is missing or cannot be read.</summary>
    public static IReadOnlyList<string> Read(string stampFile)
    {
        try
        {
            return File.Exists(stampFile)
                ? File.ReadAllLines(stampFile, s_utf8).Where(line => line.Length > 0).ToList()
                : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    public static void Write(string stampFile, IEnumerable<string> paths)
    {
        string? directory = Path.GetDirectoryName(stampFile);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var text = new StringBuilder();
        foreach (string path in paths) text.Append(path).Append('\n');
        File.WriteAllText(stampFile, text.ToString(), s_utf8);
    }
}
