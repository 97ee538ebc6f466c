using System.Globalization;
using System.Text;
using PolicyAsCode.Json;

namespace PolicyAsCode.Tests.Json;

/// <summary>
/// Malformed JSON, hostile input and positions. IAM accepts only well-formed JSON (RFC 8259; reference_policies_grammar:
/// "IAM identifies JSON syntax errors"): no comments, no trailing commas, one value per document.
/// </summary>
public sealed class PolicyReaderJsonSyntaxTests
{
    private const string Valid = """
        {
          "Version": "2012-10-17",
          "Statement": {
            "Effect": "Allow",
            "Action": "s3:GetObject"
          }
        }
        """;

    private const string TrailingContent =
        "invalid JSON: there is more text after the end of the policy document; a policy is a single JSON object";

    private const string InvalidUnicode =
        "invalid JSON: the string is not valid Unicode text (invalid UTF-8, or an unpaired surrogate escape such as \\ud800)";

    [Fact]
    public void Grammar_MissingColon_IsReportedWhereItHappens()
    {
        ParseAssert.RejectsInvalidJson(Valid.Replace("\"Statement\":", "\"Statement\""), 3, 15, "Expected a ':'");
    }

    [Fact]
    public void Grammar_MissingComma_IsReportedAtTheNextElement()
    {
        ParseAssert.RejectsInvalidJson(Valid.Replace("\"2012-10-17\",", "\"2012-10-17\""), 3, 3, "Expected either ','");
    }

    [Fact]
    public void Grammar_TrailingCommaInAnObject_IsRejected()
    {
        ParseAssert.RejectsInvalidJson(Valid.Replace("\"s3:GetObject\"", "\"s3:GetObject\","), 6, 3, "trailing comma");
    }

    [Fact]
    public void Grammar_TrailingCommaInAnArray_IsRejected()
    {
        ParseAssert.RejectsInvalidJson(Valid.Replace("\"s3:GetObject\"", "[\"s3:GetObject\",]"), 5, 31, "trailing comma");
    }

    [Theory]
    [InlineData("{'Version': '2012-10-17'}")]
    [InlineData("{Version: \"2012-10-17\"}")]
    public void Grammar_PropertyNamesAreDoubleQuoted(string json)
    {
        ParseAssert.RejectsInvalidJson(json, 1, 2, "invalid start of a property name");
    }

    [Fact]
    public void Grammar_UnterminatedString_IsReportedAtTheEnd()
    {
        ParseAssert.RejectsInvalidJson("{\"Version\": \"2012-10-17", 1, 24, "end of data");
    }

    [Fact]
    public void Grammar_TruncatedDocument_IsReportedAsUnclosedNotAsTooDeep()
    {
        var e = ParseAssert.RejectsInvalidJson("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {", 3, 17, "should be closed");

        Assert.DoesNotContain("deep", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Grammar_RawControlCharacterInAString_IsRejected()
    {
        ParseAssert.RejectsInvalidJson("{\"Id\": \"a\tb\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}", 1, 10, "invalid within a JSON string");
    }

    [Fact]
    public void Grammar_InvalidEscape_IsRejected()
    {
        ParseAssert.RejectsInvalidJson("{\"Id\": \"\\x41\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}", 1, 10, "invalid escapable character");
    }

    [Theory]
    [InlineData("NaN", "invalid start of a value")]
    [InlineData("Infinity", "invalid start of a value")]
    [InlineData("True", "invalid start of a value")]
    [InlineData("01", "leading zero")]
    [InlineData("1.", "decimal point")]
    [InlineData("+1", "invalid start of a value")]
    public void Grammar_ConditionValuesAreJsonLiterals(string value, string fragment)
    {
        string json = "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Condition\": {\"NumericEquals\": {\"k\": " + value + "}}}}";

        var e = ParseAssert.Rejects(json);

        Assert.StartsWith("invalid JSON: ", e.Problem, StringComparison.Ordinal);
        Assert.Contains(fragment, e.Problem, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, e.Line);
        Assert.InRange(e.Column, 87, 87 + value.Length);
    }

    [Theory]
    [InlineData("// policy\n" + Valid, 1, 1)]
    [InlineData("/* policy */" + Valid, 1, 1)]
    [InlineData("{\n  // version\n  \"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}", 2, 3)]
    [InlineData("{\"Statement\": {\"Effect\": /* allow */ \"Allow\", \"Action\": \"*\"}}", 1, 26)]
    public void Grammar_CommentsAreNotJson(string json, int line, int column)
    {
        ParseAssert.RejectsInvalidJson(json, line, column, "'/'");
    }

    [Theory]
    [InlineData(Valid + " x", 7, 3)]
    [InlineData(Valid + "\n// done", 8, 1)]
    [InlineData(Valid + "/* done */", 7, 2)]
    [InlineData(Valid + ",", 7, 2)]
    [InlineData(Valid + "}", 7, 2)]
    [InlineData(Valid + "\n\n" + Valid, 9, 1)]
    [InlineData("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}{}", 1, 50)]
    [InlineData("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}} \r\n\t null", 2, 3)]
    public void Grammar_TextAfterTheDocument_IsRejected(string json, int line, int column)
    {
        ParseAssert.Rejects(json, "$", line, column, TrailingContent);
    }

    [Fact]
    public void Grammar_WhitespaceAfterTheDocument_IsAccepted()
    {
        Assert.Equal(ParseAssert.Accepts(Valid), ParseAssert.Accepts(Valid + " \r\n\t\n"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t\n")]
    [InlineData("\uFEFF")]
    public void ElementsStatement_EmptyDocument_IsRejected(string json)
    {
        ParseAssert.Rejects(json, "$", 1, 1, "the document is empty; a policy is a JSON object with Version and Statement");
    }

    [Fact]
    public void Parse_NullString_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => PolicyJson.Parse((string)null!));
    }

    /// <summary>Parses on a thread with a small stack, so recursion per nesting level would overflow it.</summary>
    private static PolicyParseException RejectsOnSmallStack(string json)
    {
        PolicyParseException? error = null;
        Exception? unexpected = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    PolicyJson.Parse(json);
                }
                catch (PolicyParseException e)
                {
                    error = e;
                }
                catch (Exception e)
                {
                    unexpected = e;
                }
            },
            maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(unexpected);
        return Assert.IsType<PolicyParseException>(error);
    }

    private static string Nest(string open, string close, int depth, string inner = "") =>
        string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));

    [Fact]
    public void Grammar_TenThousandNestedArrays_AreAClearErrorWithoutStackOverflow()
    {
        var e = RejectsOnSmallStack(Nest("[", "]", 10_000));

        Assert.Equal("a policy document must be a JSON object, e.g. {\"Version\": \"2012-10-17\", \"Statement\": [...]}", e.Problem);
        ParseAssert.AssertLocation(e, "$", 1, 1);
    }

    [Fact]
    public void Grammar_TenThousandUnclosedArrays_AreAClearError()
    {
        var e = RejectsOnSmallStack(new string('[', 10_000));

        ParseAssert.AssertLocation(e, "$", 1, 1);
    }

    [Fact]
    public void Grammar_DeepNestingInsideAPolicy_StopsAtTheFirstWrongValue()
    {
        var inStatement = RejectsOnSmallStack("{\"Statement\": " + Nest("[", "]", 10_000) + "}");
        Assert.Equal("a statement must be a JSON object, not an array", inStatement.Problem);
        ParseAssert.AssertLocation(inStatement, "$.Statement[0]", 1, 16);

        var inCondition = RejectsOnSmallStack(
            "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Condition\": {\"StringEquals\": {\"k\": " + Nest("[", "]", 10_000) + "}}}}");
        Assert.Equal("a condition value must be a string, number or boolean, not an array", inCondition.Problem);
        ParseAssert.AssertLocation(inCondition, "$.Statement.Condition.StringEquals.k[0]", 1, 87);

        var objects = RejectsOnSmallStack(Nest("{\"a\": ", "}", 10_000, "1"));
        Assert.Equal("'a' is not an element here; a policy document has the elements Version, Id and Statement", objects.Problem);
        ParseAssert.AssertLocation(objects, "$.a", 1, 2);
    }

    /// <summary>A valid minified document in canonical form of exactly <paramref name="bytes"/> UTF-8 bytes, padded in its Id.</summary>
    private static string DocumentOfSize(int bytes, char padding = 'x')
    {
        const string Prefix = "{\"Id\":\"";
        const string Suffix = "\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\"]}]}";
        int paddingBytes = Encoding.UTF8.GetByteCount(padding.ToString());
        return Prefix + new string(padding, (bytes - Prefix.Length - Suffix.Length) / paddingBytes) + Suffix;
    }

    [Fact]
    public void PolicyJson_DocumentLargerThanMaxDocumentBytes_IsAClearError()
    {
        ParseAssert.Rejects(DocumentOfSize(PolicyJson.MaxDocumentBytes + 1), "$", 1, 1,
            "the document is 1,048,577 bytes without whitespace; the largest accepted is 1,048,576 bytes (AWS quotas for policies are a few KB)");
    }

    [Fact]
    public void PolicyJson_SizeErrorDoesNotDependOnTheCurrentCulture()
    {
        var dotGrouping = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        dotGrouping.NumberFormat.NumberGroupSeparator = ".";
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = dotGrouping;
            var e = ParseAssert.Rejects(DocumentOfSize(PolicyJson.MaxDocumentBytes + 1));
            Assert.StartsWith("the document is 1,048,577 bytes without whitespace; the largest accepted is 1,048,576 bytes", e.Problem, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void PolicyJson_SizeLimitCountsUtf8BytesNotCharacters()
    {
        string json = DocumentOfSize(PolicyJson.MaxDocumentBytes + 2, 'é');

        Assert.True(json.Length < PolicyJson.MaxDocumentBytes);
        ParseAssert.Rejects(json, "$", 1, 1,
            "the document is 1,048,578 bytes without whitespace; the largest accepted is 1,048,576 bytes (AWS quotas for policies are a few KB)");
    }

    [Fact]
    public void PolicyJson_DocumentOfExactlyMaxDocumentBytes_IsAccepted()
    {
        string json = DocumentOfSize(PolicyJson.MaxDocumentBytes);

        Assert.Equal(PolicyJson.MaxDocumentBytes, Encoding.UTF8.GetByteCount(json));
        Assert.Equal(PolicyJson.MaxDocumentBytes - 60, ParseAssert.Accepts(json).Id!.Length);
        Assert.NotNull(ParseAssert.Accepts("\uFEFF" + json));
    }

    // The promise Parse(Write(d)) == d: whitespace is not counted, so the indented rewrite of a document at the limit
    // (here over a megabyte of text) is accepted and equal.
    [Fact]
    public void PolicyJson_IndentedRewriteOfADocumentAtTheLimit_ParsesToTheSameDocument()
    {
        var values = Enumerable.Range(0, 50_000).Select(i => $"\"arn:aws:s3:::b/{i % 10}\"");
        string minified = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":[" + string.Join(",", values) + "]}]}";
        string padded = minified[..^4] + ",\"" + "arn:aws:s3:::" + new string('x', PolicyJson.MaxDocumentBytes - Encoding.UTF8.GetByteCount(minified) - 16) + "\"]}]}";
        Assert.Equal(PolicyJson.MaxDocumentBytes, Encoding.UTF8.GetByteCount(padded));
        var document = ParseAssert.Accepts(padded);
        string indented = PolicyJson.Write(document);
        Assert.True(Encoding.UTF8.GetByteCount(indented) > PolicyJson.MaxDocumentBytes);
        Assert.Equal(document, PolicyJson.Parse(indented));
    }

    // Numbers and booleans are quoted in the canonical form, so a document whose rewrite would be over the limit is
    // refused when read, not when its rewrite is read back.
    [Fact]
    public void PolicyJson_DocumentWhoseCanonicalFormIsOverTheLimit_IsAClearError()
    {
        string values = string.Join(",", Enumerable.Repeat("1", 400_000));
        string json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"NumericEquals\":{\"s3:max-keys\":[" + values + "]}}}]}";
        Assert.True(Encoding.UTF8.GetByteCount(json) < PolicyJson.MaxDocumentBytes);
        var e = ParseAssert.Rejects(json);
        Assert.StartsWith("the document is 1,600,1", e.Problem, StringComparison.Ordinal);
        Assert.Contains("bytes in canonical form", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Grammar_LeadingByteOrderMark_IsSkipped()
    {
        var expected = ParseAssert.Accepts(Valid);

        Assert.Equal(expected, ParseAssert.Accepts("\uFEFF" + Valid));
        Assert.Equal(expected, PolicyJson.Parse([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Valid)]));
    }

    [Fact]
    public void Grammar_ErrorsAfterAByteOrderMark_CountColumnsFromTheFirstVisibleCharacter()
    {
        ParseAssert.Rejects("\uFEFF{\"Statement\": {\"effect\": \"Allow\"}}", "$.Statement.effect", 1, 16,
            "'effect' is not an element; element names are case-sensitive: did you mean 'Effect'?");
        ParseAssert.RejectsInvalidJson("\uFEFF{\"Version\" \"2012-10-17\"}", 1, 12, "Expected a ':'");
    }

    [Theory]
    [InlineData(" \uFEFF{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}", 1, 2)]
    [InlineData("\uFEFF\uFEFF{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}", 1, 1)]
    public void Grammar_ByteOrderMarkAnywhereButTheStart_IsRejected(string json, int line, int column)
    {
        var e = ParseAssert.Rejects(json);

        Assert.StartsWith("invalid JSON: ", e.Problem, StringComparison.Ordinal);
        ParseAssert.AssertLocation(e, "$", line, column);
    }

    [Fact]
    public void Position_ColumnsCountCharactersNotBytesOnNonAsciiLines()
    {
        // "Café ünïcödé – 日本" is 17 characters but 28 UTF-8 bytes.
        const string Id = "{\"Id\": \"Café ünïcödé – 日本\", ";

        ParseAssert.Rejects(Id + "\"Bogus\": 1, \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}", "$.Bogus", 1, 29,
            "'Bogus' is not an element here; a policy document has the elements Version, Id and Statement");
        ParseAssert.RejectsInvalidJson(Id.TrimEnd(',', ' ') + " \"Statement\": {}}", 1, 28, "Expected either ','");
    }

    [Fact]
    public void Position_NonAsciiOnEarlierLines_DoesNotShiftLaterColumns()
    {
        string json = "{\n  \"Id\": \"日本語のポリシー\",\n  \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"bücket\"}\n}";

        ParseAssert.Rejects(json, "$.Statement.Resource", 3, 66,
            "the resource 'bücket' must be an ARN (arn:partition:service:region:account-id:resource) or \"*\"");
    }

    [Fact]
    public void Position_CrLfLineEnds_CountLinesOnceAndColumnsFromTheLineStart()
    {
        string json = "{\r\n  \"Version\": \"2012-10-17\",\r\n  \"Statement\": {\r\n    \"Effect\": \"allow\",\r\n    \"Action\": \"*\"\r\n  }\r\n}\r\n";

        ParseAssert.Rejects(json, "$.Statement.Effect", 4, 15, "Effect 'allow' is not valid; it must be \"Allow\" or \"Deny\" (case-sensitive)");
        ParseAssert.RejectsInvalidJson(json.Replace("allow", "Allow").Replace("\"*\"", "*"), 5, 15, "'*' is an invalid start of a value");
    }

    [Fact]
    public void Position_TabsCountAsOneColumn()
    {
        ParseAssert.Rejects("{\n\t\"Statement\": {\n\t\t\"effect\": \"Allow\"\n\t}\n}", "$.Statement.effect", 3, 3,
            "'effect' is not an element; element names are case-sensitive: did you mean 'Effect'?");
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public void Grammar_InvalidUtf8InAString_IsAParseError(byte[] invalid)
    {
        byte[] json = [.. "{\"Id\": \"a"u8, .. invalid, .. "\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}"u8];

        var e = Assert.Throws<PolicyParseException>(() => PolicyJson.Parse(json));

        Assert.Equal(InvalidUnicode, e.Problem);
        ParseAssert.AssertLocation(e, "$.Id", 1, 8);
    }

    [Fact]
    public void Grammar_InvalidUtf8InAnElementName_IsAParseError()
    {
        byte[] json = [.. "{\"Statement\": {\"Eff"u8, 0xFF, .. "ect\": \"Allow\", \"Action\": \"*\"}}"u8];

        var e = Assert.Throws<PolicyParseException>(() => PolicyJson.Parse(json));

        Assert.Equal(InvalidUnicode, e.Problem);
        ParseAssert.AssertLocation(e, "$.Statement", 1, 16);
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("s3:Get\\udc00")]
    [InlineData("\\ud83d\\u0041")]
    public void Grammar_UnpairedSurrogateEscape_IsAParseError(string action)
    {
        ParseAssert.Rejects("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"" + action + "\"}}", "$.Statement.Action", 1, 45, InvalidUnicode);
    }

    [Fact]
    public void Grammar_PairedSurrogateEscape_IsOneCharacter()
    {
        var document = ParseAssert.Accepts("{\"Id\": \"\\ud83d\\ude00\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}");

        Assert.Equal("😀", document.Id);
    }
}
