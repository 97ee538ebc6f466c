using PolicyAsCode.Rules;
using static PolicyAsCode.Tests.Rules.RuleKit;

namespace PolicyAsCode.Tests.Rules;

// IAM User Guide, "AWS global condition context keys", "Sensitive condition keys": "The use of wildcards in these
// condition keys does not have any valid use cases, even with a substring of the key value with a wildcard."
public class SensitiveKeyWildcardRuleTests
{
    private static IReadOnlyList<Finding> ValidateCondition(string op, string key, string value, string effect = "Allow")
        => Validate(Policy($$$$"""{"Effect": "{{{{effect}}}}", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"{{{{op}}}}": {"{{{{key}}}}": {{{{value}}}}}}}"""),
            PolicyKind.Resource);

    [Theory]
    [InlineData("aws:PrincipalOrgID", "o-*")]
    [InlineData("aws:SourceAccount", "1111222233*")]
    [InlineData("aws:PrincipalAccount", "*")]
    [InlineData("aws:ResourceOrgID", "o-?bc")]
    [InlineData("aws:SourceVpce", "vpce-*")]
    [InlineData("aws:VpceOrgID", "o-*")]
    public void WildcardOnASensitiveKey_ReportsPAC108(string key, string value)
    {
        var findings = ValidateCondition("StringLike", key, $"\"{value}\"");
        RuleAssert.Reports(findings, "PAC108", FindingSeverity.Warning, $"$.Statement[0].Condition.StringLike.{key}",
            [$"'{value}' is a wildcard on {key}, where AWS says a wildcard has no valid use"]);
    }

    [Fact]
    public void WildcardOnASensitiveKeyWithStringEqualsInADeny_ReportsPAC108NotPAC023()
    {
        var findings = ValidateCondition("StringNotEquals", "aws:PrincipalOrgID", "[\"o-abc\", \"o-*\"]", "Deny");
        RuleAssert.Reports(findings, "PAC108", FindingSeverity.Warning, "$.Statement[0].Condition.StringNotEquals.aws:PrincipalOrgID[1]",
            ["with StringNotEquals it is literal text"]);
        RuleAssert.DoesNotReport(findings, "PAC023");
    }

    [Theory]
    [InlineData("StringEquals", "aws:PrincipalOrgID", "\"o-abc123\"")]
    [InlineData("StringLike", "aws:PrincipalArn", "\"arn:aws:iam::111122223333:role/*\"")]
    [InlineData("StringLike", "aws:PrincipalOrgPaths", "\"o-abc/r-ab12/ou-ab12-*\"")]
    public void ExactValuesOrKeysWhereWildcardsAreUseful_DoNotReportPAC108(string op, string key, string value)
        => RuleAssert.DoesNotReport(ValidateCondition(op, key, value), "PAC108");
}
