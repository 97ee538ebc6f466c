using System.Text;
using CsCheck;
using PolicyAsCode.Json;

namespace PolicyAsCode.Tests.Json;

/// <summary>
/// Writing and reading are inverse: <c>Parse(Write(d)) == d</c> for every valid document, and the canonical text is a
/// fixed point, <c>Write(Parse(Write(d))) == Write(d)</c>, indented and minified.
/// </summary>
public sealed class RoundTripTests
{
    private static void AssertRoundTrips(PolicyDocument document)
    {
        foreach (bool indented in new[] { true, false })
        {
            string json = PolicyJson.Write(document, indented);
            var parsed = PolicyJson.Parse(json);

            Assert.Equal(document, parsed);
            Assert.Equal(document, PolicyJson.Parse(Encoding.UTF8.GetBytes(json)));
            Assert.Equal(json, PolicyJson.Write(parsed, indented));
            if (indented) JsonFormat.AssertIndented(json);
            else JsonFormat.AssertMinified(json);
        }
    }

    public static TheoryData<string> Documents() => new()
    {
        """{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}""",
        """{"Version": "2008-10-17", "Id": "old", "Statement": [{"Sid": "1", "Effect": "Deny", "NotAction": ["s3:*", "iam:*"], "NotResource": "arn:aws:s3:::b/${aws:username}"}]}""",
        """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Effect": "Allow", "Principal": {"Service": ["ec2.amazonaws.com", "lambda.amazonaws.com"], "AWS": "123456789012"}, "Action": "sts:AssumeRole"},
            {"Effect": "Deny", "NotPrincipal": "*", "Action": "s3:*", "Resource": "*"},
            {"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "sts:AssumeRoleWithWebIdentity",
             "Condition": {"StringEquals": {"cognito-identity.amazonaws.com:aud": "us-east-1:12345678-abcd-abcd-abcd-123456789012"},
                           "ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"}}},
            {"Effect": "Allow", "Principal": {"CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
             "Condition": {"IpAddress": {"aws:SourceIp": ["192.0.2.0/24", "2001:DB8::/32"]}, "NumericLessThanEquals": {"s3:max-keys": 10}, "Bool": {"aws:SecureTransport": true},
                           "DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}, "Null": {"aws:TokenIssueTime": "false"}, "ArnLikeIfExists": {"aws:SourceArn": "arn:aws:sns:*:*:t"}}}
          ]
        }
        """,
        """{"Id": "Ünïcödé \" \\ \n \u0001 日本 😀", "Statement": {"Sid": "", "Effect": "Allow", "Action": "x:\t", "Resource": "arn:\u2028", "Condition": {"StringLike": {"k\"": ["", " "]}}}}""",
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void RoundTrip_HandWrittenDocuments(string json)
    {
        AssertRoundTrips(ParseAssert.Accepts(json));
    }

    [Fact]
    public void RoundTrip_RandomValidDocuments()
    {
        PolicyGen.Document.Sample(AssertRoundTrips, iter: 2_000, print: document => PolicyJson.Write(document, indented: false));
    }

    [Fact]
    public void RoundTrip_ConditionsInAnyOrder_ComeBackGroupedByOperator()
    {
        PolicyGen.UngroupedConditions.Sample(
            document =>
            {
                // JSON nests keys under their operator, so reading gives the conditions grouped by operator in order of
                // first appearance; the text itself is still a fixed point.
                var grouped = document with
                {
                    Statements = EquatableArray.Create(document.Statements.Select(s => s with
                    {
                        Conditions = EquatableArray.Create(s.Conditions.GroupBy(c => c.Operator.Name).SelectMany(g => g).ToArray()),
                    }).ToArray()),
                };
                foreach (bool indented in new[] { true, false })
                {
                    string json = PolicyJson.Write(document, indented);
                    var parsed = PolicyJson.Parse(json);

                    Assert.Equal(grouped, parsed);
                    Assert.Equal(json, PolicyJson.Write(parsed, indented));
                }
            },
            iter: 500,
            print: document => PolicyJson.Write(document, indented: false));
    }
}
