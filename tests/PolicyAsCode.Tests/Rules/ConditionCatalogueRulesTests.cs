using PolicyAsCode.Rules;
using static PolicyAsCode.Tests.Rules.RuleKit;

namespace PolicyAsCode.Tests.Rules;

// IAM User Guide, "AWS global condition context keys" (reference_policies_condition-keys) and the Service Authorization
// Reference: which keys exist, their types and the actions that support them; "IAM JSON policy elements: Condition
// operators" (reference_policies_elements_condition_operators): each operator family compares one type.
public class ConditionCatalogueRulesTests
{
    private static string WithCondition(string condition, string action = "\"s3:ListBucket\"", string resource = "\"arn:aws:s3:::my-bucket\"", string effect = "Allow")
        => Policy($$"""{"Effect": "{{effect}}", "Action": {{action}}, "Resource": {{resource}}, "Condition": {{condition}}}""");

    // PAC010

    [Fact]
    public void MisspelledGlobalKey_ReportsPAC010OnTheKey()
    {
        var findings = Validate(WithCondition("""{"StringNotEquals": {"aws:RequestRegion": "eu-west-1"}}""", "\"*\"", "\"*\"", "Deny"), PolicyKind.Identity);
        var finding = RuleAssert.Reports(findings, "PAC010", FindingSeverity.Warning, "$.Statement[0].Condition.StringNotEquals.aws:RequestRegion",
            ["The condition key aws:RequestRegion does not exist; the condition compares a key no request has. Did you mean aws:RequestedRegion?"],
            "aws:RequestedRegion");
        Assert.Equal(PolicyElementKind.ConditionKey, finding.Location.Element);
        RuleAssert.Ids(findings, "PAC010");
    }

    [Fact]
    public void KeyOfAnUnknownService_ReportsPAC010NamingTheService()
    {
        var findings = Validate(WithCondition("""{"StringEquals": {"s4:prefix": "reports/"}}"""), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC010", FindingSeverity.Warning, "$.Statement[0].Condition.StringEquals.s4:prefix",
            ["The condition key s4:prefix does not exist: there is no service s4"]);
    }

    // IAM User Guide, "Available keys for AWS OIDC federation": keys named after the identity provider's host.
    [Theory]
    [InlineData("token.actions.githubusercontent.com:sub")]
    [InlineData("accounts.google.com:aud")]
    [InlineData("cognito-identity.amazonaws.com:amr")]
    [InlineData("oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE:sub")]
    public void KeyOfAnOidcIdentityProvider_DoesNotReportPAC010(string key)
    {
        var findings = Validate(WithCondition("{\"StringEquals\": {\"" + key + "\": \"x\"}}", "\"sts:AssumeRoleWithWebIdentity\"", "\"*\""), PolicyKind.Identity);
        RuleAssert.DoesNotReport(findings, "PAC010");
    }

    [Fact]
    public void UnknownKeyOfAKnownService_ReportsPAC010()
    {
        var findings = Validate(WithCondition("""{"StringLike": {"s3:prefx": "reports/*"}}"""), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC010", FindingSeverity.Warning, "$.Statement[0].Condition.StringLike.s3:prefx",
            ["The condition key s3:prefx does not exist; the condition", "Did you mean s3:prefix?"], "s3:prefix");
    }

    [Theory]
    [InlineData("""{"Bool": {"aws:SecureTransport": "true"}}""")]
    [InlineData("""{"Bool": {"AWS:securetransport": "true"}}""")]
    [InlineData("""{"StringEquals": {"aws:ResourceTag/Project": "apollo"}}""")]
    [InlineData("""{"StringEquals": {"aws:PrincipalTag/team": "data"}}""")]
    [InlineData("""{"StringLike": {"s3:prefix": "reports/*"}}""")]
    public void ExistingKeys_DoNotReportPAC010(string condition)
        => RuleAssert.Clean(Validate(WithCondition(condition), PolicyKind.Identity));

    [Fact]
    public void ServiceKeyWithATagPlaceholder_DoesNotReportPAC010()
    {
        string policy = WithCondition("""{"StringEquals": {"s3:ExistingObjectTag/Owner": "alice"}}""", "\"s3:GetObject\"", "\"arn:aws:s3:::my-bucket/*\"");
        RuleAssert.Clean(Validate(policy, PolicyKind.Identity));
    }

    // PAC011

    [Fact]
    public void KeyNoActionSupports_ReportsPAC011()
    {
        string policy = WithCondition("""{"StringLike": {"s3:prefix": "reports/*"}}""", "\"s3:GetObject\"", "\"arn:aws:s3:::my-bucket/*\"");
        var findings = Validate(policy, PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC011", FindingSeverity.Warning, "$.Statement[0].Condition.StringLike.s3:prefix",
            ["No action of the statement supports the condition key s3:prefix, so requests for them never have it and the condition is always false."]);
        RuleAssert.Ids(findings, "PAC011");
    }

    [Theory]
    [InlineData("StringLikeIfExists")]
    [InlineData("StringNotLike")]
    public void KeyNoActionSupportsUnderIfExistsOrANegatedOperator_ReportsPAC011WithoutAlwaysFalse(string op)
    {
        string policy = WithCondition($$$"""{"{{{op}}}": {"s3:prefix": "reports/*"}}""", "\"s3:GetObject\"", "\"arn:aws:s3:::my-bucket/*\"");
        var finding = RuleAssert.Reports(Validate(policy, PolicyKind.Identity), "PAC011", FindingSeverity.Warning,
            $"$.Statement[0].Condition.{op}.s3:prefix", ["so requests for them never have it."]);
        Assert.DoesNotContain("always false", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"s3:ListBucket\"", """{"StringLike": {"s3:prefix": "reports/*"}}""")]
    [InlineData("""["s3:GetObject", "s3:ListBucket"]""", """{"StringLike": {"s3:prefix": "reports/*"}}""")]
    [InlineData("\"s3:List*\"", """{"StringLike": {"s3:prefix": "reports/*"}}""")]
    [InlineData("\"s3:GetObject\"", """{"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}""")]
    [InlineData("\"*\"", """{"StringLike": {"s3:prefix": "reports/*"}}""")]
    [InlineData("\"s*:GetObject\"", """{"StringLike": {"s3:prefix": "reports/*"}}""")]
    public void KeysTheActionsSupportOrGlobalKeysOrUnknownActions_DoNotReportPAC011(string action, string condition)
        => RuleAssert.DoesNotReport(Validate(WithCondition(condition, action, "\"*\""), PolicyKind.Identity), "PAC011");

    [Fact]
    public void KeyOfTheActionsResourceType_DoesNotReportPAC011()
    {
        string policy = WithCondition("""{"StringEquals": {"s3:ExistingObjectTag/Owner": "alice"}}""", "\"s3:GetObject\"", "\"arn:aws:s3:::my-bucket/*\"");
        RuleAssert.DoesNotReport(Validate(policy, PolicyKind.Identity), "PAC011");
    }

    [Fact]
    public void NotActionStatement_DoesNotReportPAC011()
    {
        string policy = Policy("""{"Effect": "Deny", "NotAction": "s3:GetObject", "Resource": "*", "Condition": {"StringLike": {"s3:prefix": "x/*"}}}""");
        RuleAssert.Clean(Validate(policy, PolicyKind.Identity));
    }

    // PAC012

    [Theory]
    [InlineData("DateGreaterThan", "aws:username", "2025-01-01T00:00:00Z", "DateGreaterThan compares dates, but aws:username is a String key; use a String operator such as StringEquals.", "StringEquals")]
    [InlineData("DateLessThanIfExists", "aws:username", "2025-01-01T00:00:00Z", "use a String operator such as StringEqualsIfExists", "StringEqualsIfExists")]
    [InlineData("NumericNotEquals", "aws:PrincipalAccount", "111122223333", "NumericNotEquals compares numbers, but aws:PrincipalAccount is a String key", "StringNotEquals")]
    [InlineData("ArnLike", "aws:PrincipalAccount", "111122223333", "ArnLike compares ARNs, but aws:PrincipalAccount is a String key", "StringEquals")]
    [InlineData("StringEquals", "aws:SecureTransport", "yes", "StringEquals compares strings, but aws:SecureTransport is a Bool key; use the Bool operator such as Bool.", "Bool")]
    [InlineData("StringEquals", "aws:MultiFactorAuthAge", "3600", "aws:MultiFactorAuthAge is a Numeric key; use a Numeric operator such as NumericEquals.", "NumericEquals")]
    [InlineData("StringNotEquals", "aws:MultiFactorAuthAge", "3600", "use a Numeric operator such as NumericNotEquals.", "NumericNotEquals")]
    [InlineData("StringLike", "aws:SourceIp", "203.0.113.*", "StringLike compares strings, but aws:SourceIp is an IPAddress key; use an IP address operator such as IpAddress.", "IpAddress")]
    [InlineData("IpAddress", "aws:SourceArn", "203.0.113.0/24", "IpAddress compares IP addresses, but aws:SourceArn is an ARN key; use an ARN (or String) operator such as ArnLike.", "ArnLike")]
    [InlineData("NotIpAddress", "aws:SourceArn", "203.0.113.0/24", "such as ArnNotLike.", "ArnNotLike")]
    [InlineData("Bool", "aws:CurrentTime", "true", "Bool compares booleans, but aws:CurrentTime is a Date key; use a Date operator such as DateEquals.", "DateEquals")]
    [InlineData("ForAnyValue:NumericEquals", "aws:TagKeys", "1", "ForAnyValue:NumericEquals compares numbers, but aws:TagKeys is a String key", "ForAnyValue:StringEquals")]
    [InlineData("DateGreaterThan", "aws:MultiFactorAuthAge", "2025-01-01T00:00:00Z", "aws:MultiFactorAuthAge is a Numeric key", "NumericEquals")]
    public void OperatorOfAnotherType_ReportsPAC012SuggestingAFittingOperator(string op, string key, string value, string message, string suggestion)
    {
        var findings = Validate(WithCondition($$$"""{"{{{op}}}": {"{{{key}}}": "{{{value}}}"}}"""), PolicyKind.Identity);
        var finding = RuleAssert.Reports(findings, "PAC012", FindingSeverity.Error, $"$.Statement[0].Condition.{op}", [message], suggestion);
        Assert.Equal(PolicyElementKind.ConditionOperator, finding.Location.Element);
    }

    [Theory]
    [InlineData("StringEquals", "aws:PrincipalOrgID", "o-a1b2c3d4e5")]
    [InlineData("StringLike", "aws:PrincipalArn", "arn:aws:iam::111122223333:role/*")]
    [InlineData("ArnLike", "aws:PrincipalArn", "arn:aws:iam::111122223333:role/*")]
    [InlineData("NumericLessThan", "aws:MultiFactorAuthAge", "3600")]
    [InlineData("NumericLessThan", "aws:EpochTime", "1767225600")]
    [InlineData("DateLessThan", "aws:CurrentTime", "2026-01-01T00:00:00Z")]
    [InlineData("DateLessThan", "aws:EpochTime", "1767225600")]
    [InlineData("Bool", "aws:SecureTransport", "true")]
    [InlineData("BoolIfExists", "aws:MultiFactorAuthPresent", "true")]
    [InlineData("IpAddress", "aws:SourceIp", "203.0.113.0/24")]
    [InlineData("Null", "aws:SourceIp", "false")]
    [InlineData("Null", "aws:CurrentTime", "false")]
    [InlineData("ForAnyValue:StringEquals", "aws:TagKeys", "Project")]
    [InlineData("StringEqualsIgnoreCase", "aws:username", "alice")]
    public void OperatorFittingTheKeysType_DoesNotReportPAC012(string op, string key, string value)
        => RuleAssert.DoesNotReport(Validate(WithCondition($$$"""{"{{{op}}}": {"{{{key}}}": "{{{value}}}"}}"""), PolicyKind.Identity), "PAC012");

    [Fact]
    public void UnknownKey_IsNotCheckedByPAC012()
        => RuleAssert.Ids(Validate(WithCondition("""{"DateGreaterThan": {"aws:RequestRegion": "eu-west-1"}}"""), PolicyKind.Identity), "PAC010");

    [Fact]
    public void SecondConditionOfAnOperatorWithAMismatch_ReportsPAC012ForThatKeyOnly()
    {
        var findings = Validate(WithCondition("""{"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5", "aws:SecureTransport": "true"}}"""), PolicyKind.Identity);
        var finding = RuleAssert.Reports(findings, "PAC012", FindingSeverity.Warning, "$.Statement[0].Condition.StringEquals", ["aws:SecureTransport is a Bool key"], "Bool");
        Assert.Equal(1, finding.Location.ValueIndex);
        RuleAssert.Ids(findings, "PAC012");
    }
}
