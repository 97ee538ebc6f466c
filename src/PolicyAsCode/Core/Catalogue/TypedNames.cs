using System.Text;

namespace PolicyAsCode.Catalogue;

/// <summary>One part of a catalogue name or ARN template: literal text, or a placeholder such as <c>${BucketName}</c>.</summary>
/// <param name="Text">The literal text, or the placeholder's name (<c>BucketName</c>).</param>
/// <param name="IsPlaceholder">Whether this part is a placeholder.</param>
public readonly record struct TemplatePart(string Text, bool IsPlaceholder);

/// <summary>
/// The C# names of the typed catalogue members (<c>S3.GetObject</c>, <c>S3.Keys.Prefix</c>, <c>S3.Arn.Object(...)</c>).
/// The code that writes those members and the source generator that reads them back both use this one naming, so a
/// member always maps to the same action, key or resource type.
/// </summary>
public static class TypedNames
{
    /// <summary>The class of a service: <c>s3</c> → <c>S3</c>, <c>access-analyzer</c> → <c>AccessAnalyzer</c>.</summary>
    public static string ServiceClass(string prefix) => Identifier(prefix);

    /// <summary>A PascalCase identifier made of the letters and digits of <paramref name="text"/>.</summary>
    public static string Identifier(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool upper = true;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c) && c < 128)
            {
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }
        if (sb.Length == 0 || char.IsDigit(sb[0])) sb.Insert(0, '_');
        return sb.ToString();
    }

    /// <summary>A camelCase parameter name for a placeholder: <c>BucketName</c> → <c>bucketName</c>.</summary>
    public static string Parameter(string placeholder)
    {
        string id = Identifier(placeholder);
        string name = id[0] == '_' ? id : char.ToLowerInvariant(id[0]) + id.Substring(1);
        return name is "object" or "string" or "event" or "namespace" or "operator" or "params" or "base" or "class" or "default"
            or "fixed" or "in" or "is" or "lock" or "out" or "ref" or "this" or "checked" or "case" or "const" or "continue" or "decimal"
            or "delegate" or "do" or "double" or "else" or "enum" or "explicit" or "extern" or "false" or "finally" or "float" or "for"
            or "foreach" or "goto" or "if" or "implicit" or "int" or "interface" or "internal" or "long" or "new" or "null" or "private"
            or "protected" or "public" or "readonly" or "return" or "sbyte" or "sealed" or "short" or "sizeof" or "stackalloc"
            or "static" or "struct" or "switch" or "throw" or "true" or "try" or "typeof" or "uint" or "ulong" or "unchecked" or "unsafe"
            or "ushort" or "using" or "virtual" or "void" or "volatile" or "while" or "bool" or "byte" or "char" or "abstract" or "as"
            or "break" or "catch" or "override"
            ? "@" + name : name;
    }

    /// <summary>Splits a name or ARN template into literal text and <c>${Name}</c> or <c>&lt;name&gt;</c> placeholders.</summary>
    public static List<TemplatePart> Split(string template)
    {
        var parts = new List<TemplatePart>();
        int position = 0;
        while (position < template.Length)
        {
            int dollar = template.IndexOf("${", position, StringComparison.Ordinal);
            int angle = template.IndexOf('<', position);
            int start = dollar < 0 ? angle : angle < 0 ? dollar : Math.Min(dollar, angle);
            int end = start < 0 ? -1 : template.IndexOf(start == dollar ? '}' : '>', start);
            if (start < 0 || end < 0)
            {
                parts.Add(new TemplatePart(template.Substring(position), false));
                break;
            }
            if (start > position) parts.Add(new TemplatePart(template.Substring(position, start - position), false));
            int nameStart = start + (start == dollar ? 2 : 1);
            parts.Add(new TemplatePart(template.Substring(nameStart, end - nameStart), true));
            position = end + 1;
        }
        return parts;
    }
}
