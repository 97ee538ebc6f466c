using static PolicyAsCode.Tests.Evaluation.Kit;

namespace PolicyAsCode.Tests.Evaluation;

/// <summary>IAM User Guide, reference_policies_elements_principal and reference_policies_elements_notprincipal.</summary>
public sealed class PrincipalTests
{
    private const string Role = "arn:aws:iam::111122223333:role/app";

    private static PreparedPolicy Trust(string principalJson, string action = "sts:AssumeRole")
        => Statement($$"""{"Effect":"Allow","Principal":{{principalJson}},"Action":"{{action}}"}""", "trust");

    private static Decision Assume(PreparedPolicy trust, string? caller, string action = "sts:AssumeRole", params PreparedPolicy[] identity)
    {
        var set = new PolicySet { IdentityPolicies = identity, ResourcePolicy = trust };
        var request = new Request(caller, action, Role);
        var decision = Authorizer.Authorize(set, request);
        Assert.Equal(decision, Authorizer.Explain(set, request).Decision);
        return decision;
    }

    private static readonly PreparedPolicy CanAssume = Statement("""{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::111122223333:role/app"}""");

    // reference_policies_elements_principal (AWS account principals): the 12-digit account id and the account's root
    // ARN name the same principal, the account.
    [Theory]
    [InlineData("""{"AWS":"444455556666"}""")]
    [InlineData("""{"AWS":"arn:aws:iam::444455556666:root"}""")]
    [InlineData("""{"AWS":["999988887777","444455556666"]}""")]
    public void AccountIdAndRootArnAreTheSamePrincipal(string principal)
    {
        Assert.Equal(Decision.Allow, Assume(Trust(principal), "arn:aws:iam::444455556666:user/dev", identity: CanAssumeFromDev));
        Assert.Equal(Decision.ImplicitDeny, Assume(Trust(principal), "arn:aws:iam::555555555555:user/dev", identity: CanAssumeFromDev));
    }

    private static readonly PreparedPolicy CanAssumeFromDev = Statement("""{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}""");

    // reference_policies_elements_principal (IAM role principals, role session principals): a role ARN matches every
    // session of that role; the session ARN has no path; another account's role of the same name does not match.
    [Theory]
    [InlineData("arn:aws:iam::444455556666:role/builder", "arn:aws:sts::444455556666:assumed-role/builder/s1", Decision.Allow)]
    [InlineData("arn:aws:iam::444455556666:role/builder", "arn:aws:sts::444455556666:assumed-role/builder/other-session", Decision.Allow)]
    [InlineData("arn:aws:iam::444455556666:role/ci/builder", "arn:aws:sts::444455556666:assumed-role/builder/s1", Decision.Allow)]
    [InlineData("arn:aws:iam::444455556666:role/builder", "arn:aws:sts::999988887777:assumed-role/builder/s1", Decision.ImplicitDeny)]
    [InlineData("arn:aws:iam::444455556666:role/builder", "arn:aws:sts::444455556666:assumed-role/tester/s1", Decision.ImplicitDeny)]
    [InlineData("arn:aws:sts::444455556666:assumed-role/builder/s1", "arn:aws:sts::444455556666:assumed-role/builder/s1", Decision.Allow)]
    [InlineData("arn:aws:sts::444455556666:assumed-role/builder/s1", "arn:aws:sts::444455556666:assumed-role/builder/s2", Decision.ImplicitDeny)]
    public void RoleArnMatchesItsSessions(string principal, string caller, Decision expected)
        => Assert.Equal(expected, Assume(Trust($$"""{"AWS":"{{principal}}"}"""), caller, identity: CanAssumeFromDev));

    // reference_policies_elements_principal (IAM user principals): a user ARN matches that user only, not a role session
    // or another user.
    [Theory]
    [InlineData(Alice, Decision.Allow)]
    [InlineData(Bob, Decision.ImplicitDeny)]
    [InlineData(AppSession, Decision.ImplicitDeny)]
    [InlineData("arn:aws:iam::111122223333:user/Alice", Decision.ImplicitDeny)]
    public void UserArnMatchesThatUserOnly(string caller, Decision expected)
        => Assert.Equal(expected, Assume(Trust($$"""{"AWS":"{{Alice}}"}"""), caller));

    // reference_policies_elements_principal (AWS service principals): a service principal named in a trust policy may
    // assume the role; other services may not.
    [Theory]
    [InlineData("lambda.amazonaws.com", Decision.Allow)]
    [InlineData("ec2.amazonaws.com", Decision.ImplicitDeny)]
    public void ServicePrincipal(string caller, Decision expected)
        => Assert.Equal(expected, Assume(Trust("""{"Service":"lambda.amazonaws.com"}"""), caller));

    // reference_policies_elements_principal (Web identity session principals): a web identity provider named under
    // "Federated" may call sts:AssumeRoleWithWebIdentity.
    [Theory]
    [InlineData("cognito-identity.amazonaws.com", "sts:AssumeRoleWithWebIdentity", Decision.Allow)]
    [InlineData("accounts.google.com", "sts:AssumeRoleWithWebIdentity", Decision.ImplicitDeny)]
    [InlineData("cognito-identity.amazonaws.com", "sts:AssumeRole", Decision.ImplicitDeny)]
    public void FederatedWebIdentityPrincipal(string caller, string action, Decision expected)
        => Assert.Equal(expected, Assume(Trust("""{"Federated":"cognito-identity.amazonaws.com"}""", "sts:AssumeRoleWithWebIdentity"), caller, action));

    // reference_policies_elements_principal (All principals): "Principal": "*" is everyone, including anonymous callers
    // where the service allows them (a public bucket).
    [Theory]
    [InlineData(null)]
    [InlineData(Alice)]
    [InlineData("arn:aws:iam::999988887777:user/stranger")]
    public void StarPrincipalIncludesAnonymousCallers(string? caller)
    {
        var bucketPolicy = Statement("""{"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::public-bucket/*"}""", "bucket");
        var set = new PolicySet
        {
            ResourcePolicy = bucketPolicy,
            IdentityPolicies = caller is null ? [] : [Statement("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""")],
        };
        var request = new Request(caller, "s3:GetObject", "arn:aws:s3:::public-bucket/index.html", null, Account);
        Assert.Equal(Decision.Allow, Authorizer.Authorize(set, request));
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(set, new Request(caller, "s3:PutObject", "arn:aws:s3:::public-bucket/index.html", null, Account)));
    }

    // reference_policies_elements_notprincipal: the AWS example: with Bob's ARN and his account's root ARN in NotPrincipal,
    // "all principals except the user named Bob in AWS account 444455556666 are explicitly denied", other users of that
    // account included.
    [Theory]
    [InlineData("arn:aws:iam::444455556666:user/Bob", Decision.Allow)]
    [InlineData("arn:aws:iam::444455556666:user/Alice", Decision.ExplicitDeny)]
    [InlineData("arn:aws:sts::444455556666:assumed-role/Bob/s1", Decision.ExplicitDeny)]
    [InlineData("arn:aws:iam::999988887777:user/Bob", Decision.ExplicitDeny)]
    [InlineData(null, Decision.ExplicitDeny)]
    public void DenyWithNotPrincipalUserExample(string? caller, Decision expected)
    {
        var bucketPolicy = Policy("""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::BUCKETNAME","arn:aws:s3:::BUCKETNAME/*"]},
              {"Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:iam::444455556666:user/Bob","arn:aws:iam::444455556666:root"]},"Action":"s3:*","Resource":["arn:aws:s3:::BUCKETNAME","arn:aws:s3:::BUCKETNAME/*"]}]}
            """, "bucket");
        var set = new PolicySet { ResourcePolicy = bucketPolicy, IdentityPolicies = [Statement("""{"Effect":"Allow","Action":"s3:*","Resource":"*"}""")] };
        var request = new Request(caller, "s3:GetObject", "arn:aws:s3:::BUCKETNAME/report", null, Account);
        Assert.Equal(expected, Authorizer.Authorize(set, request));
    }

    // reference_policies_elements_notprincipal: the AWS role example: with the session, role and account ARNs listed,
    // every principal except that assumed-role session is denied, other sessions of the same role included.
    [Theory]
    [InlineData("arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/cross-account-audit-app", Decision.Allow)]
    [InlineData("arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/someone-else", Decision.ExplicitDeny)]
    [InlineData("arn:aws:sts::444455556666:assumed-role/other-role/cross-account-audit-app", Decision.ExplicitDeny)]
    [InlineData("arn:aws:iam::444455556666:user/cross-account-audit-app", Decision.ExplicitDeny)]
    public void DenyWithNotPrincipalRoleSessionExample(string caller, Decision expected)
    {
        var bucketPolicy = Policy("""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"AWS":"444455556666"},"Action":"s3:*","Resource":["arn:aws:s3:::Bucket_AccountAudit","arn:aws:s3:::Bucket_AccountAudit/*"]},
              {"Effect":"Deny","NotPrincipal":{"AWS":[
                "arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/cross-account-audit-app",
                "arn:aws:iam::444455556666:role/cross-account-read-only-role",
                "arn:aws:iam::444455556666:root"]},
               "Action":"s3:*","Resource":["arn:aws:s3:::Bucket_AccountAudit","arn:aws:s3:::Bucket_AccountAudit/*"]}]}
            """, "bucket");
        var set = new PolicySet { ResourcePolicy = bucketPolicy, IdentityPolicies = [Statement("""{"Effect":"Allow","Action":"s3:*","Resource":"*"}""")] };
        var request = new Request(caller, "s3:GetObject", "arn:aws:s3:::Bucket_AccountAudit/log", null, "111122223333");
        Assert.Equal(expected, Authorizer.Authorize(set, request));
    }

    // reference_policies_elements_notprincipal: without the account ARN "the policy might deny access to the entire account
    // containing the principal". Ambiguity ("might"): the evaluator takes the stricter reading and denies.
    [Fact]
    public void NotPrincipalWithoutTheAccountArnDeniesThePrincipalToo()
    {
        var policy = Statement("""{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"s3:*","Resource":"*"}""");
        Assert.Equal(Decision.ExplicitDeny, policy.Decide(AliceGets()));
    }

    // reference_policies_elements_notprincipal: NotPrincipal with Allow grants to every principal except those listed.
    [Theory]
    [InlineData(Alice, Decision.ImplicitDeny)]
    [InlineData(Bob, Decision.Allow)]
    public void AllowWithNotPrincipal(string caller, Decision expected)
    {
        var policy = Statement("""{"Effect":"Allow","NotPrincipal":{"AWS":["arn:aws:iam::111122223333:user/alice","111122223333"]},"Action":"s3:GetObject","Resource":"*"}""");
        Assert.Equal(expected, policy.Decide(new Request(caller, "s3:GetObject", ObjectArn)));
    }
}
