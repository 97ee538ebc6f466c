using PolicyAsCode.Aws;

namespace PolicyAsCode.Tests.Evaluation;

/// <summary>
/// <see cref="Organization"/>: an account's SCP and RCP levels from its path, decided with <see cref="Authorizer"/>.
/// AWS Organizations User Guide, "SCP evaluation" (an Allow is needed at every level from the root down to the account; a
/// Deny at any level wins; FullAWSAccess is attached everywhere by default), "RCP evaluation" (RCPFullAWSAccess at every
/// level, which cannot be detached; a Deny anywhere wins), and the management account, which neither affects.
/// </summary>
public sealed class OrganizationModelTests
{
    private const string Management = "111111111111";
    private const string Prod = "222222222222";
    private const string Sandbox = "333333333333";
    private const string Outside = "444444444444";

    private static readonly PreparedPolicy AdministratorAccess = new(Policy.Identity().Allow(IamAction.All).OnAll().Document, "AdministratorAccess");

    // "Example SCPs": deny all actions outside the approved Regions (global services excepted).
    private static readonly ServiceControlPolicy DenyOutsideEu = Policy.ServiceControl()
        .Deny().AllExcept("iam:*", "organizations:*", "sts:*").OnAll().When(Keys.Aws.RequestedRegion.IsNot("eu-west-1"));

    private static readonly ServiceControlPolicy DenyAll = Policy.ServiceControl().Deny(IamAction.All).OnAll();

    // The allow-list strategy: FullAWSAccess detached, and an SCP that allows only some services.
    private static readonly ServiceControlPolicy AllowS3AndEc2 = Policy.ServiceControl().Allow("s3:*", "ec2:*").OnAll();

    // "Resource control policy examples": enforce secure transport.
    private static readonly ResourceControlPolicy TlsOnly = Policy.ResourceControl()
        .Deny("s3:*", "sqs:*").OnAll().When(Keys.Aws.SecureTransport.IsFalse());

    private static readonly Organization Org = Organization.Root(Management)
        .Unit("Workloads", workloads => workloads
            .Attach(DenyOutsideEu, "deny_outside_eu")
            .Unit("Prod", prod => prod.Account(Prod, "prod-app")))
        .Unit("Sandbox", sandbox => sandbox
            .WithoutFullAwsAccess().Attach(AllowS3AndEc2, "allow_s3_ec2")
            .Account(Sandbox, "sandbox"));

    private static Decision Decide(Organization org, string callerAccount, string action, string resource = "*", string? region = "eu-west-1",
        bool secure = true, string? resourceAccount = null)
    {
        var set = org.Apply(new PolicySet { IdentityPolicies = [AdministratorAccess] }, callerAccount, resourceAccount);
        var context = new List<KeyValuePair<string, string[]>> { new("aws:SecureTransport", [secure ? "true" : "false"]) };
        if (region is not null) context.Add(new("aws:RequestedRegion", [region]));
        return Authorizer.Authorize(set, new Request($"arn:aws:iam::{callerAccount}:role/admin", action, resource, context, resourceAccount ?? callerAccount));
    }

    [Fact]
    public void PathOf_IsTheRootTheOusAndTheAccount()
    {
        Assert.Equal(["Root", "Workloads", "Prod", "prod-app"], Org.PathOf(Prod).Select(n => n.Name));
        Assert.Equal(["Root", "management"], Org.PathOf(Management).Select(n => n.Name));
        Assert.Equal(4, Org.ServiceControlPolicyLevels(Prod).Count);
        // FullAWSAccess is attached at every level unless detached; the OU's guardrail sits beside it.
        Assert.Equal(["FullAWSAccess", "deny_outside_eu"], Org.ServiceControlPolicyLevels(Prod)[1].Select(p => p.Name));
        Assert.All(Org.ResourceControlPolicyLevels(Prod), level => Assert.Equal("RCPFullAWSAccess", Assert.Single(level).Name));
        Assert.False(Org.Contains(Outside));
        Assert.Throws<KeyNotFoundException>(() => Org.PathOf(Outside));
    }

    // "SCP evaluation": with FullAWSAccess at every level, SCPs restrict nothing; the OU's Deny applies to every account below.
    [Theory]
    [InlineData("ec2:RunInstances", "eu-west-1", Decision.Allow)]
    [InlineData("ec2:RunInstances", "us-east-1", Decision.ExplicitDeny)]
    [InlineData("iam:CreateRole", "us-east-1", Decision.Allow)]
    public void ADenyAtAnOu_AppliesToTheAccountsBelowIt(string action, string region, Decision expected)
        => Assert.Equal(expected, Decide(Org, Prod, action, region: region));

    // "SCP evaluation": a permission must be allowed at every level; the Sandbox OU allows only S3 and EC2.
    [Theory]
    [InlineData("s3:GetObject", Decision.Allow)]
    [InlineData("ec2:RunInstances", Decision.Allow)]
    [InlineData("dynamodb:GetItem", Decision.ImplicitDeny)]
    public void AnAllowIsNeededAtEveryLevel(string action, Decision expected)
        => Assert.Equal(expected, Decide(Org, Sandbox, action, action.StartsWith("s3:", StringComparison.Ordinal) ? "arn:aws:s3:::b/k" : "*"));

    [Fact]
    public void AnAccountWithoutFullAwsAccessAndNoOtherScp_AllowsNothing()
    {
        var org = Organization.Root(Management).Account(Prod, "prod", a => a.WithoutFullAwsAccess());
        Assert.Equal(Decision.ImplicitDeny, Decide(org, Prod, "ec2:DescribeInstances"));
        // AWS decides sts:GetCallerIdentity whatever the policies say.
        Assert.Equal(Decision.Allow, Decide(org, Prod, "sts:GetCallerIdentity"));
    }

    // "Service control policies": SCPs do not affect users or roles in the management account.
    [Fact]
    public void TheManagementAccount_IsNotAffectedBySCPs()
    {
        var org = Organization.Root(Management).Attach(DenyAll, "deny_all").Account(Prod, "prod");
        Assert.Equal(Decision.Allow, Decide(org, Management, "ec2:RunInstances"));
        Assert.Equal(Decision.ExplicitDeny, Decide(org, Prod, "ec2:RunInstances"));
    }

    // "RCP evaluation": RCPs limit what anyone may do to the account's resources; the management account's are exempt;
    // an account outside the organization is governed by neither.
    [Fact]
    public void RcpsGovernTheResourcesAccount()
    {
        var org = Org.Attach(TlsOnly, "tls_only");
        const string Queue = "arn:aws:sqs:eu-west-1:222222222222:orders";
        Assert.Equal(Decision.ExplicitDeny, Decide(org, Prod, "sqs:SendMessage", Queue, secure: false));
        Assert.Equal(Decision.Allow, Decide(org, Prod, "sqs:SendMessage", Queue, secure: true));
        Assert.Equal(Decision.Allow, Decide(org, Management, "sqs:SendMessage", "arn:aws:sqs:eu-west-1:111111111111:q", secure: false));
        // EC2 is not a service RCPs apply to.
        Assert.Equal(Decision.Allow, Decide(org, Prod, "ec2:RunInstances", secure: false));

        // The resource's account decides which RCPs apply, not the caller's; an account outside the organization has none.
        var outside = org.Apply(new PolicySet(), Outside, Prod);
        Assert.Empty(outside.ServiceControlPolicyLevels);
        Assert.Equal(4, outside.ResourceControlPolicyLevels.Count);
        Assert.Empty(org.Apply(new PolicySet(), Prod, Outside).ResourceControlPolicyLevels);
    }

    [Fact]
    public void Explanations_NameTheAttachedPoliciesOfThePath()
    {
        var set = Org.Apply(new PolicySet { IdentityPolicies = [AdministratorAccess] }, Prod);
        var result = Authorizer.Explain(set, new Request($"arn:aws:iam::{Prod}:role/admin", "ec2:RunInstances", "*", [new("aws:RequestedRegion", ["us-east-1"])]));
        Assert.Equal(Decision.ExplicitDeny, result.Decision);
        Assert.Contains(result.Statements, t => t.Matched && t.Effect == Effect.Deny && t.Policy.Contains("deny_outside_eu", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_KeepsTheRequestsOwnPolicies()
    {
        var boundary = new PreparedPolicy(Policy.Identity().Allow(S3.GetObject).OnAll().Document, "boundary");
        var set = Org.Apply(new PolicySet { IdentityPolicies = [AdministratorAccess], PermissionsBoundary = boundary, ResourceIsAwsManagedKey = true }, Prod);
        Assert.Same(boundary, set.PermissionsBoundary);
        Assert.True(set.ResourceIsAwsManagedKey);
        Assert.Equal(Management, set.ManagementAccount);
        Assert.Equal([AdministratorAccess], set.IdentityPolicies);
    }

    [Fact]
    public void MalformedOrganizations_AreRefusedWithTheReason()
    {
        Assert.Contains("12 digits", Assert.Throws<ArgumentException>(() => Organization.Root("1234")).Message);
        // "Quotas for AWS Organizations": 5 SCPs per root, OU or account, FullAWSAccess included.
        var four = Organization.Root(Management).Attach(DenyAll, "a").Attach(DenyAll, "b").Attach(DenyAll, "c").Attach(DenyAll, "d");
        Assert.Equal(5, four.RootUnit.ServiceControlPolicies.Count);
        var sixth = Assert.Throws<ArgumentException>(() => four.Attach(DenyAll, "e"));
        Assert.Contains("Root already has 5 service control policies attached (FullAWSAccess, a, b, c, d)", sixth.Message);
        Assert.Throws<ArgumentException>(() => Organization.Root(Management).Unit("X", x => x.Attach(TlsOnly).Attach(TlsOnly).Attach(TlsOnly).Attach(TlsOnly).Attach(TlsOnly)));
        var twice = Organization.Root(Management).Account(Prod, "a").Unit("X", x => x.Account(Prod, "b"));
        Assert.Contains($"The account {Prod} is in the organization twice", Assert.Throws<ArgumentException>(() => twice.Contains(Prod)).Message);
    }
}
