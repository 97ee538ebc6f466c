using System.Globalization;
using System.Text;

namespace PolicyAsCode.Cli;

/// <summary>C# text for <c>pac import</c>: string literals and identifiers made from file names.</summary>
internal static class CSharpText
{
    /// <summary>A regular string literal: quotes, backslashes and control characters escaped.</summary>
    public static string String(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>
    /// A PascalCase identifier from a name such as <c>read_my-bucket.v2</c> (<c>ReadMyBucketV2</c>); names that would start
    /// with a digit or give nothing get <paramref name="fallbackPrefix"/>.
    /// </summary>
    public static string Identifier(string name, string fallbackPrefix)
    {
        var sb = new StringBuilder();
        bool upper = true;
        foreach (char c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }
        if (sb.Length == 0 || char.IsAsciiDigit(sb[0])) sb.Insert(0, fallbackPrefix);
        return sb.ToString();
    }

    /// <summary>Whether <paramref name="name"/> is a dotted C# name (a namespace) made of plain identifiers.</summary>
    public static bool IsDottedName(string name)
        => name.Split('.').All(IsIdentifier);

    /// <summary>Whether <paramref name="name"/> is a plain C# identifier (ASCII letters, digits, underscores; not a keyword).</summary>
    public static bool IsIdentifier(string name)
        => name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !s_keywords.Contains(name);

    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };
}
