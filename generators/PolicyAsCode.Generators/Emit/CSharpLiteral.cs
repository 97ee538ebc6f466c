using System.Globalization;
using System.Text;

namespace PolicyAsCode.Generators.Emit;

/// <summary>C# source text for constant values, independent of the current culture.</summary>
internal static class CSharpLiteral
{
    /// <summary>
    /// A regular string literal with the exact value of <paramref name="value"/>. Quotes and backslashes are escaped, and
    /// every character outside printable ASCII (control characters, line separators, non-ASCII text, lone surrogates) is
    /// written as a <c>\uXXXX</c> escape, so the literal is one line of ASCII whatever the file's encoding.
    /// </summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\0': builder.Append("\\0"); break;
                case '\a': builder.Append("\\a"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\v': builder.Append("\\v"); break;
                default:
                    if (c < ' ' || c > '~')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder.Append('"').ToString();
    }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>An <see cref="int"/> in invariant digits.</summary>
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
