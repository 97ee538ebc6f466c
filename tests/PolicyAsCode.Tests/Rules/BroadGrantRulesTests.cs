using PolicyAsCode.Rules;
using static PolicyAsCode.Tests.Rules.RuleKit;

namespace PolicyAsCode.Tests.Rules;

// IAM User Guide, "Security best practices in IAM" (best-practices): grant least privilege; "IAM JSON policy elements:
// NotAction" and "NotResource" (reference_policies_elements_notaction, _notresource): with Allow they grant everything not
// listed; "Grant a user permissions to pass a role to an AWS service" (id_roles_use_passrole); Access Analyzer's "Pass role
// with star in resource" (access-analyzer-reference-policy-checks): name the roles or add iam:PassedToService.
public class BroadGrantRulesTests
{
    private const string AccountPrincipal = "\"Principal\": {\"AWS\": \"111122223333\"}, ";

    private static string Statement(string action, string resource = "\"*\"", string effect = "Allow", string principal = "", string actionElement = "Action", string resourceElement = "Resource", string extra = "")
        => $$"""{"Effect": "{{effect}}", {{principal}}"{{actionElement}}": {{action}}, "{{resourceElement}}": {{resource}}{{extra}}}""";

    public static TheoryData<PolicyKind> GrantingKinds => [PolicyKind.Identity, PolicyKind.Resource, PolicyKind.SessionPolicy];

    private static string PrincipalFor(PolicyKind kind) => kind == PolicyKind.Resource ? AccountPrincipal : "";

    // PAC101

    [Theory]
    [MemberData(nameof(GrantingKinds))]
    public void AllowStarOnStar_ReportsPAC101OnTheStatement(PolicyKind kind)
    {
        var findings = Validate(Policy(Statement("\"*\"", principal: PrincipalFor(kind))), kind);
        RuleAssert.Reports(findings, "PAC101", FindingSeverity.Warning, "$.Statement[0]",
            ["The statement allows every action on every resource (full administrator access). Grant only the actions and resources needed."]);
        RuleAssert.Ids(findings, "PAC101");
    }

    [Fact]
    public void AllowStarColonStarAmongActionsOnStarInAList_ReportsPAC101()
    {
        var findings = Validate(Policy(Statement("""["s3:GetObject", "*:*"]""", """["arn:aws:s3:::my-bucket/*", "*"]""")), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC101", FindingSeverity.Warning, "$.Statement[0]", ["every action on every resource"]);
    }

    [Fact]
    public void AllowStarWithoutResourceInAnIdentityPolicy_ReportsPAC101AndPAC017()
    {
        var findings = Validate(Policy("""{"Effect": "Allow", "Action": "*"}"""), PolicyKind.Identity);
        RuleAssert.Ids(findings, "PAC017", "PAC101");
    }

    [Fact]
    public void AllowStarWithACondition_StillReportsPAC101()
    {
        var findings = Validate(Policy(Statement("\"*\"", extra: """, "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}""")), PolicyKind.Identity);
        RuleAssert.Ids(findings, "PAC101");
    }

    [Theory]
    [InlineData(PolicyKind.ServiceControlPolicy)]
    [InlineData(PolicyKind.PermissionsBoundary)]
    public void AllowStarOnStarInAnScpOrBoundary_DoesNotReportPAC101(PolicyKind kind)
        => RuleAssert.Clean(Validate(Policy(Statement("\"*\"")), kind));

    [Theory]
    [InlineData("\"*\"", "\"arn:aws:s3:::my-bucket/*\"", "Allow")]
    [InlineData("\"s3:*\"", "\"*\"", "Allow")]
    [InlineData("\"*\"", "\"*\"", "Deny")]
    public void NarrowerGrantsOrDeny_DoNotReportPAC101(string action, string resource, string effect)
        => RuleAssert.DoesNotReport(Validate(Policy(Statement(action, resource, effect)), PolicyKind.Identity), "PAC101");

    [Fact]
    public void AllowStarOnNotResource_ReportsPAC106NotPAC101()
        => RuleAssert.Ids(Validate(Policy(Statement("\"*\"", "\"arn:aws:s3:::payroll/*\"", resourceElement: "NotResource")), PolicyKind.Identity), "PAC106");

    [Fact]
    public void TrustPolicyAllowingStarToAnAccount_DoesNotReportPAC101()
    {
        var findings = Validate(Policy("""{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "*"}"""), PolicyKind.Trust);
        RuleAssert.Ids(findings, "PAC006");
    }

    // PAC102

    [Fact]
    public void AllowPassRoleOnStar_ReportsPAC102AtTheAction()
    {
        var findings = Validate(Policy(Statement("""["lambda:CreateFunction", "iam:PassRole"]""")), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC102", FindingSeverity.Warning, "$.Statement[0].Action[1]",
            ["'iam:PassRole' allows iam:PassRole on every role", "Limit Resource to the roles to pass, and add an iam:PassedToService condition."]);
        Assert.Single(findings, f => f.Id == "PAC102");
    }

    [Theory]
    [InlineData("iam:*")]
    [InlineData("iam:Pass*")]
    [InlineData("IAM:passrole")]
    public void AllowPassRolePatternsOnStar_ReportPAC102(string action)
        => RuleAssert.Reports(Validate(Policy(Statement($"\"{action}\"")), PolicyKind.Identity), "PAC102", FindingSeverity.Warning,
            "$.Statement[0].Action", [$"'{action}' allows iam:PassRole on every role"]);

    [Fact]
    public void SeveralPassRoleActionsOnStar_ReportPAC102OnceAtTheFirst()
    {
        var findings = Validate(Policy(Statement("""["s3:GetObject", "iam:Pass*", "iam:PassRole"]""", """["arn:aws:s3:::b/*", "*"]""")), PolicyKind.SessionPolicy);
        RuleAssert.Reports(findings, "PAC102", FindingSeverity.Warning, "$.Statement[0].Action[1]", ["'iam:Pass*'"]);
        Assert.Single(findings, f => f.Id == "PAC102");
    }

    [Fact]
    public void ResourcePolicyAllowingPassRoleOnStar_ReportsPAC102()
        => RuleAssert.Reports(Validate(Policy(Statement("\"iam:PassRole\"", principal: AccountPrincipal)), PolicyKind.Resource), "PAC102",
            FindingSeverity.Warning, "$.Statement[0].Action", ["on every role"]);

    [Fact]
    public void PassRoleOnStarLimitedByPassedToService_DoesNotReportPAC102()
    {
        const string condition = """, "Condition": {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}""";
        RuleAssert.DoesNotReport(Validate(Policy(Statement("\"iam:PassRole\"", extra: condition)), PolicyKind.Identity), "PAC102");
    }

    [Theory]
    [InlineData("\"iam:PassRole\"", "\"arn:aws:iam::111122223333:role/app-*\"", "Allow")]
    [InlineData("\"iam:PassRole\"", "\"*\"", "Deny")]
    [InlineData("\"iam:GetRole\"", "\"*\"", "Allow")]
    public void PassRoleOnRolesOrDenyOrOtherActions_DoNotReportPAC102(string action, string resource, string effect)
        => RuleAssert.DoesNotReport(Validate(Policy(Statement(action, resource, effect)), PolicyKind.Identity), "PAC102");

    [Theory]
    [InlineData(PolicyKind.ServiceControlPolicy)]
    [InlineData(PolicyKind.PermissionsBoundary)]
    public void PassRoleOnStarInAnScpOrBoundary_DoesNotReportPAC102(PolicyKind kind)
        => RuleAssert.DoesNotReport(Validate(Policy(Statement("\"iam:PassRole\"")), kind), "PAC102");

    [Fact]
    public void AllowStarOnStar_ReportsPAC101NotPAC102()
        => RuleAssert.Ids(Validate(Policy(Statement("""["*", "iam:PassRole"]""")), PolicyKind.Identity), "PAC101");

    // PAC103

    [Theory]
    [MemberData(nameof(GrantingKinds))]
    public void AllowWithNotAction_ReportsPAC103OnNotAction(PolicyKind kind)
    {
        var findings = Validate(Policy(Statement("\"iam:*\"", principal: PrincipalFor(kind), actionElement: "NotAction")), kind);
        RuleAssert.Reports(findings, "PAC103", FindingSeverity.Warning, "$.Statement[0].NotAction",
            ["Allow with NotAction grants every action not listed, including actions of services added later. List the actions to allow with Action instead."]);
        RuleAssert.Ids(findings, "PAC103");
    }

    [Fact]
    public void DenyWithNotAction_DoesNotReportPAC103()
        => RuleAssert.Clean(Validate(Policy(Statement("\"iam:*\"", effect: "Deny", actionElement: "NotAction")), PolicyKind.Identity));

    [Theory]
    [InlineData(PolicyKind.ServiceControlPolicy)]
    [InlineData(PolicyKind.PermissionsBoundary)]
    public void AllowWithNotActionInAnScpOrBoundary_DoesNotReportPAC103(PolicyKind kind)
        => RuleAssert.DoesNotReport(Validate(Policy(Statement("\"iam:*\"", actionElement: "NotAction")), kind), "PAC103");

    [Fact]
    public void TrustPolicyAllowingNotAction_ReportsPAC006NotPAC103()
    {
        var findings = Validate(Policy("""{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "NotAction": "s3:*"}"""), PolicyKind.Trust);
        RuleAssert.Ids(findings, "PAC006");
    }

    // PAC106

    [Theory]
    [MemberData(nameof(GrantingKinds))]
    public void AllowWithNotResource_ReportsPAC106OnNotResource(PolicyKind kind)
    {
        string resource = """["arn:aws:s3:::payroll", "arn:aws:s3:::payroll/*"]""";
        var findings = Validate(Policy(Statement("\"s3:GetObject\"", resource, principal: PrincipalFor(kind), resourceElement: "NotResource")), kind);
        RuleAssert.Reports(findings, "PAC106", FindingSeverity.Warning, "$.Statement[0].NotResource",
            ["Allow with NotResource grants on every resource not listed, including resources created later. List the resources to allow with Resource instead."]);
        RuleAssert.Ids(findings, "PAC106");
    }

    [Fact]
    public void AllowWithNotActionAndNotResource_ReportsPAC103AndPAC106()
    {
        var findings = Validate(Policy(Statement("\"iam:*\"", "\"arn:aws:s3:::payroll/*\"", actionElement: "NotAction", resourceElement: "NotResource")), PolicyKind.Identity);
        RuleAssert.Ids(findings, "PAC103", "PAC106");
    }

    [Fact]
    public void DenyWithNotResource_DoesNotReportPAC106()
        => RuleAssert.Clean(Validate(Policy(Statement("\"s3:*\"", "\"arn:aws:s3:::app-*\"", "Deny", resourceElement: "NotResource")), PolicyKind.Identity));

    [Theory]
    [InlineData(PolicyKind.ServiceControlPolicy)]
    [InlineData(PolicyKind.PermissionsBoundary)]
    public void AllowWithNotResourceInAnScpOrBoundary_DoesNotReportPAC106(PolicyKind kind)
        => RuleAssert.DoesNotReport(Validate(Policy(Statement("\"s3:*\"", "\"arn:aws:s3:::app-*\"", resourceElement: "NotResource")), kind), "PAC106");
}
