using System.Globalization;
using System.Text;

namespace PolicyAsCode.Build;

/// <summary>
/// A JSON value as the deployment outputs need it: objects keep their member order. Read from the generator's own
/// output (manifest and policy files), written indented with two spaces and LF line ends.
/// </summary>
/// <remarks>
/// The task targets netstandard2.0 and loads in any MSBuild host, so it carries this small reader and writer instead of
/// depending on a JSON library the host may not have.
/// </remarks>
internal abstract class JsonValue
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> with the position on malformed input.</summary>
    public static JsonValue Parse(string text)
    {
        int position = 0;
        var value = ParseValue(text, ref position, 0);
        SkipWhitespace(text, ref position);
        if (position != text.Length) throw Error(text, position, "text after the JSON value");
        return value;
    }

    /// <summary>The value as indented JSON text.</summary>
    public string ToIndentedString()
    {
        var sb = new StringBuilder();
        Write(sb, 0);
        return sb.ToString();
    }

    /// <summary>The value as JSON text on one line, without whitespace.</summary>
    public string ToCompactString()
    {
        var sb = new StringBuilder();
        WriteCompact(sb);
        return sb.ToString();
    }

    internal abstract void Write(StringBuilder sb, int indent);

    internal abstract void WriteCompact(StringBuilder sb);

    private const int MaxDepth = 64;

    private static JsonValue ParseValue(string text, ref int position, int depth)
    {
        if (depth > MaxDepth) throw Error(text, position, "nesting deeper than 64 levels");
        SkipWhitespace(text, ref position);
        if (position >= text.Length) throw Error(text, position, "unexpected end of the text");
        char c = text[position];
        switch (c)
        {
            case '{':
            {
                position++;
                var obj = new JsonObject();
                SkipWhitespace(text, ref position);
                if (position < text.Length && text[position] == '}')
                {
                    position++;
                    return obj;
                }
                while (true)
                {
                    SkipWhitespace(text, ref position);
                    if (position >= text.Length || text[position] != '"') throw Error(text, position, "a member name in quotes expected");
                    string name = ParseString(text, ref position);
                    SkipWhitespace(text, ref position);
                    if (position >= text.Length || text[position] != ':') throw Error(text, position, "':' expected");
                    position++;
                    obj.Add(name, ParseValue(text, ref position, depth + 1));
                    SkipWhitespace(text, ref position);
                    if (position < text.Length && text[position] == ',') { position++; continue; }
                    if (position < text.Length && text[position] == '}') { position++; return obj; }
                    throw Error(text, position, "',' or '}' expected");
                }
            }
            case '[':
            {
                position++;
                var array = new JsonArray();
                SkipWhitespace(text, ref position);
                if (position < text.Length && text[position] == ']')
                {
                    position++;
                    return array;
                }
                while (true)
                {
                    array.Items.Add(ParseValue(text, ref position, depth + 1));
                    SkipWhitespace(text, ref position);
                    if (position < text.Length && text[position] == ',') { position++; continue; }
                    if (position < text.Length && text[position] == ']') { position++; return array; }
                    throw Error(text, position, "',' or ']' expected");
                }
            }
            case '"':
                return new JsonString(ParseString(text, ref position));
            case 't' when string.CompareOrdinal(text, position, "true", 0, 4) == 0:
                position += 4;
                return new JsonLiteral("true");
            case 'f' when string.CompareOrdinal(text, position, "false", 0, 5) == 0:
                position += 5;
                return new JsonLiteral("false");
            case 'n' when string.CompareOrdinal(text, position, "null", 0, 4) == 0:
                position += 4;
                return new JsonLiteral("null");
            default:
            {
                int start = position;
                while (position < text.Length && (char.IsDigit(text[position]) || text[position] is '-' or '+' or '.' or 'e' or 'E')) position++;
                if (position == start || !double.TryParse(text.Substring(start, position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    throw Error(text, start, "a JSON value expected");
                }
                return new JsonLiteral(text.Substring(start, position - start));
            }
        }
    }

    private static string ParseString(string text, ref int position)
    {
        int start = position;
        position++;
        var sb = new StringBuilder();
        while (position < text.Length)
        {
            char c = text[position++];
            if (c == '"') return sb.ToString();
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            if (position >= text.Length) break;
            char e = text[position++];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u' when position + 4 <= text.Length
                    && int.TryParse(text.Substring(position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code):
                    sb.Append((char)code);
                    position += 4;
                    break;
                default: throw Error(text, position - 1, "an invalid escape");
            }
        }
        throw Error(text, start, "a string without its closing quote");
    }

    private static void SkipWhitespace(string text, ref int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t' or '\n' or '\r') position++;
    }

    private static FormatException Error(string text, int position, string what)
    {
        int line = 1, column = 1;
        for (int i = 0; i < position && i < text.Length; i++)
        {
            if (text[i] == '\n') { line++; column = 1; }
            else column++;
        }
        return new FormatException($"{what} at line {line}, column {column}");
    }

    internal static void WriteString(StringBuilder sb, string value) => PolicyAsCode.JsonString.Append(sb, value);
}

/// <summary>A JSON object; members in the order they were added.</summary>
internal sealed class JsonObject : JsonValue
{
    public List<KeyValuePair<string, JsonValue>> Members { get; } = [];

    public JsonObject Add(string name, JsonValue value)
    {
        Members.Add(new KeyValuePair<string, JsonValue>(name, value));
        return this;
    }

    public JsonObject Add(string name, string value) => Add(name, new JsonString(value));

    public JsonValue? this[string name] => Members.FirstOrDefault(m => m.Key == name).Value;

    public string? String(string name) => this[name] is JsonString s ? s.Value : null;

    public IEnumerable<JsonValue> Array(string name) => this[name] is JsonArray a ? a.Items : [];

    internal override void Write(StringBuilder sb, int indent)
    {
        if (Members.Count == 0)
        {
            sb.Append("{}");
            return;
        }
        sb.Append("{\n");
        for (int i = 0; i < Members.Count; i++)
        {
            sb.Append(' ', (indent + 1) * 2);
            WriteString(sb, Members[i].Key);
            sb.Append(": ");
            Members[i].Value.Write(sb, indent + 1);
            sb.Append(i < Members.Count - 1 ? ",\n" : "\n");
        }
        sb.Append(' ', indent * 2).Append('}');
    }

    internal override void WriteCompact(StringBuilder sb)
    {
        sb.Append('{');
        for (int i = 0; i < Members.Count; i++)
        {
            if (i > 0) sb.Append(',');
            WriteString(sb, Members[i].Key);
            sb.Append(':');
            Members[i].Value.WriteCompact(sb);
        }
        sb.Append('}');
    }
}

/// <summary>A JSON array.</summary>
internal sealed class JsonArray : JsonValue
{
    public JsonArray(params JsonValue[] items) => Items.AddRange(items);

    public List<JsonValue> Items { get; } = [];

    internal override void Write(StringBuilder sb, int indent)
    {
        if (Items.Count == 0)
        {
            sb.Append("[]");
            return;
        }
        sb.Append("[\n");
        for (int i = 0; i < Items.Count; i++)
        {
            sb.Append(' ', (indent + 1) * 2);
            Items[i].Write(sb, indent + 1);
            sb.Append(i < Items.Count - 1 ? ",\n" : "\n");
        }
        sb.Append(' ', indent * 2).Append(']');
    }

    internal override void WriteCompact(StringBuilder sb)
    {
        sb.Append('[');
        for (int i = 0; i < Items.Count; i++)
        {
            if (i > 0) sb.Append(',');
            Items[i].WriteCompact(sb);
        }
        sb.Append(']');
    }
}

/// <summary>A JSON string.</summary>
internal sealed class JsonString(string value) : JsonValue
{
    public string Value { get; } = value;

    internal override void Write(StringBuilder sb, int indent) => WriteString(sb, Value);

    internal override void WriteCompact(StringBuilder sb) => WriteString(sb, Value);
}

/// <summary>A number, <c>true</c>, <c>false</c> or <c>null</c>, kept as its JSON text.</summary>
internal sealed class JsonLiteral(string text) : JsonValue
{
    public string Text { get; } = text;

    internal override void Write(StringBuilder sb, int indent) => sb.Append(Text);

    internal override void WriteCompact(StringBuilder sb) => sb.Append(Text);
}
