using System.Text;
using PolicyAsCode.Json;

namespace PolicyAsCode.Tests.Json;

/// <summary>
/// The canonical format written by <see cref="CanonicalJsonWriter"/> (and so by <see cref="PolicyJson.Write(PolicyDocument)"/>,
/// the CLI and the generator): fixed element order, string-or-array by count, two-space indentation with LF, a minified
/// form without whitespace, and JSON escaping of only what RFC 8259 requires.
/// </summary>
public sealed class CanonicalJsonWriterTests
{
    private static PolicyDocument ReadMyBucket() => new(
        new Statement(Effect.Allow, ActionElement.Of("s3:ListBucket")) { Resource = ResourceElement.Of("arn:aws:s3:::my-bucket") },
        new Statement(Effect.Allow, ActionElement.Of("s3:GetObject")) { Resource = ResourceElement.Of("arn:aws:s3:::my-bucket/*") });

    private static ConditionOperator Op(string name) => ConditionOperator.Parse(name);

    [Fact]
    public void Write_ReadMyBucket_Indented()
    {
        Assert.Equal("""
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Action": "s3:ListBucket",
                  "Resource": "arn:aws:s3:::my-bucket"
                },
                {
                  "Effect": "Allow",
                  "Action": "s3:GetObject",
                  "Resource": "arn:aws:s3:::my-bucket/*"
                }
              ]
            }

            """, PolicyJson.Write(ReadMyBucket()));
    }

    [Fact]
    public void Write_ReadMyBucket_Minified()
    {
        Assert.Equal(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::my-bucket"},{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*"}]}""",
            PolicyJson.Write(ReadMyBucket(), indented: false));
    }

    [Fact]
    public void Write_EveryElement_InCanonicalOrder()
    {
        // Built in an order unlike the canonical one: principal types Service before AWS, conditions interleaved.
        var document = new PolicyDocument(PolicyDocument.Version2012, "policy-1", EquatableArray.Create(
            new Statement(Effect.Deny, ActionElement.Of("s3:DeleteObject", "s3:PutObject"))
            {
                Conditions = EquatableArray.Create(
                    new Condition(Op("StringNotEquals"), "aws:PrincipalOrgID", EquatableArray.Create("o-1234567890")),
                    new Condition(Op("Bool"), "aws:SecureTransport", EquatableArray.Create("false")),
                    new Condition(Op("StringNotEquals"), "aws:SourceVpce", EquatableArray.Create("vpce-1", "vpce-2"))),
                Resource = ResourceElement.Of("arn:aws:s3:::my-bucket/*"),
                Principal = PrincipalElement.Of(
                    new PrincipalId(PrincipalType.Service, "cloudtrail.amazonaws.com"),
                    new PrincipalId(PrincipalType.Aws, "arn:aws:iam::123456789012:root"),
                    new PrincipalId(PrincipalType.Aws, "arn:aws:iam::123456789012:role/Admin")),
                Sid = "DenyWrites",
            }));

        Assert.Equal("""
            {
              "Version": "2012-10-17",
              "Id": "policy-1",
              "Statement": [
                {
                  "Sid": "DenyWrites",
                  "Effect": "Deny",
                  "Principal": {
                    "AWS": [
                      "arn:aws:iam::123456789012:root",
                      "arn:aws:iam::123456789012:role/Admin"
                    ],
                    "Service": "cloudtrail.amazonaws.com"
                  },
                  "Action": [
                    "s3:DeleteObject",
                    "s3:PutObject"
                  ],
                  "Resource": "arn:aws:s3:::my-bucket/*",
                  "Condition": {
                    "StringNotEquals": {
                      "aws:PrincipalOrgID": "o-1234567890",
                      "aws:SourceVpce": [
                        "vpce-1",
                        "vpce-2"
                      ]
                    },
                    "Bool": {
                      "aws:SecureTransport": "false"
                    }
                  }
                }
              ]
            }

            """, PolicyJson.Write(document));
    }

    [Fact]
    public void Write_TrustPolicy_HasNoResource()
    {
        var document = new PolicyDocument(
            new Statement(Effect.Allow, ActionElement.Of("sts:AssumeRole"))
            {
                Principal = PrincipalElement.Of(new PrincipalId(PrincipalType.Service, "lambda.amazonaws.com")),
                Conditions = EquatableArray.Create(new Condition(Op("StringEquals"), "aws:SourceAccount", EquatableArray.Create("123456789012"))),
            });

        Assert.Equal(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}}]}""",
            PolicyJson.Write(document, indented: false));
    }

    [Fact]
    public void Write_NotElements_UseTheirOwnNames()
    {
        var document = new PolicyDocument(null, null, EquatableArray.Create(
            new Statement(Effect.Deny, ActionElement.Except("iam:*"))
            {
                Principal = new PrincipalElement(isNot: true, isWildcard: false, EquatableArray.Create(new PrincipalId(PrincipalType.Aws, "arn:aws:iam::444455556666:root"))),
                Resource = ResourceElement.Except("arn:aws:s3:::HRBucket/Payroll", "arn:aws:s3:::HRBucket/Payroll/*"),
            },
            new Statement(Effect.Allow, ActionElement.Of("*")) { Principal = PrincipalElement.Everyone, Resource = ResourceElement.Of("*") }));

        Assert.Equal(
            """{"Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::444455556666:root"},"NotAction":"iam:*","NotResource":["arn:aws:s3:::HRBucket/Payroll","arn:aws:s3:::HRBucket/Payroll/*"]},{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}""",
            PolicyJson.Write(document, indented: false));
    }

    [Fact]
    public void Write_StatementIsAlwaysAnArray_AndSingleValuesAreStrings()
    {
        var document = ParseAssert.Accepts("""{"Statement": {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["*"], "Condition": {"Bool": {"aws:SecureTransport": [true]}}}}""");

        Assert.Equal(
            """{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}""",
            PolicyJson.Write(document, indented: false));
    }

    [Fact]
    public void Write_IdWithoutVersion_ComesFirst()
    {
        var document = new PolicyDocument(null, "only-id", EquatableArray.Create(new Statement(Effect.Allow, ActionElement.Of("sqs:*"))));

        Assert.Equal("""{"Id":"only-id","Statement":[{"Effect":"Allow","Action":"sqs:*"}]}""", PolicyJson.Write(document, indented: false));
    }

    [Fact]
    public void Write_Version2008_IsWrittenAsIs()
    {
        var document = new PolicyDocument(PolicyDocument.Version2008, null, EquatableArray.Create(new Statement(Effect.Allow, ActionElement.Of("sqs:*"))));

        Assert.StartsWith("""{"Version":"2008-10-17","Statement":""", PolicyJson.Write(document, indented: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ConditionsAreGroupedByOperatorInOrderOfFirstAppearance()
    {
        var statement = new Statement(Effect.Allow, ActionElement.Of("s3:*"))
        {
            Conditions = EquatableArray.Create(
                new Condition(Op("StringLike"), "s3:prefix", EquatableArray.Create("home/")),
                new Condition(Op("NumericLessThan"), "s3:max-keys", EquatableArray.Create("10")),
                new Condition(Op("StringLike"), "aws:userid", EquatableArray.Create("AIDA*")),
                new Condition(Op("ForAnyValue:StringEquals"), "aws:TagKeys", EquatableArray.Create("team", "env"))),
        };

        Assert.Equal(
            """{"Statement":[{"Effect":"Allow","Action":"s3:*","Condition":{"StringLike":{"s3:prefix":"home/","aws:userid":"AIDA*"},"NumericLessThan":{"s3:max-keys":"10"},"ForAnyValue:StringEquals":{"aws:TagKeys":["team","env"]}}}]}""",
            PolicyJson.Write(new PolicyDocument(null, null, EquatableArray.Create(statement)), indented: false));
    }

    [Theory]
    [InlineData("\"", "\\\"")]
    [InlineData("\\", "\\\\")]
    [InlineData("\n", "\\n")]
    [InlineData("\r", "\\r")]
    [InlineData("\t", "\\t")]
    [InlineData("\b", "\\b")]
    [InlineData("\f", "\\f")]
    [InlineData("\0", "\\u0000")]
    [InlineData("\u0001", "\\u0001")]
    [InlineData("\u001b", "\\u001b")]
    [InlineData("\u001f", "\\u001f")]
    [InlineData("a\"b\\c\nd", "a\\\"b\\\\c\\nd")]
    [InlineData("arn:aws:s3:::b/${aws:username}/*", "arn:aws:s3:::b/${aws:username}/*")]
    [InlineData("/", "/")]
    [InlineData("<script>&'", "<script>&'")]
    [InlineData("\u007f", "\u007f")]
    [InlineData("café ÿ \u00a0", "café ÿ \u00a0")]
    [InlineData("日本語", "日本語")]
    [InlineData("😀", "😀")]
    [InlineData("\u2028\u2029", "\u2028\u2029")]
    [InlineData("", "")]
    public void AppendString_EscapesOnlyQuotesBackslashesAndControlCharacters(string value, string escaped)
    {
        var sb = new StringBuilder();
        CanonicalJsonWriter.AppendString(sb, value);

        Assert.Equal("\"" + escaped + "\"", sb.ToString());
    }

    [Fact]
    public void Write_EscapesInEveryPosition()
    {
        const string Tricky = "q\"b\\n\nc\u0001é日😀";
        var document = new PolicyDocument(PolicyDocument.Version2012, Tricky, EquatableArray.Create(
            new Statement(Effect.Allow, ActionElement.Of("svc:" + Tricky))
            {
                Sid = Tricky,
                Principal = PrincipalElement.Of(new PrincipalId(PrincipalType.Federated, Tricky)),
                Resource = ResourceElement.Of("arn:" + Tricky),
                Conditions = EquatableArray.Create(new Condition(Op("StringEquals"), Tricky, EquatableArray.Create(Tricky))),
            }));
        const string Escaped = "q\\\"b\\\\n\\nc\\u0001é日😀";

        Assert.Equal(
            """{"Version":"2012-10-17","Id":"§","Statement":[{"Sid":"§","Effect":"Allow","Principal":{"Federated":"§"},"Action":"svc:§","Resource":"arn:§","Condition":{"StringEquals":{"§":"§"}}}]}""".Replace("§", Escaped),
            PolicyJson.Write(document, indented: false));
        Assert.Equal(document, ParseAssert.Accepts(PolicyJson.Write(document)));
    }

    [Fact]
    public void Write_IndentedForm_FollowsTheLayoutRules()
    {
        string json = PolicyJson.Write(ParseAssert.Accepts("""
            {"Version": "2012-10-17", "Id": "x", "Statement": [
              {"Sid": "A", "Effect": "Deny", "NotPrincipal": {"AWS": ["1", "2"], "Service": "s"}, "NotAction": ["a:b", "c:d"], "NotResource": "*",
               "Condition": {"StringLike": {"k1": ["[", "]", "{", "}", ":", ","], "k2": "v"}, "Null": {"k3": true}}},
              {"Effect": "Allow", "Principal": "*", "Action": "*"}]}
            """));

        JsonFormat.AssertIndented(json);
    }

    [Fact]
    public void Write_MinifiedForm_IsTheIndentedFormWithoutWhitespaceOutsideStrings()
    {
        var document = ParseAssert.Accepts("""
            {"Version": "2012-10-17", "Id": "a b", "Statement": [{"Sid": "S 1", "Effect": "Allow", "Principal": {"AWS": ["1 ", " 2"]}, "Action": "s3:Get Object", "Condition": {"StringLike": {"k ey": [" v ", "\t"]}}}]}
            """);

        string minified = PolicyJson.Write(document, indented: false);

        JsonFormat.AssertMinified(minified);
        Assert.Equal(JsonFormat.StripWhitespaceOutsideStrings(PolicyJson.Write(document)), minified);
        Assert.Contains("\"k ey\":[\" v \",\"\\t\"]", minified, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_IsDeterministic_ForEqualDocumentsBuiltDifferently()
    {
        var a = PolicyElementOrder(new PrincipalId(PrincipalType.Service, "s"), new PrincipalId(PrincipalType.Aws, "a"));
        var b = PolicyElementOrder(new PrincipalId(PrincipalType.Aws, "a"), new PrincipalId(PrincipalType.Service, "s"));

        Assert.Equal(a, b);
        Assert.Equal(PolicyJson.Write(a), PolicyJson.Write(b));
        Assert.Equal(PolicyJson.Write(a), PolicyJson.Write(a));

        static PolicyDocument PolicyElementOrder(params PrincipalId[] ids) =>
            new(new Statement(Effect.Allow, ActionElement.Of("sts:AssumeRole")) { Principal = PrincipalElement.Of(ids) });
    }

    [Fact]
    public void PolicyJsonWrite_IsTheCanonicalWriter()
    {
        var document = ReadMyBucket();

        Assert.Equal(CanonicalJsonWriter.Write(document), PolicyJson.Write(document));
        Assert.Equal(CanonicalJsonWriter.Write(document, indented: true), PolicyJson.Write(document, indented: true));
        Assert.Equal(CanonicalJsonWriter.Write(document, indented: false), PolicyJson.Write(document, indented: false));
    }
}
