using PolicyAsCode.Rules;
using static PolicyAsCode.Tests.Rules.RuleKit;

namespace PolicyAsCode.Tests.Rules;

// IAM User Guide, "IAM JSON policy elements: Condition operators": StringLike and StringNotLike match * and ?; the other
// string operators compare characters exactly. ArnEquals and ArnLike are documented alike (each ARN field may use * and ?).
public class ExactMatchWildcardRuleTests
{
    private static IReadOnlyList<Finding> ValidateCondition(string op, string key, string value, string version = "2012-10-17")
        => Validate($$$$"""{"Version": "{{{{version}}}}", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"{{{{op}}}}": {"{{{{key}}}}": {{{{value}}}}}}}]}""",
            PolicyKind.Identity);

    [Theory]
    [InlineData("StringEquals", "StringLike")]
    [InlineData("StringNotEquals", "StringNotLike")]
    [InlineData("StringEqualsIfExists", "StringLikeIfExists")]
    [InlineData("ForAnyValue:StringEquals", "ForAnyValue:StringLike")]
    public void WildcardInExactStringOperator_ReportsPAC023SuggestingTheLikeOperator(string op, string suggestion)
    {
        var findings = ValidateCondition(op, "aws:PrincipalTag/team", "[\"eng\", \"platform-*\"]");
        RuleAssert.Reports(findings, "PAC023", FindingSeverity.Warning, $"$.Statement[0].Condition.{op}",
            [$"{op} compares 'platform-*' character for character", $"Did you mean {suggestion}?"], suggestion);
    }

    [Fact]
    public void WildcardInIgnoreCaseOperator_ReportsPAC023WithoutASuggestion()
        => RuleAssert.Reports(ValidateCondition("StringEqualsIgnoreCase", "aws:PrincipalTag/team", "\"eng?\""), "PAC023", FindingSeverity.Warning,
            "$.Statement[0].Condition.StringEqualsIgnoreCase", ["To match a pattern use StringLike, which is case-sensitive"]);

    [Theory]
    [InlineData("StringLike", "\"platform-*\"", "2012-10-17")]
    [InlineData("StringEquals", "\"platform\"", "2012-10-17")]
    [InlineData("StringEquals", "\"platform-${*}\"", "2012-10-17")]
    [InlineData("ArnEquals", "\"arn:aws:iam::111122223333:role/*\"", "2012-10-17")]
    public void LikeOperatorsEscapesAndArnEquals_DoNotReportPAC023(string op, string value, string version)
    {
        string key = op.StartsWith("Arn", StringComparison.Ordinal) ? "aws:PrincipalArn" : "aws:PrincipalTag/team";
        RuleAssert.DoesNotReport(ValidateCondition(op, key, value, version), "PAC023");
    }
}
