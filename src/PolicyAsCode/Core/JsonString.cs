using System.Globalization;
using System.Text;

namespace PolicyAsCode;

/// <summary>
/// The one escaping of JSON strings: quotes, backslashes and control characters, nothing else, so the text stays as
/// readable as it was written. Depends on nothing, so that the build task (a separate netstandard2.0 assembly that writes
/// the deployment templates) links this file alone; the runtime, the CLI and the generator reach it through
/// <see cref="CanonicalJsonWriter.AppendString"/>.
/// </summary>
internal static class JsonString
{
    /// <summary>Appends a JSON string literal (with quotes) for <paramref name="value"/>.</summary>
    public static void Append(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
    }
}
