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
            ["Anyone can use this statement", "this request is allowed: principal ", "action s3:GetObject, resource arn:aws:s3:::my-bucket/"]);

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

    // The exact check (the no-public-access analysis) decides what the syntactic form could not.
    [Fact]
    public void AllowToEveryoneFromAnyAddress_ReportsPAC109WithTheCallerThatGetsIn()
        => RuleAssert.Reports(Bucket("\"*\"", ", \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"0.0.0.0/0\"}}"), "PAC109", FindingSeverity.Warning,
            "$.Statement[0].Principal", ["this request is allowed: principal (anonymous), action s3:GetObject, resource arn:aws:s3:::my-bucket/, context aws:SourceIp="]);

    [Fact]
    public void AllowToEveryoneWithAWildcardAccount_ReportsPAC109()
        => RuleAssert.Reports(Bucket("\"*\"", ", \"Condition\": {\"StringLike\": {\"aws:SourceAccount\": \"1111*\"}}"), "PAC109", FindingSeverity.Warning,
            "$.Statement[0].Principal", ["context aws:SourceAccount=1111"]);

    [Fact]
    public void AllowToEveryoneDeniedOutsideTheOrganization_DoesNotReportPAC109()
    {
        string json = Policy(
            """{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}""",
            """{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}""");
        RuleAssert.DoesNotReport(Validate(json, PolicyKind.Resource), "PAC109");
    }

    [Fact]
    public void WhenTheExactCheckCannotDecide_TheSyntacticFormReportsAndSaysSo()
    {
        // A policy variable in a condition value is outside what the engine decides today.
        var finding = RuleAssert.Reports(Bucket("\"*\"", ", \"Condition\": {\"StringLike\": {\"s3:prefix\": \"${aws:username}/*\"}}"), "PAC109", FindingSeverity.Warning,
            "$.Statement[0].Principal", ["no condition limits the caller", "The exact public-access check could not decide this policy: "]);
        Assert.Contains("policy variable", finding.Message);
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
