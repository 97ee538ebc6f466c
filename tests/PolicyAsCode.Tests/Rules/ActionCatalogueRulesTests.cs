using PolicyAsCode.Rules;
using static PolicyAsCode.Tests.Rules.RuleKit;

namespace PolicyAsCode.Tests.Rules;

// IAM User Guide, "IAM JSON policy elements: Action" (reference_policies_elements_action) and the Service Authorization
// Reference (reference_policies_actions-resources-contextkeys): actions are service-prefix:action, matched ignoring case;
// Access Analyzer's "Invalid service" and "Invalid action" checks (access-analyzer-reference-policy-checks).
public class ActionCatalogueRulesTests
{
    private static string Allow(string action, string resource = "\"arn:aws:s3:::my-bucket/*\"")
        => Policy($$"""{"Effect": "Allow", "Action": {{action}}, "Resource": {{resource}}}""");

    // PAC002

    [Fact]
    public void ActionOfAnUnknownService_ReportsPAC002SuggestingTheNearestService()
    {
        var findings = Validate(Allow("\"s4:GetObject\""), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC002", FindingSeverity.Error, "$.Statement[0].Action",
            ["The service s4 specified in the action s4:GetObject does not exist. Did you mean s3?"], "s3:GetObject");
        RuleAssert.Ids(findings, "PAC002");
    }

    [Fact]
    public void WildcardActionOfAnUnknownService_ReportsPAC002NotPAC004()
    {
        var findings = Validate(Allow("""["s3:GetObject", "s4:*"]"""), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC002", FindingSeverity.Error, "$.Statement[0].Action[1]",
            ["The service s4 specified in the action s4:* does not exist. Did you mean s3?"], "s3:*");
        RuleAssert.DoesNotReport(findings, "PAC004");
    }

    [Fact]
    public void ActionOfAServiceNothingIsCloseTo_ReportsPAC002WithoutSuggestions()
    {
        var findings = Validate(Allow("\"zzqqxxyy:GetObject\""), PolicyKind.Identity);
        var finding = RuleAssert.Reports(findings, "PAC002", FindingSeverity.Error, "$.Statement[0].Action",
            ["The service zzqqxxyy specified in the action zzqqxxyy:GetObject does not exist."]);
        Assert.DoesNotContain("Did you mean", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllKinds), MemberType = typeof(RuleKit))]
    public void UnknownServiceInAnyPolicyKind_ReportsPAC002(PolicyKind kind)
    {
        string principal = kind.RequiresPrincipal() ? "\"Principal\": {\"AWS\": \"111122223333\"}, " : "";
        string policy = Policy($$"""{"Effect": "Deny", {{principal}}"Action": "s4:GetObject"}""");
        Assert.Single(Validate(policy, kind), f => f.Id == "PAC002");
    }

    [Theory]
    [InlineData("s3:GetObject")]
    [InlineData("S3:GetObject")]
    [InlineData("s*:GetObject")]
    [InlineData("*")]
    public void ActionOfAKnownServiceOrWildcardService_DoesNotReportPAC002(string action)
        => RuleAssert.DoesNotReport(Validate(Allow($"\"{action}\""), PolicyKind.Identity), "PAC002");

    // PAC003

    [Fact]
    public void MisspelledAction_ReportsPAC003SuggestingTheAction()
    {
        var findings = Validate(Allow("\"s3:GetObjet\""), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC003", FindingSeverity.Error, "$.Statement[0].Action",
            ["The action s3:GetObjet does not exist in the service s3. Did you mean s3:GetObject?"], "s3:GetObject");
        RuleAssert.Ids(findings, "PAC003");
    }

    [Fact]
    public void MisspelledActionInAList_ReportsPAC003AtThatValue()
    {
        var findings = Validate(Allow("""["s3:GetObject", "s3:PutObjct"]"""), PolicyKind.Identity);
        var finding = RuleAssert.Reports(findings, "PAC003", FindingSeverity.Error, "$.Statement[0].Action[1]",
            ["The action s3:PutObjct does not exist in the service s3. Did you mean s3:PutObject?"], "s3:PutObject");
        Assert.Equal(1, finding.Location.ValueIndex);
    }

    [Fact]
    public void UnknownActionNothingIsCloseTo_ReportsPAC003WithoutSuggestions()
    {
        var finding = RuleAssert.Reports(Validate(Allow("\"s3:Qwxzvbnmkl\""), PolicyKind.Identity), "PAC003", FindingSeverity.Error,
            "$.Statement[0].Action", ["The action s3:Qwxzvbnmkl does not exist in the service s3."]);
        Assert.DoesNotContain("Did you mean", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MisspelledActionInATrustPolicyDeny_ReportsPAC003()
    {
        string policy = Policy("""{"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRol"}""");
        RuleAssert.Reports(Validate(policy, PolicyKind.Trust), "PAC003", FindingSeverity.Error, "$.Statement[0].Action",
            ["The action sts:AssumeRol does not exist in the service sts. Did you mean sts:AssumeRole or sts:AssumeRoot?"],
            "sts:AssumeRole", "sts:AssumeRoot");
    }

    [Theory]
    [InlineData("s3:GetObject")]
    [InlineData("s3:getobject")]
    [InlineData("S3:GETOBJECT")]
    public void ExistingActionInAnyCase_DoesNotReportPAC003(string action)
        => RuleAssert.Clean(Validate(Allow($"\"{action}\""), PolicyKind.Identity));

    [Fact]
    public void NotActionWithAMisspelledAction_ReportsPAC003()
    {
        string policy = Policy("""{"Effect": "Deny", "NotAction": "iam:PasRole", "Resource": "*"}""");
        RuleAssert.Reports(Validate(policy, PolicyKind.Identity), "PAC003", FindingSeverity.Error, "$.Statement[0].NotAction",
            ["The action iam:PasRole does not exist in the service iam. Did you mean iam:PassRole or iam:TagRole?"], "iam:PassRole", "iam:TagRole");
    }

    // PAC004

    [Fact]
    public void WildcardMatchingNoActionOfItsService_ReportsPAC004()
    {
        var findings = Validate(Allow("\"s3:Gett*\""), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC004", FindingSeverity.Error, "$.Statement[0].Action",
            ["The pattern s3:Gett* matches no action of the service s3", "pac expand"]);
        RuleAssert.Ids(findings, "PAC004");
    }

    [Fact]
    public void WildcardServiceMatchingNoAction_ReportsPAC004()
    {
        var findings = Validate(Allow("""["s3:GetObject", "s*:Gett?bject"]"""), PolicyKind.Identity);
        var finding = RuleAssert.Reports(findings, "PAC004", FindingSeverity.Error, "$.Statement[0].Action[1]",
            ["The pattern s*:Gett?bject matches no action; check it for typos"]);
        Assert.DoesNotContain("of the service", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3:Get*")]
    [InlineData("s3:?etObject")]
    [InlineData("s*:GetObject")]
    [InlineData("*:GetObject")]
    [InlineData("s3:*")]
    [InlineData("*")]
    public void WildcardMatchingActions_DoesNotReportPAC004(string action)
        => RuleAssert.DoesNotReport(Validate(Allow($"\"{action}\""), PolicyKind.Identity), "PAC004");
}
