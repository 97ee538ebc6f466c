using PolicyAsCode.Analysis;
using PolicyAsCode.Aws;
using PolicyAsCode.Json;

namespace PolicyAsCode.Tests.Analysis;

/// <summary>PolicyAssert: test-framework-neutral assertions that throw with the witness request in the message.</summary>
public sealed class PolicyAssertTests
{
    private static readonly IdentityPolicy Deploy = Policy.Identity()
        .Allow(S3.GetObject, S3.PutObject).On(S3.Arn.Object("site", "*"))
        .Allow("iam:Pass*").On("arn:aws:iam::111122223333:role/app-*");

    private static readonly PolicyDocument ReadOnly = PolicyJson.Parse("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::site/*"}]}
        """);

    [Fact]
    public void NeverAllows_passes_when_no_request_is_allowed()
    {
        PolicyAssert.NeverAllows(Deploy, S3.DeleteBucket);
        PolicyAssert.NeverAllows(Deploy, "iam:PassRole", "arn:aws:iam::111122223333:role/admin");
        PolicyAssert.NeverAllows(ReadOnly, "s3:Put*");
    }

    [Fact]
    public void NeverAllows_throws_with_the_witness_request_in_the_message()
    {
        var e = Assert.Throws<PolicyAssertionException>(() => PolicyAssert.NeverAllows(Deploy, "iam:PassRole"));

        Assert.Equal(VerdictKind.Fails, e.Verdict.Kind);
        Assert.StartsWith("Expected the policy never to allow iam:PassRole on *, but this request is allowed:", e.Message);
        Assert.Contains("action iam:PassRole, resource arn:aws:iam::111122223333:role/app-", e.Message);
        // The witness is a real request the evaluator allows.
        Assert.Equal(Decision.Allow, Deploy.Decide(e.Verdict.Witness!));
    }

    [Fact]
    public void NoNewAccess_and_Equivalent_throw_for_the_wider_policy_only()
    {
        PolicyAssert.NoNewAccess(Deploy.Document, ReadOnly);
        PolicyAssert.Equivalent(ReadOnly, ReadOnly);

        var e = Assert.Throws<PolicyAssertionException>(() => PolicyAssert.NoNewAccess(ReadOnly, Deploy.Document));
        Assert.Contains("the candidate allows this request and the baseline does not", e.Message);
        Assert.Throws<PolicyAssertionException>(() => PolicyAssert.Equivalent(ReadOnly, Deploy.Document));
    }

    [Fact]
    public void NoPublicAccess_prints_the_anonymous_caller_it_allows()
    {
        var open = PolicyJson.Parse("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::site/*"}]}
            """);

        var e = Assert.Throws<PolicyAssertionException>(() => PolicyAssert.NoPublicAccess(open));

        Assert.Contains("principal (anonymous), action s3:GetObject", e.Message);
    }

    [Fact]
    public void NoUnusedStatements_names_the_statement_that_changes_nothing()
    {
        var redundant = PolicyJson.Parse("""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"s3:Get*","Resource":"*"},
              {"Sid":"Covered","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::site/*"}]}
            """);

        PolicyAssert.NoUnusedStatements(Deploy);
        var e = Assert.Throws<PolicyAssertionException>(() => PolicyAssert.NoUnusedStatements(redundant));

        Assert.Contains("statement #1 (Covered) changes no decision", e.Message);
    }

    [Fact]
    public void An_undecidable_assertion_throws_with_the_reason_and_never_passes()
    {
        var variable = PolicyJson.Parse("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::home/${aws:username}/*"}]}
            """);

        var e = Assert.Throws<PolicyAssertionException>(() => PolicyAssert.NeverAllows(variable, "s3:DeleteObject"));

        Assert.Equal(VerdictKind.Unknown, e.Verdict.Kind);
        Assert.Contains("could not decide it", e.Message);
        Assert.Contains("policy variable", e.Message);
    }
}
