using PolicyAsCode.Rules;
using static PolicyAsCode.Tests.Rules.RuleKit;

namespace PolicyAsCode.Tests.Rules;

// AWS Organizations User Guide, "SCP syntax" (current elements table: Action, NotAction, Resource, NotResource and
// Condition are all supported with Allow and Deny; Principal is not an SCP element) and "RCP syntax" (Deny only, except
// RCPFullAWSAccess; Principal must be "*"; no NotPrincipal, no NotAction; Version 2012-10-17).
public class OrganizationPolicyRulesTests
{
    [Fact]
    public void ScpAllowWithConditionNotActionAndNotResource_DoesNotReportPAC025OrAnyGrammarRule()
    {
        string scp = Policy(
            """{"Effect": "Allow", "NotAction": "iam:*", "NotResource": "arn:aws:s3:::audit-logs/*", "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}}""",
            """{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}""");
        RuleAssert.Clean(Validate(scp, PolicyKind.ServiceControlPolicy));
    }

    [Fact]
    public void ScpWithPrincipal_ReportsPAC001()
        => Assert.Contains(Validate(Policy("""{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"}"""), PolicyKind.ServiceControlPolicy),
            f => f.Id == "PAC001");

    [Fact]
    public void RcpThatAllows_ReportsPAC025SuggestingDeny()
        => RuleAssert.Reports(Validate(Policy("""{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}"""), PolicyKind.ResourceControlPolicy),
            "PAC025", FindingSeverity.Error, "$.Statement[0].Effect", ["A resource control policy can only deny"], "Deny");

    [Fact]
    public void RcpWithANamedPrincipal_ReportsPAC025()
        => RuleAssert.Reports(Validate(Policy("""{"Effect": "Deny", "Principal": {"AWS": "111122223333"}, "Action": "s3:*", "Resource": "*"}"""), PolicyKind.ResourceControlPolicy),
            "PAC025", FindingSeverity.Error, "$.Statement[0].Principal", ["The Principal of a resource control policy must be \"*\""], "*");

    [Fact]
    public void RcpWithNotPrincipalAndNotAction_ReportsPAC025Twice()
    {
        var findings = Validate(Policy("""{"Effect": "Deny", "NotPrincipal": {"AWS": "111122223333"}, "NotAction": "s3:GetObject", "Resource": "*"}"""), PolicyKind.ResourceControlPolicy);
        RuleAssert.Reports(findings, "PAC025", FindingSeverity.Error, "$.Statement[0].NotPrincipal", ["NotPrincipal is not supported"]);
        RuleAssert.Reports(findings, "PAC025", FindingSeverity.Error, "$.Statement[0].NotAction", ["NotAction is not supported"]);
    }

    [Fact]
    public void RcpWithoutVersionOrPrincipalOrResource_ReportsPAC025AndPAC005AndPAC017()
    {
        var findings = Validate("""{"Statement": [{"Effect": "Deny", "Action": "s3:*"}]}""", PolicyKind.ResourceControlPolicy);
        RuleAssert.Reports(findings, "PAC025", FindingSeverity.Error, "$", ["must have \"Version\": \"2012-10-17\""], "2012-10-17");
        Assert.Contains(findings, f => f.Id == "PAC005");
        Assert.Contains(findings, f => f.Id == "PAC017");
    }

    [Fact]
    public void RcpFullAwsAccessAndADenyWithConditions_DoNotReportPAC025()
    {
        RuleAssert.DoesNotReport(Validate(Policy("""{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}"""), PolicyKind.ResourceControlPolicy), "PAC025");
        string deny = Policy("""{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-abc123"}, "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}}}""");
        RuleAssert.Clean(Validate(deny, PolicyKind.ResourceControlPolicy));
    }
}
