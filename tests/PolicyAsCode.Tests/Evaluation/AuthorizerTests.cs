using static PolicyAsCode.Tests.Evaluation.Kit;

namespace PolicyAsCode.Tests.Evaluation;

/// <summary>
/// Several policies on one request: IAM User Guide, reference_policies_evaluation-logic (same account), with
/// access_policies_boundaries, access_policies (session policies) and orgs_manage_policies_scps.
/// </summary>
public sealed class AuthorizerTests
{
    private const string Bucket = "arn:aws:s3:::carlossalazar";
    private const string Object = "arn:aws:s3:::carlossalazar/notes.txt";

    private static readonly PreparedPolicy AllowAll = Statement("""{"Effect":"Allow","Action":"*","Resource":"*"}""", "AllowAll");
    private static readonly PreparedPolicy AllowAllDenyGet = Policy("""
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":"*","Resource":"*"},
          {"Sid":"DenyGet","Effect":"Deny","Action":"s3:GetObject","Resource":"*"}]}
        """, "AllowAllDenyGet");
    private static readonly PreparedPolicy BucketAllowsEveryone = Statement("""{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}""", "bucket");
    private static readonly PreparedPolicy BucketAllowsEveryoneDeniesGet = Policy("""
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"},
          {"Sid":"DenyGet","Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}
        """, "bucket");

    private static PreparedPolicy Allow(string actions, string name = "policy")
        => Statement($$"""{"Effect":"Allow","Action":{{actions}},"Resource":"*"}""", name);

    private static PreparedPolicy BucketPolicyGranting(string principal, string actions = "\"s3:*\"")
        => Statement($$"""{"Effect":"Allow","Principal":{"AWS":"{{principal}}"},"Action":{{actions}},"Resource":["arn:aws:s3:::carlossalazar","arn:aws:s3:::carlossalazar/*"]}""", "bucket");

    private static Decision Authorize(PolicySet set, string principal, string action, string resource = Object)
    {
        var request = new Request(principal, action, resource);
        var decision = Authorizer.Authorize(set, request);
        Assert.Equal(decision, Authorizer.Explain(set, request).Decision);
        return decision;
    }

    // reference_policies_evaluation-logic: "An explicit deny in any policy overrides any allows": identity-based
    // policies, resource-based policies, permissions boundaries, SCPs and session policies alike.
    [Theory]
    [InlineData(null, Decision.Allow)]
    [InlineData("identity", Decision.ExplicitDeny)]
    [InlineData("resource", Decision.ExplicitDeny)]
    [InlineData("boundary", Decision.ExplicitDeny)]
    [InlineData("scp", Decision.ExplicitDeny)]
    [InlineData("session", Decision.ExplicitDeny)]
    public void ExplicitDenyInAnyPolicyWins(string? denyIn, Decision expected)
    {
        var set = new PolicySet
        {
            IdentityPolicies = denyIn == "identity" ? [AllowAll, AllowAllDenyGet] : [AllowAll],
            ResourcePolicy = denyIn == "resource" ? BucketAllowsEveryoneDeniesGet : BucketAllowsEveryone,
            PermissionsBoundary = denyIn == "boundary" ? AllowAllDenyGet : AllowAll,
            ServiceControlPolicies = [AllowAll, denyIn == "scp" ? AllowAllDenyGet : AllowAll, AllowAll],
            SessionPolicies = [denyIn == "session" ? AllowAllDenyGet : AllowAll],
        };
        Assert.Equal(expected, Authorize(set, AppSession, "s3:GetObject"));
        Assert.Equal(Decision.Allow, Authorize(set, AppSession, "s3:PutObject"));
    }

    // reference_policies_evaluation-logic: requests are implicitly denied unless a policy allows them; an identity-based
    // policy alone can allow.
    [Fact]
    public void IdentityPolicyAloneAllowsAndNothingImplicitlyDenies()
    {
        Assert.Equal(Decision.Allow, Authorize(Set(Allow("\"s3:GetObject\"")), Alice, "s3:GetObject"));
        Assert.Equal(Decision.ImplicitDeny, Authorize(Set(Allow("\"s3:GetObject\"")), Alice, "s3:PutObject"));
        Assert.Equal(Decision.ImplicitDeny, Authorize(new PolicySet(), Alice, "s3:GetObject"));
    }

    // reference_policies_evaluation-logic (Organizations SCPs): every level from the root to the account must allow;
    // an SCP that allows does not grant anything by itself.
    [Theory]
    [InlineData("s3:GetObject", "s3:GetObject", Decision.Allow)]
    [InlineData("s3:ListBucket", "s3:ListBucket", Decision.Allow)]
    [InlineData("s3:PutObject", "s3:PutObject", Decision.ImplicitDeny)]
    [InlineData("ec2:RunInstances", "ec2:RunInstances", Decision.ImplicitDeny)]
    [InlineData("s3:GetObject", "s3:ListBucket", Decision.ImplicitDeny)]
    public void EveryScpLevelMustAllow(string identityAllows, string action, Decision expected)
    {
        var set = new PolicySet
        {
            IdentityPolicies = [Allow($"\"{identityAllows}\"")],
            ServiceControlPolicies =
            [
                Allow("\"*\"", "FullAWSAccess (root)"),
                Allow("\"s3:*\"", "S3Only (OU)"),
                Allow("[\"s3:GetObject\",\"s3:ListBucket\",\"s3:PutObject\"]", "ReadList (OU)"),
                Allow("[\"s3:GetObject\",\"s3:ListBucket\"]", "ReadOnly (account)"),
            ],
        };
        Assert.Equal(expected, Authorize(set, Alice, action));
    }

    // reference_policies_evaluation-logic (Organizations SCPs): "identity-based and resource-based policies grant
    // permissions to principals in member accounts only if those policies and the SCP allow the action".
    [Fact]
    public void ScpsLimitResourcePolicyGrantsToo()
    {
        var set = new PolicySet { ResourcePolicy = BucketPolicyGranting(Alice), ServiceControlPolicies = [Allow("\"ec2:*\"")] };
        Assert.Equal(Decision.ImplicitDeny, Authorize(set, Alice, "s3:GetObject"));
        Assert.Equal(Decision.Allow, Authorize(set.With(scps: [AllowAll]), Alice, "s3:GetObject"));
    }

    // access_policies_boundaries: an entity "can perform only the actions that are allowed by both its identity-based
    // policies and its permissions boundaries"; the boundary grants nothing by itself (the Shirley example).
    [Theory]
    [InlineData("s3:GetObject", Decision.Allow)]
    [InlineData("s3:PutObject", Decision.Allow)]
    [InlineData("iam:CreateUser", Decision.ImplicitDeny)]
    [InlineData("ec2:RunInstances", Decision.ImplicitDeny)]
    public void PermissionsBoundaryIntersectsIdentityPolicies(string action, Decision expected)
    {
        var set = new PolicySet
        {
            IdentityPolicies = [Allow("[\"s3:*\",\"iam:*\"]")],
            PermissionsBoundary = Allow("[\"s3:*\",\"cloudwatch:*\",\"ec2:*\"]", "boundary"),
        };
        Assert.Equal(expected, Authorize(set, "arn:aws:iam::111122223333:user/shirley", action));
    }

    // access_policies (session policies): "the resulting session's permissions are the intersection of the IAM entity's
    // identity-based policy and the session policies"; a session policy cannot grant more.
    [Theory]
    [InlineData("s3:GetObject", Decision.Allow)]
    [InlineData("s3:PutObject", Decision.ImplicitDeny)]
    [InlineData("ec2:RunInstances", Decision.ImplicitDeny)]
    public void SessionPolicyIntersectsIdentityPolicies(string action, Decision expected)
    {
        var set = new PolicySet
        {
            IdentityPolicies = [Allow("\"s3:*\"")],
            SessionPolicies = [Allow("[\"s3:GetObject\",\"ec2:*\"]", "session")],
        };
        Assert.Equal(expected, Authorize(set, AppSession, action));
    }

    // reference_policies_evaluation-logic: same account, identity-based and resource-based policies are a union: "If
    // either the identity-based policy or the resource-based policy within the same account allows the request and the
    // other doesn't, the request is still allowed." The Carlos example also shows the explicit deny on *log* buckets.
    [Theory]
    [InlineData(true, true, "arn:aws:s3:::carlossalazar/notes.txt", Decision.Allow)]
    [InlineData(true, false, "arn:aws:s3:::carlossalazar/notes.txt", Decision.Allow)]
    [InlineData(false, true, "arn:aws:s3:::carlossalazar/notes.txt", Decision.Allow)]
    [InlineData(false, false, "arn:aws:s3:::carlossalazar/notes.txt", Decision.ImplicitDeny)]
    [InlineData(true, true, "arn:aws:s3:::carlossalazar-logs/notes.txt", Decision.ExplicitDeny)]
    public void CarlosExample(bool identity, bool bucketPolicy, string resource, Decision expected)
    {
        var identityPolicy = Policy("""
            {"Version":"2012-10-17","Statement":[
              {"Sid":"AllowS3ListRead","Effect":"Allow","Action":["s3:GetBucketLocation","s3:GetAccountPublicAccessBlock","s3:ListAccessPoints","s3:ListAllMyBuckets"],"Resource":"arn:aws:s3:::*"},
              {"Sid":"AllowS3Self","Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::carlossalazar/*","arn:aws:s3:::carlossalazar"]},
              {"Sid":"DenyS3Logs","Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::*log*"}]}
            """, "carlos");
        var noAccess = Statement("""{"Effect":"Allow","Action":"sts:GetCallerIdentity","Resource":"*"}""");
        var set = new PolicySet
        {
            IdentityPolicies = [identity ? identityPolicy : noAccess, Statement("""{"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::*log*"}""")],
            ResourcePolicy = bucketPolicy ? BucketPolicyGranting("arn:aws:iam::123456789012:user/carlossalazar") : null,
        };
        var request = new Request("arn:aws:iam::123456789012:user/carlossalazar", "s3:PutObject", resource);
        Assert.Equal(expected, Authorizer.Authorize(set, request));
    }

    // reference_policies_evaluation-logic (IAM user): within the same account, "resource-based policies that grant
    // permissions to an IAM user ARN ... are not limited by an implicit deny in an identity-based policy or permissions
    // boundary"; an explicit deny still wins.
    [Fact]
    public void ResourcePolicyGrantToUserArnIsNotLimitedByImplicitDenies()
    {
        var set = new PolicySet
        {
            ResourcePolicy = BucketPolicyGranting(Alice),
            PermissionsBoundary = Allow("\"ec2:*\"", "boundary"),
        };
        Assert.Equal(Decision.Allow, Authorize(set, Alice, "s3:GetObject"));
        Assert.Equal(Decision.ImplicitDeny, Authorize(set, Bob, "s3:GetObject"));
        Assert.Equal(Decision.ExplicitDeny, Authorize(set.With(boundary: AllowAllDenyGet), Alice, "s3:GetObject"));
    }

    // reference_policies_evaluation-logic (IAM role): "Resource-based policies that grant permissions to an IAM role ARN
    // are limited by an implicit deny in a permissions boundary or session policy" (but need no identity-based policy).
    [Fact]
    public void ResourcePolicyGrantToRoleArnIsLimitedByBoundaryAndSessionPolicy()
    {
        var set = new PolicySet { ResourcePolicy = BucketPolicyGranting(AppRole) };
        Assert.Equal(Decision.Allow, Authorize(set, AppSession, "s3:GetObject"));
        Assert.Equal(Decision.Allow, Authorize(set, "arn:aws:sts::111122223333:assumed-role/app/another-session", "s3:GetObject"));
        Assert.Equal(Decision.ImplicitDeny, Authorize(set.With(boundary: Allow("\"ec2:*\"")), AppSession, "s3:GetObject"));
        Assert.Equal(Decision.Allow, Authorize(set.With(boundary: Allow("\"s3:*\"")), AppSession, "s3:GetObject"));
        Assert.Equal(Decision.ImplicitDeny, Authorize(set.With(session: [Allow("\"ec2:*\"")]), AppSession, "s3:GetObject"));
        Assert.Equal(Decision.Allow, Authorize(set.With(session: [Allow("\"s3:GetObject\"")]), AppSession, "s3:GetObject"));
    }

    // reference_policies_evaluation-logic (IAM role session): "Permissions granted directly to a session are not limited
    // by an implicit deny in an identity-based policy, a permissions boundary, or session policy."
    [Fact]
    public void ResourcePolicyGrantToRoleSessionArnIsNotLimitedByImplicitDenies()
    {
        var set = new PolicySet
        {
            ResourcePolicy = BucketPolicyGranting(AppSession),
            PermissionsBoundary = Allow("\"ec2:*\""),
            SessionPolicies = [Allow("\"ec2:*\"")],
        };
        Assert.Equal(Decision.Allow, Authorize(set, AppSession, "s3:GetObject"));
        Assert.Equal(Decision.ImplicitDeny, Authorize(set, "arn:aws:sts::111122223333:assumed-role/app/s2", "s3:GetObject"));
    }

    // reference_policies_elements_principal (AWS account principals) with reference_policies_evaluation-logic: a grant to
    // the account (its id or root ARN) delegates to the account's own policies, so the caller's identity-based policy
    // must allow as well, even in the same account.
    [Theory]
    [InlineData("111122223333")]
    [InlineData("arn:aws:iam::111122223333:root")]
    public void ResourcePolicyGrantToAccountNeedsIdentityPolicy(string accountPrincipal)
    {
        var set = new PolicySet { ResourcePolicy = BucketPolicyGranting(accountPrincipal) };
        Assert.Equal(Decision.ImplicitDeny, Authorize(set, Alice, "s3:GetObject"));
        Assert.Equal(Decision.Allow, Authorize(set.With(identity: [Allow("\"s3:GetObject\"")]), Alice, "s3:GetObject"));
        Assert.Equal(Decision.ImplicitDeny, Authorize(set.With(identity: [Allow("\"s3:GetObject\"")], boundary: Allow("\"ec2:*\"")), Alice, "s3:GetObject"));
    }

    // reference_policies_evaluation-logic (session policies): a federated user session (GetFederationToken) without a
    // session policy has no permissions ("if there is no session policy, the code checks whether the principal is a role
    // session ... Otherwise, the request is implicitly denied"); a role session without one keeps its role's permissions.
    [Fact]
    public void FederatedUserSessionNeedsASessionPolicy()
    {
        const string federated = "arn:aws:sts::111122223333:federated-user/bob";
        var set = Set(Allow("\"s3:*\""));
        Assert.Equal(Decision.ImplicitDeny, Authorize(set, federated, "s3:GetObject"));
        Assert.Equal(Decision.Allow, Authorize(set.With(session: [Allow("\"s3:GetObject\"")]), federated, "s3:GetObject"));
        Assert.Equal(Decision.ImplicitDeny, Authorize(set.With(session: [Allow("\"s3:GetObject\"")]), federated, "s3:PutObject"));
        Assert.Equal(Decision.Allow, Authorize(set, AppSession, "s3:GetObject"));
    }

    // reference_policies_evaluation-logic (IAM federated user sessions): a resource-based policy that grants to the
    // federated user session's ARN grants directly to the session, not limited by the (missing) session policy.
    [Fact]
    public void ResourcePolicyGrantToFederatedUserSessionIsNotLimitedBySessionPolicy()
    {
        const string federated = "arn:aws:sts::111122223333:federated-user/bob";
        var set = new PolicySet { ResourcePolicy = BucketPolicyGranting(federated) };
        Assert.Equal(Decision.Allow, Authorize(set, federated, "s3:GetObject"));
        Assert.Equal(Decision.Allow, Authorize(set.With(session: [Allow("\"ec2:*\"")]), federated, "s3:GetObject"));
    }

    // reference_policies_evaluation-logic: "IAM role trust policies and KMS key policies are exceptions to this logic,
    // because they must explicitly allow access for principals": in the same account, an identity-based policy alone
    // does not let a user assume a role whose trust policy does not trust them.
    [Fact]
    public void SameAccountRoleTrustPolicyMustAllow()
    {
        var canAssume = Statement("""{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::111122223333:role/app"}""");
        var trustsBob = Statement("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":"sts:AssumeRole"}""", "trust");
        var trustsAccount = Statement("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}""", "trust");

        Assert.Equal(Decision.ImplicitDeny, Authorize(new PolicySet { IdentityPolicies = [canAssume], ResourcePolicy = trustsBob }, Alice, "sts:AssumeRole", AppRole));
        Assert.Equal(Decision.ImplicitDeny, Authorize(new PolicySet { IdentityPolicies = [canAssume] }, Alice, "sts:AssumeRole", AppRole));
        // A user named in the trust policy needs no identity-based policy in the same account.
        Assert.Equal(Decision.Allow, Authorize(new PolicySet { ResourcePolicy = trustsBob }, Bob, "sts:AssumeRole", AppRole));
        // Trusting the account delegates to the account's identity-based policies.
        Assert.Equal(Decision.Allow, Authorize(new PolicySet { IdentityPolicies = [canAssume], ResourcePolicy = trustsAccount }, Alice, "sts:AssumeRole", AppRole));
        Assert.Equal(Decision.ImplicitDeny, Authorize(new PolicySet { ResourcePolicy = trustsAccount }, Alice, "sts:AssumeRole", AppRole));
        // The exception is for assuming the role; other actions on the role follow the usual logic.
        Assert.Equal(Decision.Allow, Authorize(Set(Allow("\"iam:GetRole\"")), Alice, "iam:GetRole", AppRole));
    }

    // reference_policies_evaluation-logic: KMS key policies must explicitly allow access; IAM policies count only when the
    // key policy delegates to the account.
    [Fact]
    public void SameAccountKmsKeyPolicyMustAllow()
    {
        const string key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        var identity = Allow("\"kms:Decrypt\"");
        var keyTrustsAccount = Statement("""{"Sid":"Enable IAM policies","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}""", "key policy");
        var keyTrustsBob = Statement("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":"kms:*","Resource":"*"}""", "key policy");

        Assert.Equal(Decision.ImplicitDeny, Authorize(new PolicySet { IdentityPolicies = [identity], ResourcePolicy = keyTrustsBob }, Alice, "kms:Decrypt", key));
        Assert.Equal(Decision.Allow, Authorize(new PolicySet { IdentityPolicies = [identity], ResourcePolicy = keyTrustsAccount }, Alice, "kms:Decrypt", key));
        Assert.Equal(Decision.ImplicitDeny, Authorize(new PolicySet { ResourcePolicy = keyTrustsAccount }, Alice, "kms:Decrypt", key));
        Assert.Equal(Decision.Allow, Authorize(new PolicySet { ResourcePolicy = keyTrustsBob }, Bob, "kms:Decrypt", key));
    }

    // reference_policies_evaluation-logic-cross-account: the caller's account must allow (identity-based policy) and the
    // resource's account must allow (resource-based policy); either alone is an implicit deny.
    [Theory]
    [InlineData(true, true, Decision.Allow)]
    [InlineData(true, false, Decision.ImplicitDeny)]
    [InlineData(false, true, Decision.ImplicitDeny)]
    [InlineData(false, false, Decision.ImplicitDeny)]
    public void CrossAccountNeedsBothSides(bool identity, bool bucketPolicy, Decision expected)
    {
        const string dev = "arn:aws:iam::444455556666:user/dev";
        var set = new PolicySet
        {
            IdentityPolicies = identity ? [Statement("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::carlossalazar/*"}""")] : [],
            ResourcePolicy = bucketPolicy ? BucketPolicyGranting(dev) : null,
        };
        var request = new Request(dev, "s3:GetObject", Object, null, resourceAccount: "111122223333");
        Assert.False(request.IsSameAccount);
        Assert.Equal(expected, Authorizer.Authorize(set, request));
    }

    // reference_policies_evaluation-logic-cross-account: a resource policy naming the other account (or a different
    // principal of it) still needs that account's identity-based policy; naming another account grants nothing.
    [Theory]
    [InlineData("444455556666", true, Decision.Allow)]
    [InlineData("arn:aws:iam::444455556666:root", true, Decision.Allow)]
    [InlineData("arn:aws:iam::444455556666:root", false, Decision.ImplicitDeny)]
    [InlineData("arn:aws:iam::999988887777:root", true, Decision.ImplicitDeny)]
    [InlineData("arn:aws:iam::444455556666:user/someone-else", true, Decision.ImplicitDeny)]
    public void CrossAccountGrantToAccount(string principal, bool identity, Decision expected)
    {
        var set = new PolicySet
        {
            IdentityPolicies = identity ? [Allow("\"s3:*\"")] : [],
            ResourcePolicy = BucketPolicyGranting(principal),
        };
        var request = new Request("arn:aws:iam::444455556666:user/dev", "s3:GetObject", Object, null, "111122223333");
        Assert.Equal(expected, Authorizer.Authorize(set, request));
    }

    // reference_policies_evaluation-logic-cross-account: the trusted account's evaluation includes "any policies that can
    // limit an identity-based policy" (boundary, SCPs, session policies), and an explicit deny on either side wins.
    [Fact]
    public void CrossAccountCallerSideIsLimitedByBoundaryScpAndSessionPolicy()
    {
        const string devSession = "arn:aws:sts::444455556666:assumed-role/builder/s1";
        var set = new PolicySet { IdentityPolicies = [Allow("\"s3:*\"")], ResourcePolicy = BucketPolicyGranting("arn:aws:iam::444455556666:role/builder") };
        var request = new Request(devSession, "s3:GetObject", Object, null, "111122223333");
        Assert.Equal(Decision.Allow, Authorizer.Authorize(set, request));
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(set.With(identity: []), request));
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(set.With(boundary: Allow("\"ec2:*\"")), request));
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(set.With(scps: [Allow("\"ec2:*\"")]), request));
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(set.With(session: [Allow("\"ec2:*\"")]), request));
        Assert.Equal(Decision.ExplicitDeny, Authorizer.Authorize(set.With(resource: BucketAllowsEveryoneDeniesGet), request));
    }

    // reference_policies_evaluation-logic-cross-account: the resource's account comes from its ARN where it has one.
    [Fact]
    public void ResourceAccountComesFromTheArn()
    {
        const string queue = "arn:aws:sqs:us-east-1:444455556666:orders";
        var request = new Request(Alice, "sqs:SendMessage", queue);
        Assert.Equal("444455556666", request.ResourceAccount);
        Assert.False(request.IsSameAccount);
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(Set(AllowAll), request));
        var queuePolicy = Statement("""{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:444455556666:orders"}""");
        Assert.Equal(Decision.Allow, Authorizer.Authorize(new PolicySet { IdentityPolicies = [AllowAll], ResourcePolicy = queuePolicy }, request));
    }
}
