namespace PolicyAsCode.Tests.Evaluation;

/// <summary>
/// The IAM User Guide's cross-account delegation scenario (reference_policies_evaluation-logic-cross-account and the
/// tutorial "Delegate access across AWS accounts using IAM roles"): the production account 111122223333 has a role
/// delegate_read_my_bucket that development account 444455556666 may assume to read my-bucket.
/// </summary>
public sealed class CrossAccountRoleScenarioTests
{
    private const string Role = "arn:aws:iam::111122223333:role/delegate_read_my_bucket";
    private const string Session = "arn:aws:sts::111122223333:assumed-role/delegate_read_my_bucket/s1";
    private const string Developer = "arn:aws:iam::444455556666:user/dev";
    private const string Outsider = "arn:aws:iam::999988887777:user/dev";

    private static readonly PreparedPolicy TrustPolicy = Kit.Policy("""
        {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"sts:AssumeRole"}}
        """, "delegate_read_my_bucket trust policy");

    private static readonly PreparedPolicy ReadMyBucket = Kit.Policy("""
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::my-bucket"},
          {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*"}]}
        """, "read_my_bucket");

    private static readonly PreparedPolicy AllowAssumeDelegateRole = Kit.Policy("""
        {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::111122223333:role/delegate_read_my_bucket"}}
        """, "assume_delegate_read_my_bucket");

    private static Decision Assume(string caller, params PreparedPolicy[] callerIdentityPolicies)
    {
        var set = new PolicySet { IdentityPolicies = callerIdentityPolicies, ResourcePolicy = TrustPolicy };
        var request = new Request(caller, "sts:AssumeRole", Role);
        var decision = Authorizer.Authorize(set, request);
        Assert.Equal(decision, Authorizer.Explain(set, request).Decision);
        return decision;
    }

    private static Decision SessionDoes(string action, string resource)
    {
        var set = new PolicySet { IdentityPolicies = [ReadMyBucket] };
        var request = new Request(Session, action, resource);
        var decision = Authorizer.Authorize(set, request);
        Assert.Equal(decision, Authorizer.Explain(set, request).Decision);
        return decision;
    }

    // reference_policies_evaluation-logic-cross-account: the role's trust policy (a resource-based policy) trusts the
    // development account, and the developer's identity-based policy allows sts:AssumeRole on the role: both sides allow.
    [Fact]
    public void DeveloperWithAssumeRolePermissionMayAssumeTheRole()
    {
        var request = new Request(Developer, "sts:AssumeRole", Role);
        Assert.Equal("111122223333", request.ResourceAccount);
        Assert.False(request.IsSameAccount);
        Assert.Equal(Decision.Allow, Assume(Developer, AllowAssumeDelegateRole));
    }

    // reference_policies_evaluation-logic-cross-account: trusting the account delegates to that account's administrators;
    // a developer whose identity-based policies do not allow sts:AssumeRole on the role may not assume it.
    [Fact]
    public void DeveloperWithoutAssumeRolePermissionMayNotAssumeTheRole()
    {
        Assert.Equal(Decision.ImplicitDeny, Assume(Developer));
        Assert.Equal(Decision.ImplicitDeny, Assume(Developer, Kit.Statement("""{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::111122223333:role/other"}""")));
    }

    // reference_policies_evaluation-logic-cross-account: the trust policy names only the development account; a user of
    // another account may not assume the role, whatever its own policies say.
    [Fact]
    public void UserOfAnotherAccountMayNotAssumeTheRole()
        => Assert.Equal(Decision.ImplicitDeny, Assume(Outsider, Kit.Statement("""{"Effect":"Allow","Action":"*","Resource":"*"}""")));

    // reference_policies_evaluation-logic-cross-account: the other direction: the developer's permission is not enough
    // when the production account's trust policy does not trust the development account.
    [Fact]
    public void IdentityPermissionAloneIsNotEnoughWithoutTrust()
    {
        var trustsSomeoneElse = Kit.Policy("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"999988887777"},"Action":"sts:AssumeRole"}}""");
        var set = new PolicySet { IdentityPolicies = [AllowAssumeDelegateRole], ResourcePolicy = trustsSomeoneElse };
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(set, new Request(Developer, "sts:AssumeRole", Role)));
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(PolicySet.Identity(AllowAssumeDelegateRole), new Request(Developer, "sts:AssumeRole", Role)));
    }

    // reference_policies_evaluation-logic: an explicit deny in the developer's own policies still wins.
    [Fact]
    public void ExplicitDenyOnTheDeveloperSideWins()
    {
        var denyAssume = Kit.Statement("""{"Effect":"Deny","Action":"sts:AssumeRole","Resource":"*"}""");
        Assert.Equal(Decision.ExplicitDeny, Assume(Developer, AllowAssumeDelegateRole, denyAssume));
    }

    // reference_policies_evaluation-logic: the role session's permissions are the role's identity-based policy
    // read_my_bucket: it can list the bucket and read its objects.
    [Theory]
    [InlineData("s3:ListBucket", "arn:aws:s3:::my-bucket")]
    [InlineData("s3:GetObject", "arn:aws:s3:::my-bucket/report.csv")]
    [InlineData("s3:GetObject", "arn:aws:s3:::my-bucket/2024/01/report.csv")]
    public void SessionCanListAndRead(string action, string resource)
        => Assert.Equal(Decision.Allow, SessionDoes(action, resource));

    // reference_policies_evaluation-logic: anything read_my_bucket does not allow is implicitly denied.
    [Theory]
    [InlineData("s3:PutObject", "arn:aws:s3:::my-bucket/report.csv")]
    [InlineData("s3:DeleteObject", "arn:aws:s3:::my-bucket/report.csv")]
    [InlineData("s3:GetObject", "arn:aws:s3:::my-bucket")]
    [InlineData("s3:ListBucket", "arn:aws:s3:::my-bucket/report.csv")]
    [InlineData("s3:GetObject", "arn:aws:s3:::other-bucket/report.csv")]
    public void SessionCannotWriteOrLeaveTheBucket(string action, string resource)
        => Assert.Equal(Decision.ImplicitDeny, SessionDoes(action, resource));

    // reference_policies_evaluation-logic-cross-account: the developer's own credentials cannot read my-bucket directly:
    // the bucket is in the production account and has no bucket policy for the development account.
    [Fact]
    public void DeveloperCannotReadTheBucketDirectly()
    {
        var set = PolicySet.Identity(Kit.Statement("""{"Effect":"Allow","Action":"s3:*","Resource":"*"}"""));
        var request = new Request(Developer, "s3:GetObject", "arn:aws:s3:::my-bucket/report.csv", null, resourceAccount: "111122223333");
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(set, request));
    }
}
