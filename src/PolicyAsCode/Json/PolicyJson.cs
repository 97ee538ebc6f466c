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
    /// <summary>
    /// The largest document read, in UTF-8 bytes of content: whitespace between tokens is not counted, so the indented
    /// form of an accepted document (<see cref="Write(PolicyDocument)"/>) is accepted too. The canonical form of the
    /// document must also fit, so that <c>Parse(Write(d))</c> holds for every document <see cref="Parse(string)"/>
    /// returns. AWS's own quotas are far smaller (a few KB to tens of KB).
    /// </summary>
    public const int MaxDocumentBytes = 1024 * 1024;

    /// <summary>The largest text read at all, whitespace included: a guard that keeps the content count cheap.</summary>
    public const int MaxTextBytes = 16 * MaxDocumentBytes;

    /// <summary>Reads a policy document.</summary>
    /// <exception cref="PolicyParseException">The text is not a valid policy; the message names the path, line and column.</exception>
    public static PolicyDocument Parse(string json) => Parse(Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))));

    /// <summary>Reads a policy document from UTF-8 bytes (a leading byte order mark is skipped).</summary>
    /// <exception cref="PolicyParseException">The bytes are not a valid policy; the message names the path, line and column.</exception>
    public static PolicyDocument Parse(ReadOnlySpan<byte> utf8Json) => Parse(utf8Json, null);

    private static PolicyDocument Parse(ReadOnlySpan<byte> utf8Json, Dictionary<string, long>? positions)
    {
        utf8Json = WithoutByteOrderMark(utf8Json);
        if (utf8Json.Length > MaxTextBytes)
        {
            throw TooLarge($"the document is {utf8Json.Length:N0} bytes; the largest accepted is {MaxTextBytes:N0} bytes, whitespace included (AWS quotas for policies are a few KB)");
        }
        int content = ContentBytes(utf8Json);
        if (content > MaxDocumentBytes)
        {
            throw TooLarge($"the document is {content:N0} bytes without whitespace; the largest accepted is {MaxDocumentBytes:N0} bytes (AWS quotas for policies are a few KB)");
        }
        var document = PolicyReader.Read(utf8Json, positions);
        // The canonical form quotes numbers and booleans and writes a single statement or value as an array, so it can be
        // up to three times the content (a value 1, becomes "1",); only then can it exceed the limit.
        if (content > MaxDocumentBytes / 3)
        {
            int canonical = Encoding.UTF8.GetByteCount(CanonicalJsonWriter.Write(document, indented: false));
            if (canonical > MaxDocumentBytes)
            {
                throw TooLarge($"the document is {canonical:N0} bytes in canonical form (numbers and booleans quoted, single values as arrays); the largest accepted is {MaxDocumentBytes:N0} bytes (AWS quotas for policies are a few KB)");
            }
        }
        return document;
    }

    private static PolicyParseException TooLarge(FormattableString message)
        => new(message.ToString(CultureInfo.InvariantCulture), "$", 1, 1);

    /// <summary>The bytes of the text other than whitespace between tokens (RFC 8259: space, tab, line feed, carriage return).</summary>
    internal static int ContentBytes(ReadOnlySpan<byte> utf8Json)
    {
        int count = 0;
        bool inString = false, escaped = false;
        foreach (byte b in utf8Json)
        {
            if (inString)
            {
                count++;
                if (escaped) escaped = false;
                else if (b == (byte)'\\') escaped = true;
                else if (b == (byte)'"') inString = false;
            }
            else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r'))
            {
                count++;
                if (b == (byte)'"') inString = true;
            }
        }
        return count;
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
