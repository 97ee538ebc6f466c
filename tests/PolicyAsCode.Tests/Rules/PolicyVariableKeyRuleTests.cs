using PolicyAsCode.Rules;
using static PolicyAsCode.Tests.Rules.RuleKit;

namespace PolicyAsCode.Tests.Rules;

// IAM User Guide, "IAM policy elements: Variables and tags": a variable is replaced with the value of a request context
// key; a key that is not in the request cannot be resolved, and a Resource holding it matches nothing.
public class PolicyVariableKeyRuleTests
{
    [Fact]
    public void MisspelledGlobalKeyInAResource_ReportsPAC022WithTheCorrectedValue()
    {
        var findings = Validate(Policy("""{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:usrname}/*"}"""), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC022", FindingSeverity.Warning, "$.Statement[0].Resource",
            ["The policy variable ${aws:usrname} names no condition key, so AWS cannot resolve it and it matches no resource.", "Did you mean ${aws:username}?"],
            "arn:aws:s3:::home/${aws:username}/*");
    }

    [Fact]
    public void UnknownKeyWithADefaultInACondition_ReportsPAC022KeepingTheDefault()
    {
        var findings = Validate(Policy("""{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::home", "Condition": {"StringLike": {"s3:prefix": ["${aws:PrincipalTagg/team, 'none'}/*"]}}}"""),
            PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC022", FindingSeverity.Warning, "$.Statement[0].Condition.StringLike.s3:prefix",
            ["${aws:PrincipalTagg/team, 'none'} names no condition key", "the value matches no request"]);
    }

    [Fact]
    public void MisspelledServiceKey_ReportsPAC022()
        => RuleAssert.Reports(Validate(Policy("""{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::home/${s3:prefx}"}"""), PolicyKind.Identity),
            "PAC022", FindingSeverity.Warning, "$.Statement[0].Resource", ["${s3:prefx} names no condition key"], "arn:aws:s3:::home/${s3:prefix}");

    [Theory]
    [InlineData("arn:aws:s3:::home/${aws:username}/*")]
    [InlineData("arn:aws:s3:::home/${aws:PrincipalTag/team}/*")]
    [InlineData("arn:aws:s3:::home/${aws:userid}/${*}")]
    [InlineData("arn:aws:s3:::home/${cognito-identity.amazonaws.com:sub}/*")]
    [InlineData("arn:aws:s3:::home/${saml:sub}/*")]
    public void KnownKeysAndKeysOfIdentityProviders_DoNotReportPAC022(string arn)
        => RuleAssert.DoesNotReport(Validate(Policy($$"""{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "{{arn}}"}"""), PolicyKind.Identity), "PAC022");

    [Fact]
    public void VariablesInA2008Policy_DoNotReportPAC022()
        => RuleAssert.DoesNotReport(Validate("""{"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:usrname}"}]}""",
            PolicyKind.Identity), "PAC022");
}
