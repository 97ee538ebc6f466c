using PolicyAsCode.Rules;
using static PolicyAsCode.Tests.Rules.RuleKit;

namespace PolicyAsCode.Tests.Rules;

// IAM User Guide, "IAM identifiers" (reference_identifiers) and "IAM and AWS STS quotas": user names are unique without
// regard to case; "IAM JSON policy elements: Condition operators" (reference_policies_elements_condition_operators):
// StringEquals is case-sensitive, StringEqualsIgnoreCase is not.
public class UserNameConditionRuleTests
{
    private static string WithCondition(string op, string key = "aws:username", string effect = "Deny")
        => Policy($$$$"""{"Effect": "{{{{effect}}}}", "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::audit-logs/*", "Condition": {"{{{{op}}}}": {"{{{{key}}}}": "alice"}}}""");

    [Fact]
    public void StringEqualsOnUserName_ReportsPAC013SuggestingStringEqualsIgnoreCase()
    {
        var findings = Validate(WithCondition("StringEquals"), PolicyKind.Identity);
        var finding = RuleAssert.Reports(findings, "PAC013", FindingSeverity.Warning, "$.Statement[0].Condition.StringEquals",
            ["IAM user names are case-insensitive, but StringEquals compares aws:username case-sensitively; use StringEqualsIgnoreCase."],
            "StringEqualsIgnoreCase");
        Assert.Equal(PolicyElementKind.ConditionOperator, finding.Location.Element);
        RuleAssert.Ids(findings, "PAC013");
    }

    [Theory]
    [InlineData("StringNotEquals", "StringNotEqualsIgnoreCase")]
    [InlineData("StringEqualsIfExists", "StringEqualsIgnoreCaseIfExists")]
    [InlineData("StringNotEqualsIfExists", "StringNotEqualsIgnoreCaseIfExists")]
    [InlineData("ForAnyValue:StringEquals", "ForAnyValue:StringEqualsIgnoreCase")]
    public void OtherCaseSensitiveOperatorsOnUserName_ReportPAC013WithTheIgnoreCaseForm(string op, string suggestion)
    {
        var findings = Validate(WithCondition(op), PolicyKind.Identity, catalogue: false);
        RuleAssert.Reports(findings, "PAC013", FindingSeverity.Warning, $"$.Statement[0].Condition.{op}", [$"use {suggestion}."], suggestion);
    }

    [Theory]
    [MemberData(nameof(AllKinds), MemberType = typeof(RuleKit))]
    public void StringEqualsOnUserNameInAnyKindOrCase_ReportsPAC013(PolicyKind kind)
    {
        string principal = kind.RequiresPrincipal() ? "\"Principal\": {\"AWS\": \"111122223333\"}, " : "";
        string policy = Policy($$$$"""{"Effect": "Allow", {{{{principal}}}}"Action": "sts:AssumeRole", "Condition": {"StringEquals": {"AWS:UserName": "alice"}}}""");
        Assert.Single(Validate(policy, kind, catalogue: false), f => f.Id == "PAC013");
    }

    [Theory]
    [InlineData("StringEqualsIgnoreCase", "aws:username")]
    [InlineData("StringNotEqualsIgnoreCase", "aws:username")]
    [InlineData("StringLike", "aws:username")]
    [InlineData("StringEquals", "aws:userid")]
    [InlineData("StringEquals", "aws:PrincipalTag/username")]
    public void CaseInsensitiveOperatorsOrOtherKeys_DoNotReportPAC013(string op, string key)
        => RuleAssert.DoesNotReport(Validate(WithCondition(op, key), PolicyKind.Identity), "PAC013");
}
