using PolicyAsCode.Rules;
using static PolicyAsCode.Tests.Rules.RuleKit;

namespace PolicyAsCode.Tests.Rules;

// IAM User Guide, "AWS JSON policy elements: Principal": "*" (and {"AWS": "*"}) is every principal, including anonymous
// callers where the service allows them; IAM Access Analyzer reports such grants as public or external access unless a
// condition limits the caller. The counterpart of PAC104 for trust policies.
public class OpenResourcePolicyRuleTests
{
    private static IReadOnlyList<Finding> Bucket(string principal, string condition = "", string effect = "Allow")
        => Validate(Policy($$"""{"Effect": "{{effect}}", "Principal": {{principal}}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"{{condition}}}"""),
            PolicyKind.Resource);

    [Theory]
    [InlineData("\"*\"")]
    [InlineData("{\"AWS\": \"*\"}")]
    [InlineData("{\"AWS\": [\"111122223333\", \"*\"]}")]
    public void AllowToEveryoneWithoutACondition_ReportsPAC109(string principal)
        => RuleAssert.Reports(Bucket(principal), "PAC109", FindingSeverity.Warning, "$.Statement[0].Principal",
            ["Anyone can use this statement", "no condition limits the caller"]);

    [Fact]
    public void AllowToEveryoneWithAConditionThatDoesNotLimitTheCaller_ReportsPAC109()
        => RuleAssert.Reports(Bucket("\"*\"", ", \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"true\"}}"), "PAC109", FindingSeverity.Warning,
            "$.Statement[0].Principal", ["Anyone can use this statement"]);

    [Theory]
    [InlineData("aws:PrincipalOrgID", "o-abc123")]
    [InlineData("aws:PrincipalAccount", "111122223333")]
    [InlineData("aws:SourceArn", "arn:aws:cloudfront::111122223333:distribution/E1")]
    [InlineData("aws:SourceVpce", "vpce-1a2b3c4d")]
    [InlineData("aws:SourceIp", "203.0.113.0/24")]
    public void AllowToEveryoneLimitedByACondition_DoesNotReportPAC109(string key, string value)
    {
        string op = key == "aws:SourceIp" ? "IpAddress" : key == "aws:SourceArn" ? "ArnEquals" : "StringEquals";
        RuleAssert.DoesNotReport(Bucket("\"*\"", $$$""", "Condition": {"{{{op}}}": {"{{{key}}}": "{{{value}}}"}}"""), "PAC109");
    }

    [Fact]
    public void DenyToEveryoneOrAllowToAnAccount_DoNotReportPAC109()
    {
        RuleAssert.DoesNotReport(Bucket("\"*\"", effect: "Deny"), "PAC109");
        RuleAssert.DoesNotReport(Bucket("{\"AWS\": \"111122223333\"}"), "PAC109");
    }

    [Fact]
    public void OpenTrustPolicy_ReportsPAC104NotPAC109()
    {
        var findings = Validate(Policy("""{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}"""), PolicyKind.Trust);
        RuleAssert.DoesNotReport(findings, "PAC109");
        Assert.Contains(findings, f => f.Id == "PAC104");
    }
}
