using System.Text;

namespace PolicyAsCode.Catalogue;

/// <summary>
/// A catalogue condition key with placeholders (<c>aws:RequestTag/${TagKey}</c>, <c>s3:ExistingObjectTag/&lt;key&gt;</c>)
/// compiled to a <see cref="GlobPattern"/> in which each placeholder is <c>?*</c>: one or more characters of any kind
/// (tag keys may contain <c>/</c> and <c>:</c>).
/// </summary>
internal sealed class ConditionKeyPattern
{
    private ConditionKeyPattern(ConditionKeyInfo key, GlobPattern pattern, int literalLength)
    {
        Key = key;
        Pattern = pattern;
        LiteralLength = literalLength;
    }

    public ConditionKeyInfo Key { get; }

    public GlobPattern Pattern { get; }

    /// <summary>How many characters of the name are not placeholders: the more, the more specific the key.</summary>
    public int LiteralLength { get; }

    public static bool HasPlaceholders(string name) => FindPlaceholder(name, 0, out _, out _);

    /// <summary>Compiles <paramref name="key"/>; null when its name has no placeholder or contains <c>*</c> or <c>?</c>.</summary>
    public static ConditionKeyPattern? TryCompile(ConditionKeyInfo key)
    {
        string name = key.Name;
        var glob = new StringBuilder(name.Length);
        int literalLength = 0, position = 0;
        bool found = false;
        while (FindPlaceholder(name, position, out int start, out int end))
        {
            found = true;
            if (!AppendLiteral(glob, name, position, start)) return null;
            literalLength += start - position;
            glob.Append("?*");
            position = end;
        }
        if (!found || !AppendLiteral(glob, name, position, name.Length)) return null;
        literalLength += name.Length - position;
        return new ConditionKeyPattern(key, GlobPattern.Compile(glob.ToString(), wildcards: true, variables: false, ignoreCase: true), literalLength);
    }

    private static bool AppendLiteral(StringBuilder glob, string name, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (name[i] is '*' or '?') return false;
        }
        glob.Append(name, start, end - start);
        return true;
    }

    // A placeholder is ${...} or <...> without nesting.
    private static bool FindPlaceholder(string name, int from, out int start, out int end)
    {
        for (int i = from; i < name.Length; i++)
        {
            char close = name[i] == '<' ? '>' : name[i] == '$' && i + 1 < name.Length && name[i + 1] == '{' ? '}' : '\0';
            if (close == '\0') continue;
            int closeAt = name.IndexOf(close, i + 1);
            if (closeAt < 0) break;
            start = i;
            end = closeAt + 1;
            return true;
        }
        start = end = -1;
        return false;
    }
}
