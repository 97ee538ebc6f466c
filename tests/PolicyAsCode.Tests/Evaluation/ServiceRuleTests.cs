using static PolicyAsCode.Tests.Evaluation.Kit;

namespace PolicyAsCode.Tests.Evaluation;

/// <summary>Requests AWS decides whatever the policies say (docs/evaluation.md, "Where a policy alone does not decide").</summary>
public sealed class ServiceRuleTests
{
    private static readonly PreparedPolicy AllowAll = Statement("""{"Effect":"Allow","Action":"*","Resource":"*"}""");
    private static readonly PreparedPolicy DenyAll = Statement("""{"Effect":"Deny","Action":"*","Resource":"*"}""");

    // STS API Reference, GetCallerIdentity: "No permissions are required to perform this operation. If an administrator
    // attaches a policy to your identity that explicitly denies access to the sts:GetCallerIdentity action, you can still
    // perform this operation."
    [Theory]
    [InlineData(Alice)]
    [InlineData(AppSession)]
    public void GetCallerIdentity_NeedsNoPermissionAndCannotBeDenied(string principal)
    {
        Assert.Equal(Decision.Allow, Authorizer.Authorize(PolicySet.Identity(DenyAll), new Request(principal, "sts:GetCallerIdentity", "*")));
        Assert.Equal(Decision.Allow, Authorizer.Authorize(PolicySet.Identity(), new Request(principal, "STS:getcalleridentity", "*")));
        Assert.Equal(Decision.ExplicitDeny, Authorizer.Authorize(PolicySet.Identity(DenyAll), new Request(principal, "sts:GetSessionToken", "*")));
    }

    // The verdict of the service rules is found on a request's first decision and remembered on the request: deciding it
    // again, under another set, in another case, gives the rule's decision each time.
    [Theory]
    [InlineData("iam:DeleteRole")]
    [InlineData("IAM:deleterole")]
    public void ServiceRuleVerdict_RememberedPerRequest_DecidesEveryTime(string action)
    {
        var request = new Request(Alice, action, "arn:aws:iam::111122223333:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk");
        var other = new Request(Alice, action, "arn:aws:iam::111122223333:role/app");
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(PolicySet.Identity(AllowAll), request));
            Assert.Equal(Decision.Allow, Authorizer.Authorize(PolicySet.Identity(AllowAll), other));
        }
        Assert.Contains(Authorizer.Explain(PolicySet.Identity(AllowAll), request).Steps, s => s.Contains("service-linked role", StringComparison.Ordinal));
    }

    // GetCallerIdentity needs signed credentials: an anonymous caller is decided by the policies.
    [Fact]
    public void GetCallerIdentity_Anonymous_IsNotAllowedByTheRule()
        => Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(PolicySet.Identity(), new Request(null, "sts:GetCallerIdentity", "*")));

    // IAM User Guide, "Managed policies and inline policies": "You cannot change the permissions defined in AWS managed
    // policies."
    [Theory]
    [InlineData("iam:CreatePolicyVersion", "arn:aws:iam::aws:policy/ReadOnlyAccess", Decision.ImplicitDeny)]
    [InlineData("iam:DeletePolicy", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", Decision.ImplicitDeny)]
    [InlineData("iam:GetPolicy", "arn:aws:iam::aws:policy/ReadOnlyAccess", Decision.Allow)]
    [InlineData("iam:CreatePolicyVersion", "arn:aws:iam::111122223333:policy/Mine", Decision.Allow)]
    public void AwsManagedPolicies_CannotBeChanged(string action, string resource, Decision expected)
        // AWS managed policies are readable by every account: the request is given as the caller's own account's, so that
        // the identity-based policy decides (the evaluator does not model the "aws" account as public).
        => Assert.Equal(expected, Authorizer.Authorize(PolicySet.Identity(AllowAll), new Request(Alice, action, resource, null, Account)));

    // IAM User Guide, "Service-linked roles": the service defines the role's permissions; you can edit only its
    // description, and delete it with iam:DeleteServiceLinkedRole.
    [Theory]
    [InlineData("iam:PutRolePolicy", Decision.ImplicitDeny)]
    [InlineData("iam:UpdateAssumeRolePolicy", Decision.ImplicitDeny)]
    [InlineData("iam:DeleteRole", Decision.ImplicitDeny)]
    [InlineData("iam:UpdateRoleDescription", Decision.Allow)]
    [InlineData("iam:DeleteServiceLinkedRole", Decision.Allow)]
    public void ServiceLinkedRoles_CannotBeChanged(string action, Decision expected)
        => Assert.Equal(expected, Authorizer.Authorize(PolicySet.Identity(AllowAll),
            new Request(Alice, action, "arn:aws:iam::111122223333:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling")));

    // IAM Identity Center manages the roles under aws-reserved/sso.amazonaws.com/ (its service-linked role's policy
    // AWSSSOServiceRolePolicy changes them); nobody else can.
    [Theory]
    [InlineData(Alice, Decision.ImplicitDeny)]
    [InlineData("arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForSSO/sso", Decision.Allow)]
    public void IdentityCenterRoles_AreChangedOnlyByIdentityCenter(string principal, Decision expected)
        => Assert.Equal(expected, Authorizer.Authorize(PolicySet.Identity(AllowAll),
            new Request(principal, "iam:AttachRolePolicy", "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123")));

    // The rules are named in the explanation.
    [Fact]
    public void ServiceRule_IsExplained()
    {
        var result = Authorizer.Explain(PolicySet.Identity(DenyAll), new Request(Alice, "sts:GetCallerIdentity", "*"));
        Assert.Equal(Decision.Allow, result.Decision);
        Assert.Contains(result.Steps, s => s.Contains("GetCallerIdentity needs no permission", StringComparison.Ordinal));
    }

    // Authorize never throws: null arguments fail closed.
    [Fact]
    public void AuthorizeWithNull_IsImplicitDeny()
    {
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(null!, new Request(Alice, "s3:GetObject", ObjectArn)));
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(PolicySet.Identity(AllowAll), null!));
    }
}
