using PolicyAsCode.Rules;
using static PolicyAsCode.Tests.Rules.RuleKit;

namespace PolicyAsCode.Tests.Rules;

// IAM User Guide, "IAM JSON policy elements: Version" (reference_policies_elements_version): without Version AWS applies
// 2008-10-17; "IAM policy elements: Variables and tags" (reference_policies_variables): policy variables exist only in
// 2012-10-17, in the resource part of an ARN and in string and ARN condition values.
public class VersionAndVariableRulesTests
{
    private const string Statement = """{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket"}""";

    private static string WithVersion(string? version, string statement = Statement)
        => "{" + (version is null ? "" : $"\"Version\": \"{version}\", ") + $"\"Statement\": [{statement}]}}";

    // PAC019

    [Fact]
    public void PolicyWithoutVersion_ReportsPAC019OnTheDocument()
    {
        var findings = Validate(WithVersion(null), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC019", FindingSeverity.Warning, "$",
            ["The policy has no Version, so AWS applies the 2008-10-17 language", "Add \"Version\": \"2012-10-17\""], "2012-10-17");
        Assert.Equal(PolicyElementKind.Document, findings.Single().Location.Element);
    }

    [Fact]
    public void PolicyWithVersion2008_ReportsPAC019OnVersion()
    {
        var findings = Validate(WithVersion("2008-10-17"), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC019", FindingSeverity.Warning, "$.Version",
            ["Version 2008-10-17 is the old policy language", "Use \"2012-10-17\""], "2012-10-17");
    }

    [Theory]
    [MemberData(nameof(AllKinds), MemberType = typeof(RuleKit))]
    public void PolicyOfAnyKindWithoutVersion_ReportsPAC019(PolicyKind kind)
        => Assert.Single(Validate(WithVersion(null), kind, catalogue: false), f => f.Id == "PAC019");

    [Fact]
    public void PolicyWithVersion2012_DoesNotReportPAC019()
        => RuleAssert.Clean(Validate(WithVersion("2012-10-17"), PolicyKind.Identity));

    // PAC014

    [Fact]
    public void VariableInResourceWithoutVersion_ReportsPAC014AndPAC019()
    {
        const string statement = """{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home-folders/${aws:username}/*"}""";
        var findings = Validate(WithVersion(null, statement), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC014", FindingSeverity.Error, "$.Statement[0].Resource",
            ["'arn:aws:s3:::home-folders/${aws:username}/*' uses a policy variable",
             "the policy has no Version, so AWS applies 2008-10-17, where ${...} is literal text", "Set \"Version\": \"2012-10-17\""]);
        RuleAssert.Ids(findings, "PAC019", "PAC014");
    }

    [Fact]
    public void VariableInNotResourceListWithVersion2008_ReportsPAC014AtThatValue()
    {
        const string statement = """{"Effect": "Deny", "Action": "s3:*", "NotResource": ["arn:aws:s3:::shared/*", "arn:aws:s3:::home/${aws:username}/*"]}""";
        var findings = Validate(WithVersion("2008-10-17", statement), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC014", FindingSeverity.Error, "$.Statement[0].NotResource[1]", ["the policy has Version 2008-10-17, where"]);
        Assert.Single(findings, f => f.Id == "PAC014");
    }

    [Theory]
    [InlineData("StringLike")]
    [InlineData("StringEquals")]
    [InlineData("ArnLike")]
    public void VariableInStringOrArnConditionWithoutVersion_ReportsPAC014AtTheValue(string op)
    {
        string statement = $$$$"""
            {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket",
             "Condition": {"{{{{op}}}}": {"aws:PrincipalArn": ["arn:aws:iam::111122223333:role/admin", "arn:aws:iam::111122223333:user/${aws:username}"]}}}
            """;
        var findings = Validate(WithVersion(null, statement), PolicyKind.Identity);
        var finding = RuleAssert.Reports(findings, "PAC014", FindingSeverity.Error, $"$.Statement[0].Condition.{op}.aws:PrincipalArn[1]",
            ["'arn:aws:iam::111122223333:user/${aws:username}' uses a policy variable"]);
        Assert.Equal(PolicyElementKind.ConditionValue, finding.Location.Element);
        Assert.Equal(1, finding.Location.ConditionValueIndex);
    }

    [Fact]
    public void DollarBraceInANumericConditionWithoutVersion_DoesNotReportPAC014()
    {
        const string statement = """
            {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket",
             "Condition": {"NumericLessThan": {"s3:max-keys": "${10}"}}}
            """;
        RuleAssert.DoesNotReport(Validate(WithVersion(null, statement), PolicyKind.Identity), "PAC014");
    }

    [Fact]
    public void VariablesWithVersion2012_DoNotReportPAC014()
    {
        const string statement = """
            {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::home-folders",
             "Condition": {"StringLike": {"s3:prefix": ["${aws:username}/*"]}}}
            """;
        RuleAssert.Clean(Validate(WithVersion("2012-10-17", statement), PolicyKind.Identity));
    }

    [Fact]
    public void PolicyWithoutVersionOrVariables_DoesNotReportPAC014()
        => RuleAssert.Ids(Validate(WithVersion(null), PolicyKind.Identity), "PAC019");
}
