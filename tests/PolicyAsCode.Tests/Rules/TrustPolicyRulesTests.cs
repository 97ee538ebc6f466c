using PolicyAsCode.Rules;
using static PolicyAsCode.Tests.Rules.RuleKit;

namespace PolicyAsCode.Tests.Rules;

// IAM User Guide, "Roles terms and concepts" (id_roles_terms-and-concepts): a role's trust policy is a resource-based policy
// whose resource is the role, so it grants only the role-assumption actions; "IAM JSON policy elements: Principal"
// (reference_policies_elements_principal): "Do not leave your role accessible to everyone".
public class TrustPolicyRulesTests
{
    private const string Account = """{"AWS": "arn:aws:iam::111122223333:root"}""";

    private static string Trust(string action, string effect = "Allow", string principal = Account, string extra = "")
        => Policy($$"""{"Effect": "{{effect}}", "Principal": {{principal}}, "Action": {{action}}{{extra}}}""");

    // PAC006

    [Fact]
    public void TrustPolicyAllowingAnS3Action_ReportsPAC006AtThatAction()
    {
        var findings = Validate(Trust("""["sts:AssumeRole", "s3:ListBucket"]"""), PolicyKind.Trust);
        RuleAssert.Reports(findings, "PAC006", FindingSeverity.Error, "$.Statement[0].Action[1]",
            ["'s3:ListBucket' cannot be granted by a role trust policy", "Grant other actions in a permissions policy"],
            "sts:AssumeRole");
        Assert.Single(findings, f => f.Id == "PAC006");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TrustPolicyAllowingStsStar_ReportsPAC006NamingTheOtherStsActions(bool catalogue)
    {
        var findings = Validate(Trust("\"sts:*\""), PolicyKind.Trust, catalogue);
        RuleAssert.Reports(findings, "PAC006", FindingSeverity.Error, "$.Statement[0].Action",
            ["'sts:*' covers sts:AssumeRoot, sts:DecodeAuthorizationMessage, sts:GetAccessKeyInfo, ..., which cannot be granted"],
            "sts:AssumeRole");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TrustPolicyAllowingStsAssumeStar_ReportsPAC006ForAssumeRoot(bool catalogue)
    {
        var findings = Validate(Trust("\"sts:Assume*\""), PolicyKind.Trust, catalogue);
        RuleAssert.Reports(findings, "PAC006", FindingSeverity.Error, "$.Statement[0].Action",
            ["'sts:Assume*' covers sts:AssumeRoot, which cannot be granted"], "sts:AssumeRole");
    }

    [Theory]
    [InlineData("*")]
    [InlineData("s3:Get*")]
    [InlineData("iam:PassRole")]
    public void TrustPolicyAllowingNonStsActionsOrPatterns_ReportsPAC006(string action)
    {
        var findings = Validate(Trust($"\"{action}\""), PolicyKind.Trust);
        RuleAssert.Reports(findings, "PAC006", FindingSeverity.Error, "$.Statement[0].Action",
            [$"'{action}' cannot be granted by a role trust policy"], "sts:AssumeRole");
    }

    [Fact]
    public void TrustPolicyWithNotAction_ReportsPAC006OnNotAction()
    {
        var findings = Validate(Policy($$"""{"Effect": "Allow", "Principal": {{Account}}, "NotAction": "s3:*"}"""), PolicyKind.Trust);
        RuleAssert.Reports(findings, "PAC006", FindingSeverity.Error, "$.Statement[0].NotAction",
            ["NotAction is not meaningful in a role trust policy"]);
    }

    [Theory]
    [InlineData("sts:AssumeRole")]
    [InlineData("sts:AssumeRoleWithSAML")]
    [InlineData("sts:AssumeRoleWithWebIdentity")]
    [InlineData("sts:TagSession")]
    [InlineData("sts:SetSourceIdentity")]
    [InlineData("sts:SetContext")]
    [InlineData("STS:assumerole")]
    [InlineData("sts:AssumeRole*")]
    public void TrustPolicyAllowingRoleAssumptionActions_DoesNotReportPAC006(string action)
        => RuleAssert.DoesNotReport(Validate(Trust($"\"{action}\""), PolicyKind.Trust), "PAC006");

    [Fact]
    public void TrustPolicyDenyingAnotherAction_DoesNotReportPAC006()
    {
        string policy = Policy(
            $$"""{"Effect": "Allow", "Principal": {{Account}}, "Action": "sts:AssumeRole"}""",
            $$"""{"Effect": "Deny", "Principal": {{Account}}, "Action": "s3:ListBucket"}""");
        RuleAssert.DoesNotReport(Validate(policy, PolicyKind.Trust), "PAC006");
    }

    [Fact]
    public void IdentityPolicyAllowingAnS3Action_DoesNotReportPAC006()
    {
        string policy = Policy("""{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket"}""");
        RuleAssert.Clean(Validate(policy, PolicyKind.Identity));
    }

    // PAC104

    [Theory]
    [InlineData("\"*\"")]
    [InlineData("""{"AWS": "*"}""")]
    [InlineData("""{"AWS": ["arn:aws:iam::111122223333:root", "*"]}""")]
    public void TrustPolicyOpenToEveryone_ReportsPAC104(string principal)
    {
        var findings = Validate(Trust("\"sts:AssumeRole\"", principal: principal), PolicyKind.Trust);
        RuleAssert.Reports(findings, "PAC104", FindingSeverity.Error, "$.Statement[0].Principal",
            ["Anyone with an AWS account can assume this role", "aws:PrincipalOrgID"]);
    }

    [Fact]
    public void TrustPolicyAllowingNotPrincipal_ReportsPAC104AndPAC018()
    {
        var findings = Validate(Policy($$"""{"Effect": "Allow", "NotPrincipal": {{Account}}, "Action": "sts:AssumeRole"}"""), PolicyKind.Trust);
        RuleAssert.Reports(findings, "PAC104", FindingSeverity.Error, "$.Statement[0].NotPrincipal", ["Anyone with an AWS account"]);
        RuleAssert.Reports(findings, "PAC018", FindingSeverity.Error, "$.Statement[0].NotPrincipal", ["NotPrincipal is not allowed"]);
    }

    [Fact]
    public void TrustPolicyOpenToEveryoneWithAConditionThatDoesNotLimitWho_ReportsPAC104()
    {
        const string condition = """, "Condition": {"Bool": {"aws:SecureTransport": "true"}}""";
        var findings = Validate(Trust("\"sts:AssumeRole\"", principal: """{"AWS": "*"}""", extra: condition), PolicyKind.Trust);
        RuleAssert.Reports(findings, "PAC104", FindingSeverity.Error, "$.Statement[0].Principal", ["Anyone with an AWS account"]);
    }

    [Theory]
    [InlineData("""{"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}""")]
    [InlineData("""{"StringEquals": {"sts:ExternalId": "2f8a1c"}}""")]
    [InlineData("""{"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/deploy-*"}}""")]
    [InlineData("""{"StringEquals": {"aws:SourceAccount": "111122223333"}}""")]
    [InlineData("""{"StringEquals": {"AWS:principalaccount": "111122223333"}}""")]
    public void TrustPolicyOpenToEveryoneLimitedByACondition_DoesNotReportPAC104(string condition)
    {
        var findings = Validate(Trust("\"sts:AssumeRole\"", principal: """{"AWS": "*"}""", extra: $", \"Condition\": {condition}"), PolicyKind.Trust);
        RuleAssert.DoesNotReport(findings, "PAC104");
    }

    [Fact]
    public void TrustPolicyNamingAnAccount_DoesNotReportPAC104()
        => RuleAssert.Clean(Validate(Trust("\"sts:AssumeRole\""), PolicyKind.Trust));

    [Fact]
    public void TrustPolicyDenyingEveryone_DoesNotReportPAC104()
    {
        string policy = Policy(
            $$"""{"Effect": "Allow", "Principal": {{Account}}, "Action": "sts:AssumeRole"}""",
            """{"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}""");
        RuleAssert.Clean(Validate(policy, PolicyKind.Trust));
    }

    [Fact]
    public void ResourcePolicyOpenToEveryone_DoesNotReportPAC104()
    {
        string policy = Policy("""{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::public-site/*"}""");
        RuleAssert.DoesNotReport(Validate(policy, PolicyKind.Resource), "PAC104");
    }
}
