namespace PolicyAsCode;

/// <summary>
/// Splits strings into literal text and policy variables, following the IAM User Guide (IAM policy elements: Variables
/// and tags): <c>${key}</c>, <c>${key, 'default'}</c>, and the escapes <c>${*}</c>, <c>${?}</c>, <c>${$}</c>.
/// </summary>
public static class PolicyVariables
{
    /// <summary>Whether the text contains <c>${</c>.</summary>
    public static bool ContainsVariable(string text) => text.IndexOf("${", StringComparison.Ordinal) >= 0;

    /// <summary>
    /// Splits <paramref name="text"/> into parts. A <c>${</c> without a closing brace is literal text.
    /// </summary>
    public static List<PolicyVariablePart> Split(string text)
    {
        var parts = new List<PolicyVariablePart>();
        int literalStart = 0;
        int i = 0;
        while (i < text.Length)
        {
            int open = text.IndexOf("${", i, StringComparison.Ordinal);
            if (open < 0) break;
            int close = text.IndexOf('}', open + 2);
            if (close < 0) break;
            if (open > literalStart)
            {
                parts.Add(new PolicyVariablePart(text.Substring(literalStart, open - literalStart), false, false, null, literalStart, open - literalStart));
            }
            string inner = text.Substring(open + 2, close - open - 2);
            int length = close - open + 1;
            if (inner is "*" or "?" or "$")
            {
                parts.Add(new PolicyVariablePart(inner, false, true, null, open, length));
            }
            else
            {
                string key = inner;
                string? defaultValue = null;
                int comma = inner.IndexOf(',');
                if (comma >= 0)
                {
                    string tail = inner.Substring(comma + 1).Trim();
                    if (tail.Length >= 2 && tail[0] == '\'' && tail[tail.Length - 1] == '\'')
                    {
                        key = inner.Substring(0, comma).Trim();
                        defaultValue = tail.Substring(1, tail.Length - 2);
                    }
                }
                parts.Add(new PolicyVariablePart(key, true, false, defaultValue, open, length));
            }
            i = close + 1;
            literalStart = i;
        }
        if (literalStart < text.Length)
        {
            parts.Add(new PolicyVariablePart(text.Substring(literalStart), false, false, null, literalStart, text.Length - literalStart));
        }
        return parts;
    }
}
