using PolicyAsCode.Rules;
using static PolicyAsCode.Tests.Rules.RuleKit;

namespace PolicyAsCode.Tests.Rules;

// IAM User Guide, "Single-valued vs. multivalued context keys" (reference_policies_condition-single-vs-multi-valued-context-keys):
// ForAllValues returns true when the key is absent from the request or its value is an empty set, so an Allow that relies
// on it also allows requests without the key unless a Null condition requires it.
public class ForAllValuesRuleTests
{
    private static string Allow(string condition, string effect = "Allow", string principal = "", string action = "\"ec2:CreateTags\"", string resource = ", \"Resource\": \"arn:aws:ec2:*:111122223333:instance/*\"")
        => Policy($$"""{"Effect": "{{effect}}", {{principal}}"Action": {{action}}{{resource}}, "Condition": {{condition}}}""");

    private const string TagKeys = """{"ForAllValues:StringEquals": {"aws:TagKeys": ["Project", "Owner"]}}""";

    [Fact]
    public void AllowWithForAllValues_ReportsPAC107OnTheOperator()
    {
        var findings = Validate(Allow(TagKeys), PolicyKind.Identity);
        var finding = RuleAssert.Reports(findings, "PAC107", FindingSeverity.Warning, "$.Statement[0].Condition.ForAllValues:StringEquals",
            ["ForAllValues:StringEquals is also true when the request has no aws:TagKeys, so this Allow applies to such requests too.",
             "Add \"Null\": {\"aws:TagKeys\": \"false\"} to require the key, or use ForAnyValue."]);
        Assert.Equal(PolicyElementKind.ConditionOperator, finding.Location.Element);
        RuleAssert.Ids(findings, "PAC107");
    }

    [Theory]
    [InlineData("ForAllValues:StringLikeIfExists")]
    [InlineData("ForAllValues:StringNotEquals")]
    public void AllowWithOtherForAllValuesOperators_ReportsPAC107(string op)
    {
        var findings = Validate(Allow($$$"""{"{{{op}}}": {"aws:TagKeys": "temp-*"}}"""), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC107", FindingSeverity.Warning, $"$.Statement[0].Condition.{op}", [$"{op} is also true"]);
    }

    [Fact]
    public void ResourcePolicyAllowWithForAllValues_ReportsPAC107()
    {
        string policy = Allow(TagKeys, principal: "\"Principal\": {\"AWS\": \"111122223333\"}, ");
        Assert.Single(Validate(policy, PolicyKind.Resource), f => f.Id == "PAC107");
    }

    [Fact]
    public void SessionPolicyAllowWithForAllValues_ReportsPAC107()
        => Assert.Single(Validate(Allow(TagKeys), PolicyKind.SessionPolicy), f => f.Id == "PAC107");

    [Fact]
    public void TrustPolicyAllowWithForAllValues_ReportsPAC107()
    {
        string policy = Allow("""{"ForAllValues:StringEquals": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"}}""",
            principal: "\"Principal\": {\"AWS\": \"111122223333\"}, ", action: "\"sts:AssumeRole\"", resource: "");
        RuleAssert.Reports(Validate(policy, PolicyKind.Trust), "PAC107", FindingSeverity.Warning,
            "$.Statement[0].Condition.ForAllValues:StringEquals", ["no aws:PrincipalOrgPaths"]);
    }

    [Fact]
    public void AllowWithForAllValuesAndANullCheck_DoesNotReportPAC107()
    {
        string policy = Allow("""{"ForAllValues:StringEquals": {"aws:TagKeys": ["Project", "Owner"]}, "Null": {"AWS:tagkeys": "false"}}""");
        RuleAssert.Clean(Validate(policy, PolicyKind.Identity));
    }

    [Fact]
    public void AllowWithForAllValuesAndANullCheckOnAnotherKeyOrForAbsence_ReportsPAC107()
    {
        string policy = Allow("""{"ForAllValues:StringEquals": {"aws:TagKeys": "Project"}, "Null": {"aws:RequestTag/Project": "false", "aws:TagKeys": "true"}}""");
        Assert.Single(Validate(policy, PolicyKind.Identity), f => f.Id == "PAC107");
    }

    [Fact]
    public void AllowWithForAnyValue_DoesNotReportPAC107()
        => RuleAssert.Clean(Validate(Allow("""{"ForAnyValue:StringEquals": {"aws:TagKeys": "Project"}}"""), PolicyKind.Identity));

    [Fact]
    public void DenyWithForAllValues_DoesNotReportPAC107()
        => RuleAssert.Clean(Validate(Allow(TagKeys, effect: "Deny"), PolicyKind.Identity));

    [Theory]
    [InlineData(PolicyKind.ServiceControlPolicy)]
    [InlineData(PolicyKind.PermissionsBoundary)]
    public void ScpOrBoundaryAllowWithForAllValues_DoesNotReportPAC107(PolicyKind kind)
        => RuleAssert.DoesNotReport(Validate(Allow(TagKeys), kind), "PAC107");
}
