using PolicyAsCode.Rules;
using static PolicyAsCode.Tests.Rules.RuleKit;

namespace PolicyAsCode.Tests.Rules;

// IAM User Guide, "IAM JSON policy elements: Principal" (reference_policies_elements_principal): identity-based policies
// cannot name principals, resource-based policies must, and the forms a principal can take; "IAM JSON policy elements:
// NotPrincipal" (reference_policies_elements_notprincipal): NotPrincipal only with Deny, and never in a role trust policy.
public class PrincipalRulesTests
{
    private const string WithPrincipal = """
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}
        """;

    private const string WithoutPrincipal = """
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}
        """;

    private const string TrustStatement = """
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"}
        """;

    // PAC001

    [Fact]
    public void IdentityPolicyWithPrincipal_ReportsPAC001()
    {
        var findings = Validate(Policy(WithPrincipal), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC001", FindingSeverity.Error, "$.Statement[0].Principal",
            ["Principal is not allowed in an identity-based policy", "remove Principal"]);
    }

    [Theory]
    [InlineData(PolicyKind.PermissionsBoundary, "in a permissions boundary")]
    [InlineData(PolicyKind.SessionPolicy, "in a session policy")]
    [InlineData(PolicyKind.ServiceControlPolicy, "in a service control policy")]
    public void BoundarySessionAndScpWithPrincipal_ReportPAC001(PolicyKind kind, string where)
    {
        var findings = Validate(Policy(WithPrincipal), kind);
        RuleAssert.Reports(findings, "PAC001", FindingSeverity.Error, "$.Statement[0].Principal", ["Principal is not allowed " + where]);
    }

    [Fact]
    public void IdentityPolicyWithNotPrincipal_ReportsPAC001OnNotPrincipal()
    {
        const string statement = """
            {"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "*"}
            """;
        var findings = Validate(Policy(WithoutPrincipal, statement), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC001", FindingSeverity.Error, "$.Statement[1].NotPrincipal",
            ["NotPrincipal is not allowed in an identity-based policy", "remove NotPrincipal"]);
    }

    [Fact]
    public void IdentityPolicyWithMalformedPrincipal_ReportsOnlyPAC001()
    {
        const string statement = """
            {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:group/admins"}, "Action": "s3:GetObject", "Resource": "*"}
            """;
        var findings = Validate(Policy(statement), PolicyKind.Identity, catalogue: false);
        RuleAssert.Ids(findings, "PAC001");
    }

    [Theory]
    [InlineData(PolicyKind.Resource)]
    [InlineData(PolicyKind.Trust)]
    public void ResourceAndTrustPoliciesWithPrincipal_DoNotReportPAC001(PolicyKind kind)
    {
        var findings = Validate(Policy(kind == PolicyKind.Trust ? TrustStatement : WithPrincipal), kind);
        RuleAssert.DoesNotReport(findings, "PAC001");
    }

    [Fact]
    public void IdentityPolicyWithoutPrincipal_DoesNotReportPAC001()
        => RuleAssert.Clean(Validate(Policy(WithoutPrincipal), PolicyKind.Identity));

    // PAC005

    [Fact]
    public void ResourcePolicyWithoutPrincipal_ReportsPAC005OnTheStatement()
    {
        var findings = Validate(Policy(WithPrincipal, WithoutPrincipal), PolicyKind.Resource);
        RuleAssert.Reports(findings, "PAC005", FindingSeverity.Error, "$.Statement[1]",
            ["The statement names no principal", "every statement of a resource-based policy needs Principal"]);
        Assert.Single(findings, f => f.Id == "PAC005");
    }

    [Fact]
    public void TrustPolicyWithoutPrincipal_ReportsPAC005()
    {
        var findings = Validate(Policy("""{"Effect": "Allow", "Action": "sts:AssumeRole"}"""), PolicyKind.Trust);
        RuleAssert.Reports(findings, "PAC005", FindingSeverity.Error, "$.Statement[0]", ["every statement of a role trust policy needs Principal"]);
    }

    [Fact]
    public void ResourcePolicyWithPrincipal_DoesNotReportPAC005()
        => RuleAssert.Clean(Validate(Policy(WithPrincipal), PolicyKind.Resource));

    [Theory]
    [InlineData(PolicyKind.Identity)]
    [InlineData(PolicyKind.PermissionsBoundary)]
    [InlineData(PolicyKind.SessionPolicy)]
    [InlineData(PolicyKind.ServiceControlPolicy)]
    public void IdentityBasedPoliciesWithoutPrincipal_DoNotReportPAC005(PolicyKind kind)
        => RuleAssert.DoesNotReport(Validate(Policy(WithoutPrincipal), kind), "PAC005");

    // PAC018

    [Fact]
    public void ResourcePolicyAllowingNotPrincipal_ReportsPAC018()
    {
        const string statement = """
            {"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/contractor"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}
            """;
        var findings = Validate(Policy(statement), PolicyKind.Resource);
        RuleAssert.Reports(findings, "PAC018", FindingSeverity.Error, "$.Statement[0].NotPrincipal",
            ["NotPrincipal with \"Effect\": \"Allow\" grants to everyone not listed", "Use Principal, or Deny with a condition on aws:PrincipalArn"]);
    }

    [Fact]
    public void ResourcePolicyDenyingNotPrincipal_DoesNotReportPAC018()
    {
        const string statement = """
            {"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/admin"}, "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::my-bucket/*"}
            """;
        RuleAssert.Clean(Validate(Policy(statement), PolicyKind.Resource));
    }

    [Theory]
    [InlineData("Allow")]
    [InlineData("Deny")]
    public void TrustPolicyWithNotPrincipal_ReportsPAC018WhateverTheEffect(string effect)
    {
        string statement = $$"""
            {"Effect": "{{effect}}", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/admin"}, "Action": "sts:AssumeRole"}
            """;
        var findings = Validate(Policy(statement), PolicyKind.Trust);
        RuleAssert.Reports(findings, "PAC018", FindingSeverity.Error, "$.Statement[0].NotPrincipal",
            ["NotPrincipal is not allowed in a role trust policy", "with Principal"]);
    }

    [Fact]
    public void TrustPolicyWithPrincipal_DoesNotReportPAC018()
        => RuleAssert.Clean(Validate(Policy(TrustStatement), PolicyKind.Trust));

    // PAC020

    [Theory]
    [InlineData("AWS", "arn:aws:iam::111122223333:user/*", "a principal cannot use a wildcard to match part of a name or ARN")]
    [InlineData("AWS", "1111*", "a principal cannot use a wildcard")]
    [InlineData("AWS", "11112222333", "is not an account id: account ids have 12 digits")]
    [InlineData("AWS", "alice", "is not an account id or principal ARN")]
    [InlineData("AWS", "arn:aws:iam::111122223333:group/admins", "groups and instance profiles cannot be principals")]
    [InlineData("AWS", "arn:aws:iam::111122223333:instance-profile/web", "groups and instance profiles cannot be principals")]
    [InlineData("AWS", "arn:aws:iam::my-account:root", "is not an account id or principal ARN: 'arn:aws:iam::my-account:root' is not an ARN: the account id 'my-account' must be 12 digits")]
    [InlineData("AWS", "arn:aws:iam:::role/reader", "has no 12-digit account id; principal ARNs name the account")]
    [InlineData("AWS", "arn:aws:sts::111122223333:assumed-role/reader", "STS principals are arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION")]
    [InlineData("AWS", "arn:aws:sns:us-east-1:111122223333:alerts", "is not an IAM or STS principal ARN")]
    [InlineData("Service", "lambda", "is not a service principal")]
    [InlineData("Service", "*.amazonaws.com", "is not a service principal")]
    [InlineData("Federated", "arn:aws:iam::111122223333:role/web", "is not an identity provider ARN")]
    [InlineData("Federated", "*.example.com", "is not a federated principal")]
    [InlineData("CanonicalUser", "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2b", "is not a canonical user id (64 hexadecimal characters)")]
    public void ResourcePolicyWithMalformedPrincipal_ReportsPAC020(string type, string value, string problem)
    {
        string statement = $$"""
            {"Effect": "Allow", "Principal": {"{{type}}": "{{value}}"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}
            """;
        var findings = Validate(Policy(statement), PolicyKind.Resource);
        var finding = RuleAssert.Reports(findings, "PAC020", FindingSeverity.Error, $"$.Statement[0].Principal.{type}", [$"'{value}'", problem]);
        Assert.Equal(0, finding.Location.ValueIndex);
    }

    [Theory]
    [InlineData("AWS", "*")]
    [InlineData("AWS", "111122223333")]
    [InlineData("AWS", "arn:aws:iam::111122223333:root")]
    [InlineData("AWS", "arn:aws:iam::111122223333:user/division/alice")]
    [InlineData("AWS", "arn:aws:iam::111122223333:role/reader")]
    [InlineData("AWS", "arn:aws-cn:iam::111122223333:role/reader")]
    [InlineData("AWS", "arn:aws:sts::111122223333:assumed-role/reader/session-1")]
    [InlineData("AWS", "arn:aws:sts::111122223333:federated-user/bob")]
    [InlineData("Service", "lambda.amazonaws.com")]
    [InlineData("Federated", "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com")]
    [InlineData("Federated", "arn:aws:iam::111122223333:saml-provider/okta")]
    [InlineData("Federated", "cognito-identity.amazonaws.com")]
    [InlineData("CanonicalUser", "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be")]
    public void ResourcePolicyWithWellFormedPrincipal_DoesNotReportPAC020(string type, string value)
    {
        string statement = $$"""
            {"Effect": "Deny", "Principal": {"{{type}}": "{{value}}"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}
            """;
        RuleAssert.DoesNotReport(Validate(Policy(statement), PolicyKind.Resource), "PAC020");
    }

    [Fact]
    public void PrincipalListWithOneMalformedValue_ReportsPAC020AtThatValue()
    {
        const string statement = """
            {"Effect": "Allow",
             "Principal": {"Service": "ec2.amazonaws.com", "AWS": ["arn:aws:iam::111122223333:role/a", "arn:aws:iam::111122223333:group/b"]},
             "Action": "sts:AssumeRole"}
            """;
        var findings = Validate(Policy(statement), PolicyKind.Trust);
        var finding = RuleAssert.Reports(findings, "PAC020", FindingSeverity.Error, "$.Statement[0].Principal.AWS[1]",
            ["'arn:aws:iam::111122223333:group/b'"]);
        Assert.Equal(1, finding.Location.ValueIndex);
        Assert.Single(findings, f => f.Id == "PAC020");
    }

    [Fact]
    public void TrustPolicyWithMalformedServicePrincipal_ReportsPAC020()
    {
        const string statement = """{"Effect": "Allow", "Principal": {"Service": ["ec2.amazonaws.com", "lambda"]}, "Action": "sts:AssumeRole"}""";
        var findings = Validate(Policy(statement), PolicyKind.Trust);
        RuleAssert.Reports(findings, "PAC020", FindingSeverity.Error, "$.Statement[0].Principal.Service[1]", ["'lambda' is not a service principal"]);
    }

    [Fact]
    public void WildcardPrincipal_DoesNotReportPAC020()
    {
        const string statement = """{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}""";
        RuleAssert.DoesNotReport(Validate(Policy(statement), PolicyKind.Resource), "PAC020");
    }
}
