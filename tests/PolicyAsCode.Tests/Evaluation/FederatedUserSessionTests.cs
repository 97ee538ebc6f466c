using static PolicyAsCode.Tests.Evaluation.Kit;

namespace PolicyAsCode.Tests.Evaluation;

/// <summary>
/// IAM User Guide, "Policy evaluation logic" (same-account resource-based policies) and "Session policies": federated user
/// sessions created with GetFederationToken.
/// </summary>
public sealed class FederatedUserSessionTests
{
    private const string Session = "arn:aws:sts::111122223333:federated-user/carol";
    private static readonly PreparedPolicy AliceIdentity = Statement("""{"Effect":"Allow","Action":"s3:*","Resource":"*"}""");
    private static readonly PreparedPolicy SessionReadsOnly = Statement("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""");

    private static PreparedPolicy BucketPolicyFor(string principal)
        => Statement($$"""{"Effect":"Allow","Principal":{{principal}},"Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::bucket/*"}""");

    private static Request Carol(string action, string? federatingUser = Alice)
        => new(Session, action, ObjectArn, null, Account, federatingUser);

    // reference_policies_evaluation-logic: a resource-based policy grant to the IAM user who created the federated user
    // session reaches the session, limited by the session policy.
    [Theory]
    [InlineData("s3:GetObject", Decision.Allow)]
    [InlineData("s3:PutObject", Decision.ImplicitDeny)]
    public void GrantToFederatingUser_ReachesSession_LimitedBySessionPolicy(string action, Decision expected)
    {
        var set = new PolicySet { ResourcePolicy = BucketPolicyFor("""{"AWS":"arn:aws:iam::111122223333:user/alice"}"""), SessionPolicies = [SessionReadsOnly] };
        Assert.Equal(expected, Authorizer.Authorize(set, Carol(action)));
    }

    // Negative: without knowing the federating user, or for another user's sessions, the grant does not apply.
    [Fact]
    public void GrantToAnotherUser_DoesNotReachSession()
    {
        var set = new PolicySet { ResourcePolicy = BucketPolicyFor("""{"AWS":"arn:aws:iam::111122223333:user/alice"}"""), SessionPolicies = [SessionReadsOnly] };
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(set, Carol("s3:GetObject", Bob)));
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(set, Carol("s3:GetObject", null)));
    }

    // reference_policies_evaluation-logic: the grant to the federating user is also limited by that user's boundary.
    [Fact]
    public void GrantToFederatingUser_LimitedByBoundary()
    {
        var boundary = Statement("""{"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}""");
        var set = new PolicySet { ResourcePolicy = BucketPolicyFor("""{"AWS":"arn:aws:iam::111122223333:user/alice"}"""), SessionPolicies = [SessionReadsOnly], PermissionsBoundary = boundary };
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(set, Carol("s3:GetObject")));
    }

    // access_policies_session: a "*" grant is not a grant that names the session's ARN, so the session policy limits it,
    // as for role sessions.
    [Theory]
    [InlineData("s3:GetObject", Decision.Allow)]
    [InlineData("s3:PutObject", Decision.ImplicitDeny)]
    public void WildcardGrant_IsLimitedBySessionPolicy(string action, Decision expected)
    {
        var set = new PolicySet { ResourcePolicy = BucketPolicyFor("\"*\""), SessionPolicies = [SessionReadsOnly] };
        Assert.Equal(expected, Authorizer.Authorize(set, Carol(action)));
    }

    // Negative: a grant that names the session's own ARN is not limited by the session policy.
    [Fact]
    public void GrantToSessionArn_IsNotLimitedBySessionPolicy()
    {
        var set = new PolicySet { ResourcePolicy = BucketPolicyFor($$"""{"AWS":"{{Session}}"}"""), SessionPolicies = [SessionReadsOnly] };
        Assert.Equal(Decision.Allow, Authorizer.Authorize(set, Carol("s3:PutObject")));
    }

    // The federating user is kept by WithContext.
    [Fact]
    public void WithContext_KeepsFederatingUser()
        => Assert.Equal(Alice, Carol("s3:GetObject").WithContext("aws:SourceIp", "203.0.113.7").FederatingUser);
}
