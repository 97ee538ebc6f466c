using System.Text;

namespace PolicyAsCode.Tests.Json;

/// <summary>Checks of the canonical JSON layout that look only at the text, independently of the writer.</summary>
internal static class JsonFormat
{
    /// <summary>The text with every whitespace character outside string literals removed.</summary>
    public static string StripWhitespaceOutsideStrings(string json)
    {
        var sb = new StringBuilder(json.Length);
        Scan(json, (c, inString) =>
        {
            if (inString || !char.IsWhiteSpace(c)) sb.Append(c);
        });
        return sb.ToString();
    }

    /// <summary>Asserts the minified form: no whitespace at all outside string literals, no trailing newline.</summary>
    public static void AssertMinified(string json)
    {
        Scan(json, (c, inString) =>
        {
            if (!inString) Assert.False(char.IsWhiteSpace(c), $"whitespace U+{(int)c:X4} outside a string in {json}");
        });
    }

    /// <summary>
    /// Asserts the indented form: LF line ends and a final newline, no CR or tab anywhere, each line indented by two
    /// spaces per open object or array, no trailing spaces, and <c>": "</c> after every property name.
    /// </summary>
    public static void AssertIndented(string json)
    {
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', json);
        Assert.DoesNotContain('\t', json);
        int depth = 0;
        foreach (var line in json[..^1].Split('\n'))
        {
            Assert.False(line.EndsWith(' '), $"trailing space in line '{line}'");
            string content = line.TrimStart(' ');
            int expected = content.Length > 0 && content[0] is '}' or ']' ? depth - 1 : depth;
            Assert.True(line.Length - content.Length == 2 * expected, $"line '{line}' should be indented by {2 * expected} spaces");
            char previous = '\0';
            Scan(line, (c, inString) =>
            {
                if (!inString && previous == ':') Assert.Equal(' ', c);
                if (!inString && c is '{' or '[') depth++;
                if (!inString && c is '}' or ']') depth--;
                previous = inString ? '\0' : c;
            });
        }
        Assert.Equal(0, depth);
    }

    /// <summary>Calls <paramref name="visit"/> for each character with whether it is inside a string literal (quotes included).</summary>
    private static void Scan(string json, Action<char, bool> visit)
    {
        bool inString = false, escaped = false;
        foreach (char c in json)
        {
            if (inString)
            {
                visit(c, true);
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') inString = false;
            }
            else if (c == '"')
            {
                inString = true;
                visit(c, true);
            }
            else
            {
                visit(c, false);
            }
        }
        Assert.False(inString, "unterminated string");
    }
}
