using Microsoft.CodeAnalysis;
using PolicyAsCode.Aws;
using PolicyAsCode.Dsl;
using PolicyAsCode.Tests.Generator;

namespace PolicyAsCode.Tests.Dsl;

/// <summary>
/// The federation helpers build trusts that the tokens AWS and the identity providers issue can meet. GitHub Docs,
/// "About security hardening with OpenID Connect" (example subject claims): a workflow's token has the subject
/// <c>repo:OWNER/REPO:ref:refs/heads/BRANCH</c>, <c>...:ref:refs/tags/TAG</c>, <c>...:environment:NAME</c> or
/// <c>...:pull_request</c>, and the audience <c>sts.amazonaws.com</c> for AWS. IAM User Guide, "Creating a role for web
/// identity or OIDC federation": the <c>Federated</c> principal is the OIDC provider's ARN or a provider name AWS knows,
/// and the trust's conditions use that provider's keys.
/// </summary>
public class WebIdentityTests
{
    private const string Account = "111122223333";
    private const string Host = "token.actions.githubusercontent.com";
    private const string Provider = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";

    [Theory]
    [InlineData("main", "StringEquals", "repo:my-org/my-repo:ref:refs/heads/main")]
    [InlineData("refs/heads/main", "StringEquals", "repo:my-org/my-repo:ref:refs/heads/main")]
    [InlineData("release/*", "StringLike", "repo:my-org/my-repo:ref:refs/heads/release/*")]
    [InlineData("refs/heads/release/v?", "StringLike", "repo:my-org/my-repo:ref:refs/heads/release/v?")]
    [InlineData("refs/tags/v1.2.0", "StringEquals", "repo:my-org/my-repo:ref:refs/tags/v1.2.0")]
    [InlineData(null, "StringLike", "repo:my-org/my-repo:*")]
    public void GitHubActions_WritesTheSubjectGitHubIssues_WithStringLikeOnlyForPatterns(string? branch, string op, string subject)
    {
        var statement = TrustOf(Principal.WebIdentity.GitHubActions(Account, "my-org/my-repo", branch));
        var sub = Assert.Single(statement.Conditions, c => c.Key == Host + ":sub");
        Assert.Equal((op, subject), (sub.Operator.Name, Assert.Single(sub.Values)));
        var aud = Assert.Single(statement.Conditions, c => c.Key == Host + ":aud");
        Assert.Equal(("StringEquals", "sts.amazonaws.com"), (aud.Operator.Name, Assert.Single(aud.Values)));
    }

    [Theory]
    [InlineData("release/*", "repo:my-org/my-repo:ref:refs/heads/release/2026.1", Decision.Allow)]
    [InlineData("release/*", "repo:my-org/my-repo:ref:refs/heads/main", Decision.ImplicitDeny)]
    [InlineData("refs/heads/main", "repo:my-org/my-repo:ref:refs/heads/main", Decision.Allow)]
    [InlineData("main", "repo:my-org/my-repo:ref:refs/heads/main", Decision.Allow)]
    [InlineData("main", "repo:my-org/my-repo:ref:refs/heads/mainline", Decision.ImplicitDeny)]
    [InlineData("refs/tags/v1", "repo:my-org/my-repo:ref:refs/tags/v1", Decision.Allow)]
    public void GitHubActionsTrust_IsAssumedByTheTokensItNames(string branch, string tokenSubject, Decision expected)
        => Assert.Equal(expected, Assume(Principal.WebIdentity.GitHubActions(Account, "my-org/my-repo", branch), tokenSubject));

    [Fact]
    public void GitHubActionsTag_Environment_PullRequest_WriteTheirSubjects()
    {
        Assert.Equal("repo:o/r:ref:refs/tags/v1.*", Subject(Principal.WebIdentity.GitHubActionsTag(Account, "o/r", "v1.*")));
        Assert.Equal("repo:o/r:ref:refs/tags/v2", Subject(Principal.WebIdentity.GitHubActionsTag(Account, "o/r", "refs/tags/v2")));
        Assert.Equal("repo:o/r:environment:production", Subject(Principal.WebIdentity.GitHubActionsEnvironment(Account, "o/r", "production")));
        Assert.Equal("repo:o/r:pull_request", Subject(Principal.WebIdentity.GitHubActionsPullRequest(Account, "o/r")));
        Assert.Equal("repo:o/*:pull_request", Subject(Principal.WebIdentity.GitHubActionsPullRequest(Account, "o/*")));
        Assert.Equal(Decision.Allow, Assume(Principal.WebIdentity.GitHubActionsEnvironment(Account, "o/r", "production"), "repo:o/r:environment:production"));
        Assert.Equal(Decision.ImplicitDeny, Assume(Principal.WebIdentity.GitHubActionsEnvironment(Account, "o/r", "production"), "repo:o/r:environment:staging"));
        Assert.Equal(Decision.Allow, Assume(Principal.WebIdentity.GitHubActionsPullRequest(Account, "o/*"), "repo:o/r:pull_request"));
    }

    [Theory]
    [InlineData("refs/pull/1/merge", "pull_request")]
    [InlineData("refs/remotes/origin/main", "refs/heads/BRANCH or refs/tags/TAG")]
    [InlineData("refs/heads/refs/heads/main", "not both")]
    [InlineData("main:x", "cannot contain")]
    [InlineData("feature branch", "cannot contain")]
    [InlineData("release/", "trailing /")]
    [InlineData("a..b", "no ..")]
    [InlineData("", "empty")]
    public void GitHubActions_RefusesASubjectGitHubNeverIssues(string branch, string reason)
    {
        var e = Assert.Throws<DslException>(() => Principal.WebIdentity.GitHubActions(Account, "my-org/my-repo", branch));
        Assert.Contains(reason, e.Message);
    }

    [Theory]
    [InlineData("no-slash")]
    [InlineData("a/b/c")]
    [InlineData("/repo")]
    [InlineData("org/")]
    [InlineData("org/re po")]
    [InlineData("org:x/repo")]
    public void GitHubActions_RefusesWhatIsNotARepository(string repository)
        => Assert.Contains("is not a GitHub repository", Assert.Throws<DslException>(() => Principal.WebIdentity.GitHubActions(Account, repository)).Message);

    [Theory]
    [InlineData("")]
    [InlineData("prod:eu")]
    [InlineData(" production")]
    public void GitHubActionsEnvironment_RefusesANameGitHubNeverPutsInASubject(string environment)
        => Assert.Throws<DslException>(() => Principal.WebIdentity.GitHubActionsEnvironment(Account, "o/r", environment));

    [Theory]
    [InlineData("arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE", "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub")]
    [InlineData("cognito-identity.amazonaws.com", "cognito-identity.amazonaws.com:aud")]
    [InlineData("accounts.google.com", "accounts.google.com:aud")]
    [InlineData("www.amazon.com", "www.amazon.com:app_id")]
    [InlineData("graph.facebook.com", "graph.facebook.com:app_id")]
    public void WebIdentityProvider_TakesTheProvidersAwsAccepts_WithTheirOwnKeys(string provider, string key)
    {
        var statement = TrustOf(Principal.WebIdentity.Provider(provider, new StringConditionKey(key).Is("x"), Keys.Aws.SourceIp.InRange("203.0.113.0/24")));
        Assert.Equal(provider, statement.Principal!.Ids[0].Value);
        Assert.Equal("sts:AssumeRoleWithWebIdentity", statement.Action.Values[0]);
    }

    [Theory]
    [InlineData("token.actions.githubusercontent.com", "oidc-provider/token.actions.githubusercontent.com")]
    [InlineData("arn:aws:iam::111122223333:saml-provider/corp", "Principal.Saml")]
    [InlineData("arn:aws:iam::111122223333:oidc-provider/", "not a web identity provider")]
    [InlineData("arn:aws:iam::1111:oidc-provider/example.com", "not a web identity provider")]
    [InlineData("", "empty")]
    public void WebIdentityProvider_RefusesAPrincipalNoTokenCanMatch(string provider, string hint)
        => Assert.Contains(hint, Assert.Throws<DslException>(() => Principal.WebIdentity.Provider(provider)).Message);

    [Fact]
    public void WebIdentityProvider_RefusesAConditionOnAnotherProvidersKeys()
    {
        // A Google token never carries GitHub's claims: StringEquals on a missing key is false, so nobody could assume the role.
        var e = Assert.Throws<DslException>(() => Principal.WebIdentity.Provider("accounts.google.com", new StringConditionKey(Host + ":sub").Is("repo:o/r:*")));
        Assert.Contains("belongs to the provider token.actions.githubusercontent.com, not accounts.google.com", e.Message);
    }

    [Theory]
    [InlineData("corp/okta")]
    [InlineData("arn:aws:iam::111122223333:saml-provider/corp")]
    [InlineData("corp okta")]
    public void Saml_RefusesANameNoProviderHas(string name)
        => Assert.Contains("is not a SAML provider name", Assert.Throws<DslException>(() => Principal.Saml(Account, name)).Message);

    [Fact]
    public void Saml_TrustsTheProviderForTheSignInAudience()
    {
        var statement = TrustOf(Principal.Saml(Account, "Corp_IdP-1.prod"));
        Assert.Equal(("sts:AssumeRoleWithSAML", "arn:aws:iam::111122223333:saml-provider/Corp_IdP-1.prod"), (statement.Action.Values[0], statement.Principal!.Ids[0].Value));
        Assert.Equal("https://signin.aws.amazon.com/saml", Assert.Single(Assert.Single(statement.Conditions, c => c.Key == "SAML:aud").Values));
    }

    [Fact]
    public async Task GitHubActionsForms_BuildTheSameTrustAtCompileTimeAsAtRunTime()
    {
        var test = new PolicyGeneratorTest("""
            public static partial class Ci
            {
                [Role("ci")]
                public static Role Deploy => Role.Define().TrustedBy(
                    Principal.WebIdentity.GitHubActions("111122223333", "my-org/my-repo", "release/*"),
                    Principal.WebIdentity.GitHubActions("111122223333", "my-org/my-repo", branch: "refs/heads/main"),
                    Principal.WebIdentity.GitHubActionsTag("111122223333", "my-org/my-repo", "v*"),
                    Principal.WebIdentity.GitHubActionsEnvironment("111122223333", "my-org/my-repo", "production"),
                    Principal.WebIdentity.GitHubActionsPullRequest("111122223333", "my-org/my-repo"));
            }
            """);
        using var generated = await test.RunAndLoadAsync();
        var files = generated.AssertMatchesRuntime();
        var subjects = PolicyAsCode.Json.PolicyJson.Parse(files["ci.trust.json"]).Statements
            .Select(st => st.Conditions.Single(c => c.Key == Host + ":sub")).Select(c => $"{c.Operator.Name} {c.Values[0]}");
        Assert.Equal([
            "StringLike repo:my-org/my-repo:ref:refs/heads/release/*", "StringEquals repo:my-org/my-repo:ref:refs/heads/main",
            "StringLike repo:my-org/my-repo:ref:refs/tags/v*", "StringEquals repo:my-org/my-repo:environment:production",
            "StringEquals repo:my-org/my-repo:pull_request"], subjects);
    }

    [Fact]
    public Task SubjectGitHubNeverIssues_ReportsPAC201OnTheHelperCall()
        => new PolicyGeneratorTest("""
            public static partial class Ci
            {
                [Role("pr")]
                public static Role FromPullRequest => Role.Define().TrustedBy({|#0:Principal.WebIdentity.GitHubActions("111122223333", "my-org/my-repo", "refs/pull/7/merge")|});

                [Role("google")]
                public static Role FromGoogle => Role.Define().TrustedBy({|#1:Principal.WebIdentity.Provider("accounts.google.com", new StringConditionKey("token.actions.githubusercontent.com:sub").Is("repo:o/r:*"))|});
            }
            """).Expect(
                PolicyGeneratorTest.Diagnostic("PAC201", 0, DiagnosticSeverity.Error)
                    .WithMessage("GitHub never issues the subject ref:refs/pull/7/merge: a pull request's token has the subject repo:my-org/my-repo:pull_request. Use Principal.WebIdentity.GitHubActionsPullRequest."),
                PolicyGeneratorTest.Diagnostic("PAC201", 1, DiagnosticSeverity.Error)).RunAsync();

    private static Statement TrustOf(Principal principal) => Assert.Single(Role.Define().TrustedBy(principal).TrustPolicy.Statements);

    private static string Subject(Principal principal) => Assert.Single(Assert.Single(TrustOf(principal).Conditions, c => c.Key == Host + ":sub").Values);

    /// <summary>A GitHub workflow's token for AWS, with the subject given, asking to assume the role.</summary>
    private static Decision Assume(Principal principal, string subject)
    {
        var trust = new PreparedPolicy(Role.Define().TrustedBy(principal).TrustPolicy);
        var request = Request.For(Provider).Action(Sts.AssumeRoleWithWebIdentity).Resource(Iam.Arn.Role(Account, "deploy"))
            .With(Host + ":sub", subject).With(Host + ":aud", "sts.amazonaws.com");
        return Authorizer.Authorize(new PolicySet { ResourcePolicy = trust }, request);
    }
}
