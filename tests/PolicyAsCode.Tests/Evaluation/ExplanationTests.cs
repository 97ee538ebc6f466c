using static PolicyAsCode.Tests.Evaluation.Kit;

namespace PolicyAsCode.Tests.Evaluation;

/// <summary>
/// Explanations follow the decision procedure of the IAM User Guide, reference_policies_evaluation-logic: they give the
/// same decision as <see cref="Authorizer.Authorize"/> and name the statements that matched or failed.
/// </summary>
public sealed class ExplanationTests
{
    private static readonly PreparedPolicy Carlos = Policy("""
        {"Version":"2012-10-17","Statement":[
          {"Sid":"AllowS3ListRead","Effect":"Allow","Action":["s3:GetBucketLocation","s3:ListAllMyBuckets"],"Resource":"arn:aws:s3:::*"},
          {"Sid":"AllowS3Self","Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::carlossalazar/*","arn:aws:s3:::carlossalazar"]},
          {"Sid":"DenyS3Logs","Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::*log*"}]}
        """, "carlos");

    private const string CarlosArn = "arn:aws:iam::123456789012:user/carlossalazar";

    public static TheoryData<string, Decision> Scenarios => new()
    {
        { "arn:aws:s3:::carlossalazar/notes.txt", Decision.Allow },
        { "arn:aws:s3:::carlossalazar-logs/notes.txt", Decision.ExplicitDeny },
        { "arn:aws:s3:::someone-else/notes.txt", Decision.ImplicitDeny },
    };

    // reference_policies_evaluation-logic: Explain follows the same procedure as Authorize, so it reaches the same decision
    // (and PreparedPolicy.Explain the same as PreparedPolicy.Decide).
    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ExplainGivesTheSameDecisionAsAuthorize(string resource, Decision expected)
    {
        var set = PolicySet.Identity(Carlos);
        var request = new Request(CarlosArn, "s3:PutObject", resource);
        Assert.Equal(expected, Authorizer.Authorize(set, request));
        Assert.Equal(expected, Authorizer.Explain(set, request).Decision);
        Assert.Equal(expected, Carlos.Decide(request));
        Assert.Equal(expected, Carlos.Explain(request).Decision);
    }

    // reference_policies_evaluation-logic (Deny evaluation): an explicit deny is explained by the Deny statement that
    // matched, named by policy and Sid, while every statement of the policy is traced in order.
    [Fact]
    public void ExplicitDenyNamesTheDenyStatement()
    {
        var result = Authorizer.Explain(PolicySet.Identity(Carlos), new Request(CarlosArn, "s3:PutObject", "arn:aws:s3:::carlossalazar-logs/notes.txt"));
        Assert.Equal(Decision.ExplicitDeny, result.Decision);
        var deny = Assert.Single(result.Statements, s => s.Matched && s.Effect == Effect.Deny);
        Assert.Equal("DenyS3Logs", deny.Sid);
        Assert.Equal(2, deny.Index);
        Assert.Contains("carlos", deny.Policy, StringComparison.Ordinal);
        Assert.Equal([0, 1, 2], result.Statements.Select(s => s.Index));
        Assert.Contains(result.Steps, step => step.Contains("explicit deny", StringComparison.Ordinal));
        Assert.Contains("DenyS3Logs", result.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("ExplicitDeny", result.ToString(), StringComparison.Ordinal);
    }

    // reference_policies_evaluation-logic: an allow is explained by the Allow statement that matched.
    [Fact]
    public void AllowNamesTheAllowStatement()
    {
        var result = Authorizer.Explain(PolicySet.Identity(Carlos), new Request(CarlosArn, "s3:PutObject", "arn:aws:s3:::carlossalazar/notes.txt"));
        Assert.Equal(Decision.Allow, result.Decision);
        Assert.Equal("AllowS3Self", Assert.Single(result.Statements, s => s.Matched).Sid);
        Assert.Contains(result.Steps, step => step.Contains("identity-based policies allow", StringComparison.Ordinal));
    }

    // reference_policies_evaluation-logic (The difference between explicit and implicit denies): an implicit deny is
    // explained by the statements that failed and why: the action, the resource, a condition.
    [Fact]
    public void ImplicitDenyNamesTheFailingStatementsAndWhy()
    {
        var policy = Policy("""
            {"Version":"2012-10-17","Statement":[
              {"Sid":"ReadOnly","Effect":"Allow","Action":"s3:Get*","Resource":"*"},
              {"Sid":"OwnBucket","Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::mine/*"},
              {"Sid":"RedTeam","Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"red"}}},
              {"Sid":"NotIam","Effect":"Allow","NotAction":"s3:*","Resource":"*"}]}
            """, "mixed");
        var result = Authorizer.Explain(PolicySet.Identity(policy), new Request(Alice, "s3:PutObject", "arn:aws:s3:::theirs/x", Context(("aws:PrincipalTag/team", ["blue"]))));
        Assert.Equal(Decision.ImplicitDeny, result.Decision);
        Assert.All(result.Statements, s => Assert.False(s.Matched));
        string Reason(string sid) => result.Statements.Single(s => s.Sid == sid).Reason;
        Assert.Contains("is not in Action", Reason("ReadOnly"), StringComparison.Ordinal);
        Assert.Contains("is not in Resource", Reason("OwnBucket"), StringComparison.Ordinal);
        Assert.Contains("StringEquals aws:PrincipalTag/team", Reason("RedTeam"), StringComparison.Ordinal);
        Assert.Contains("excluded by NotAction", Reason("NotIam"), StringComparison.Ordinal);
        Assert.Contains(result.Steps, step => step.Contains("no identity-based policy allows", StringComparison.Ordinal));
    }

    // reference_policies_elements_principal: a resource-based policy statement that names another principal is explained
    // as such.
    [Fact]
    public void PrincipalMismatchIsExplained()
    {
        var bucket = Statement("""{"Sid":"OnlyBob","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":"s3:*","Resource":"*"}""", "bucket");
        var result = Authorizer.Explain(new PolicySet { ResourcePolicy = bucket }, AliceGets());
        Assert.Equal(Decision.ImplicitDeny, result.Decision);
        var trace = Assert.Single(result.Statements);
        Assert.Contains("is not in Principal", trace.Reason, StringComparison.Ordinal);
        Assert.Contains("resource policy bucket", trace.Policy, StringComparison.Ordinal);
    }

    // reference_policies_evaluation-logic (Organizations SCPs): an implicit deny from an SCP level names that level.
    [Fact]
    public void ScpImplicitDenyNamesTheLevel()
    {
        var set = new PolicySet
        {
            IdentityPolicies = [Statement("""{"Effect":"Allow","Action":"*","Resource":"*"}""")],
            ServiceControlPolicies =
            [
                Statement("""{"Effect":"Allow","Action":"*","Resource":"*"}""", "FullAWSAccess"),
                Statement("""{"Effect":"Allow","Action":"ec2:*","Resource":"*"}""", "Ec2Only"),
            ],
        };
        var result = Authorizer.Explain(set, AliceGets());
        Assert.Equal(Decision.ImplicitDeny, result.Decision);
        Assert.Contains(result.Steps, step => step.Contains("Ec2Only", StringComparison.Ordinal) && step.Contains("implicit deny", StringComparison.Ordinal));
    }

    // reference_policies_evaluation-logic-cross-account: a cross-account implicit deny says both sides must allow.
    [Fact]
    public void CrossAccountImplicitDenyIsExplained()
    {
        var result = Authorizer.Explain(PolicySet.Identity(Statement("""{"Effect":"Allow","Action":"*","Resource":"*"}""")),
            new Request("arn:aws:iam::444455556666:user/dev", "s3:GetObject", "arn:aws:s3:::my-bucket/x", null, "111122223333"));
        Assert.Equal(Decision.ImplicitDeny, result.Decision);
        Assert.Contains(result.Steps, step => step.Contains("cross-account", StringComparison.Ordinal) && step.Contains("444455556666", StringComparison.Ordinal));
    }

    // reference_policies_evaluation-logic: a resource-based policy grant to the caller is explained as such.
    [Fact]
    public void ResourcePolicyGrantIsExplained()
    {
        var bucket = Statement("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"s3:*","Resource":"*"}""", "bucket");
        var result = Authorizer.Explain(new PolicySet { ResourcePolicy = bucket }, AliceGets());
        Assert.Equal(Decision.Allow, result.Decision);
        Assert.Contains(result.Steps, step => step.Contains("resource-based policy allows the caller itself", StringComparison.Ordinal));
    }
}
