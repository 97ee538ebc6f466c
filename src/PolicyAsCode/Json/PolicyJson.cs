using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PolicyAsCode.Json;

/// <summary>
/// Reads IAM policy documents from JSON, accepting what AWS accepts and rejecting what AWS rejects, and writes them in the
/// canonical format of <see cref="CanonicalJsonWriter"/>.
/// </summary>
public static class PolicyJson
{
    /// <summary>The largest document read, in bytes. AWS's own quotas are far smaller (a few KB to tens of KB).</summary>
    public const int MaxDocumentBytes = 1024 * 1024;

    /// <summary>Reads a policy document.</summary>
    /// <exception cref="PolicyParseException">The text is not a valid policy; the message names the path, line and column.</exception>
    public static PolicyDocument Parse(string json) => Parse(Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))));

    /// <summary>Reads a policy document from UTF-8 bytes (a leading byte order mark is skipped).</summary>
    /// <exception cref="PolicyParseException">The bytes are not a valid policy; the message names the path, line and column.</exception>
    public static PolicyDocument Parse(ReadOnlySpan<byte> utf8Json) => Parse(utf8Json, null);

    private static PolicyDocument Parse(ReadOnlySpan<byte> utf8Json, Dictionary<string, long>? positions)
    {
        utf8Json = WithoutByteOrderMark(utf8Json);
        if (utf8Json.Length > MaxDocumentBytes)
        {
            throw new PolicyParseException(
                string.Create(CultureInfo.InvariantCulture,
                    $"the document is {utf8Json.Length:N0} bytes; the largest accepted is {MaxDocumentBytes:N0} bytes (AWS quotas for policies are a few KB)"),
                "$", 1, 1);
        }
        return PolicyReader.Read(utf8Json, positions);
    }

    /// <summary>Reads a policy document and where each of its elements is, for reporting findings at a line and column.</summary>
    /// <exception cref="PolicyParseException">The bytes are not a valid policy.</exception>
    public static PolicyDocument Parse(byte[] utf8Json, out PolicySourceMap sourceMap)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var positions = new Dictionary<string, long>(StringComparer.Ordinal);
        var text = WithoutByteOrderMark(utf8Json);
        var document = Parse(text, positions);
        sourceMap = new PolicySourceMap(text.Length == utf8Json.Length ? utf8Json : text.ToArray(), positions);
        return document;
    }

    /// <summary>The text after a leading UTF-8 byte order mark, if there is one; positions are counted from there.</summary>
    private static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> utf8Json)
        => utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? utf8Json[3..] : utf8Json;

    /// <summary>Reads a policy document, returning false and the error instead of throwing.</summary>
    public static bool TryParse(string json, out PolicyDocument? document, out PolicyParseException? error)
    {
        try
        {
            document = Parse(json);
            error = null;
            return true;
        }
        catch (PolicyParseException e)
        {
            document = null;
            error = e;
            return false;
        }
    }

    /// <summary>Writes a document in the canonical indented format.</summary>
    public static string Write(PolicyDocument document) => CanonicalJsonWriter.Write(document, indented: true);

    /// <summary>Writes a document in the canonical format, indented or minified.</summary>
    public static string Write(PolicyDocument document, bool indented) => CanonicalJsonWriter.Write(document, indented);
}
