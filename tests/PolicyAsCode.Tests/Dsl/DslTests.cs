using PolicyAsCode.Aws;
using PolicyAsCode.Dsl;

namespace PolicyAsCode.Tests.Dsl;

/// <summary>The fluent DSL builds the policies of the documentation sketches, as canonical JSON.</summary>
public class DslTests
{
    private const string DevelopmentAccount = "444455556666";

    internal static IdentityPolicy ReadMyBucket => Policy.Identity()
        .Allow(S3.ListBucket).On(S3.Arn.Bucket("my-bucket"))
        .Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*"));

    internal static Role DelegateReadMyBucket => Role.Define()
        .TrustedBy(Principal.Account(DevelopmentAccount))
        .Attach(ReadMyBucket)
        .MaxSession(TimeSpan.FromHours(1));

    [Fact]
    public void ReadMyBucket_IsTheTwoStatementPolicy()
    {
        Assert.Equal("""
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Action": "s3:ListBucket",
                  "Resource": "arn:aws:s3:::my-bucket"
                },
                {
                  "Effect": "Allow",
                  "Action": "s3:GetObject",
                  "Resource": "arn:aws:s3:::my-bucket/*"
                }
              ]
            }

            """.Replace("\r\n", "\n"), ReadMyBucket.ToJson());
    }

    [Fact]
    public void RoleTrustedByAnAccount_TrustsItsRootWithAssumeRole()
    {
        Assert.Equal("""
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Principal": {
                    "AWS": "arn:aws:iam::444455556666:root"
                  },
                  "Action": "sts:AssumeRole"
                }
              ]
            }

            """.Replace("\r\n", "\n"), DelegateReadMyBucket.TrustPolicyJson);
        Assert.Equal(3600, DelegateReadMyBucket.Draft.MaxSessionSeconds);
        Assert.Same(ReadMyBucket.GetType(), DelegateReadMyBucket.AttachedPolicies[0].GetType());
    }

    [Fact]
    public void HomeFolders_UseTypedKeysAndPolicyVariables()
    {
        var policy = Policy.Identity()
            .Allow(S3.ListBucket).On(S3.Arn.Bucket("mybucket"))
                .When(S3.Keys.Prefix.Like("${aws:username}/*"))
            .Allow(S3.GetObject, S3.PutObject).On(S3.Arn.Object("mybucket", "${aws:username}/*"));
        var statements = policy.Document.Statements;
        Assert.Equal("StringLike", statements[0].Conditions[0].Operator.Name);
        Assert.Equal(["s3:GetObject", "s3:PutObject"], statements[1].Action.Values);

        var alice = Request.For(Principal.User("111122223333", "alice")).Action(S3.GetObject).Resource("arn:aws:s3:::mybucket/alice/notes.txt");
        var bob = Request.For(Principal.User("111122223333", "bob")).Action(S3.GetObject).Resource("arn:aws:s3:::mybucket/alice/notes.txt");
        Assert.Equal(Decision.Allow, policy.Decide(alice));
        Assert.Equal(Decision.ImplicitDeny, policy.Decide(bob));
    }

    [Fact]
    public void ForceMfa_DeniesEverythingButMfaSetupWithoutMfa()
    {
        var policy = Policy.Identity()
            .Allow(Iam.GetAccountPasswordPolicy, Iam.ListVirtualMFADevices).OnAll()
            .Deny().AllExcept(Iam.CreateVirtualMFADevice, Iam.EnableMFADevice, Iam.GetUser, Sts.GetSessionToken).OnAll()
                .When(Keys.Aws.MultiFactorAuthPresent.IfExists().IsFalse())
                .Named("DenyAllExceptListedIfNoMFA");
        var deny = policy.Document.Statements[1];
        Assert.True(deny.Action.IsNot);
        Assert.Equal("DenyAllExceptListedIfNoMFA", deny.Sid);
        Assert.Equal("BoolIfExists", deny.Conditions[0].Operator.Name);

        var user = Request.For(Principal.User("111122223333", "alice")).Action(Iam.ListVirtualMFADevices);
        Assert.Equal(Decision.ExplicitDeny, policy.Decide(user));
        Assert.Equal(Decision.Allow, policy.Decide(user.With(Keys.Aws.MultiFactorAuthPresent, "true")));
        Assert.Equal(Decision.ImplicitDeny, policy.Decide(Request.For(Principal.User("111122223333", "alice")).Action(Iam.EnableMFADevice)));
    }

    // Typed context values: the request carries the text each condition family reads (IAM User Guide, "IAM JSON policy
    // elements: Condition operators": Bool compares "true"/"false", numbers and ISO 8601 dates as text).
    [Fact]
    public void RequestBuilder_TypedContextValues_AreWrittenAsConditionsReadThem()
    {
        var policy = Policy.Identity()
            .Allow(S3.GetObject).On("arn:aws:s3:::b/*")
                .When(Keys.Aws.SecureTransport.IsTrue(), Keys.Aws.MultiFactorAuthAge.AtMost(3600), Keys.Aws.CurrentTime.Before(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var request = Request.For(Principal.User("111122223333", "alice")).Action(S3.GetObject).Resource("arn:aws:s3:::b/k");
        var noon = new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal(Decision.Allow, policy.Decide(request.With(Keys.Aws.SecureTransport, true).With(Keys.Aws.MultiFactorAuthAge, 300).With(Keys.Aws.CurrentTime, noon)));
        Assert.Equal(Decision.ImplicitDeny, policy.Decide(request.With(Keys.Aws.SecureTransport, false).With(Keys.Aws.MultiFactorAuthAge, 300).With(Keys.Aws.CurrentTime, noon)));
        Assert.Equal(Decision.ImplicitDeny, policy.Decide(request.With(Keys.Aws.SecureTransport, true).With(Keys.Aws.MultiFactorAuthAge, 7200.5m).With(Keys.Aws.CurrentTime, noon)));
        Assert.Equal(Decision.ImplicitDeny, policy.Decide(request.With(Keys.Aws.SecureTransport, true).With(Keys.Aws.MultiFactorAuthAge, 300).With(Keys.Aws.CurrentTime, noon.AddYears(1))));
        Request built = request.With(Keys.Aws.CurrentTime, noon).With(Keys.Aws.MultiFactorAuthAge, 2.50m);
        Assert.Equal(["2026-12-04T11:00:00Z"], built.Context["aws:CurrentTime"]);
        Assert.Equal(["2.50"], built.Context["aws:MultiFactorAuthAge"]);
    }

    // A request from a declared web identity carries the token's audience and subject, as STS's
    // AssumeRoleWithWebIdentity request does (IAM User Guide, "Available keys for AWS web identity federation").
    [Fact]
    public void RequestFor_AWebIdentityPrincipal_CarriesItsTokenValues()
    {
        var github = Principal.WebIdentity.GitHubActions("111122223333", "my-org/my-repo", "main");
        var role = Role.Define().TrustedBy(github);
        var trust = new PreparedPolicy(role.TrustPolicy);
        Request assume = Request.For(github).Action(Sts.AssumeRoleWithWebIdentity).Resource(Iam.Arn.Role("111122223333", "deploy"));
        Assert.Equal(["sts.amazonaws.com"], assume.Context["token.actions.githubusercontent.com:aud"]);
        Assert.Equal(Decision.Allow, trust.Decide(assume));
        // Another branch's token is not this principal: the trust does not allow it.
        var other = Request.For(Principal.WebIdentity.GitHubActions("111122223333", "my-org/my-repo", "feature")).Action(Sts.AssumeRoleWithWebIdentity).Resource(Iam.Arn.Role("111122223333", "deploy"));
        Assert.Equal(Decision.ImplicitDeny, trust.Decide(other));
        // With MFA: the session carries aws:MultiFactorAuthPresent.
        Request mfa = Request.For(Principal.Account("444455556666").WithMfa()).Action(Sts.AssumeRole);
        Assert.Equal(["true"], mfa.Context["aws:MultiFactorAuthPresent"]);
        Assert.False(((Request)Request.For(Principal.Account("444455556666")).Action(Sts.AssumeRole)).TryGetValues("aws:MultiFactorAuthPresent", out _));
    }

    [Fact]
    public void GitHubActionsRole_TrustsTheOidcProviderForOneRepositoryAndBranch()
    {
        var role = Role.Define()
            .TrustedBy(Principal.WebIdentity.GitHubActions(account: "111122223333", repository: "my-org/my-repo", branch: "main"))
            .Attach(AwsManaged.ReadOnlyAccess);
        var trust = role.TrustPolicy.Statements[0];
        Assert.Equal("sts:AssumeRoleWithWebIdentity", trust.Action.Values[0]);
        Assert.Equal(new PrincipalId(PrincipalType.Federated, "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"), trust.Principal!.Ids[0]);
        Assert.Contains(trust.Conditions, c => c.Key == "token.actions.githubusercontent.com:aud" && c.Values[0] == "sts.amazonaws.com");
        Assert.Contains(trust.Conditions, c => c.Key == "token.actions.githubusercontent.com:sub" && c.Values[0] == "repo:my-org/my-repo:ref:refs/heads/main");
        Assert.Equal("arn:aws:iam::aws:policy/ReadOnlyAccess", role.Draft.Attached[0].Arn);
    }

    [Fact]
    public void ResourcePolicy_NamesItsPrincipals()
    {
        var bucketPolicy = Policy.Resource()
            .Allow(S3.GetObject).For(Principal.Account(DevelopmentAccount), Principal.Service("cloudfront.amazonaws.com")).On(S3.Arn.Object("my-bucket", "*"))
            .Deny(IamAction.All).For(Principal.Everyone).OnAll().When(Keys.Aws.SecureTransport.IsFalse()).Named("DenyInsecureTransport");
        var statements = bucketPolicy.Document.Statements;
        Assert.Equal(2, statements[0].Principal!.Ids.Count);
        Assert.True(statements[1].Principal!.IsWildcard);
        Assert.Contains("\"Principal\": \"*\"", bucketPolicy.ToJson());
    }

    [Fact]
    public void CrossAccountScenario_DevelopmentAssumesTheRoleAndReadsTheBucket()
    {
        // IAM User Guide, "Cross-account policy evaluation logic": the trust policy and the caller's identity policy must both allow.
        var assume = Policy.Identity().Allow(Sts.AssumeRole).On(Iam.Arn.Role("111122223333", "delegate_read_my_bucket"));
        var trust = new PreparedPolicy(DelegateReadMyBucket.TrustPolicy);
        var dev = Request.For(Principal.User(DevelopmentAccount, "dev")).Action(Sts.AssumeRole).Resource(Iam.Arn.Role("111122223333", "delegate_read_my_bucket"));
        Assert.Equal(Decision.Allow, Authorizer.Authorize(new PolicySet { IdentityPolicies = [new PreparedPolicy(assume.Document)], ResourcePolicy = trust }, dev));
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(new PolicySet { ResourcePolicy = trust }, dev));

        var session = Request.For(Principal.AssumedRole("111122223333", "delegate_read_my_bucket", "s1"));
        var permissions = DelegateReadMyBucket.SessionPolicySet();
        Assert.Equal(Decision.Allow, Authorizer.Authorize(permissions, session.Action(S3.GetObject).Resource("arn:aws:s3:::my-bucket/a.csv")));
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(permissions, session.Action(S3.PutObject).Resource("arn:aws:s3:::my-bucket/a.csv")));
    }

    [Fact]
    public void MistakesTheTypesCannotCatch_AreClearErrors()
    {
        Assert.Contains("at least one action", Assert.Throws<DslException>(() => Policy.Identity().Allow()
            .AllExcept()).Message);
        Assert.Contains("needs a statement first", Assert.Throws<DslException>(() => Policy.Identity().When(S3.Keys.Prefix.Is("a"))).Message);
        Assert.Contains("already used", Assert.Throws<DslException>(() => ReadMyBucket.Named("A").Allow(S3.GetObject).OnAll().Named("A")).Message);
        Assert.Contains("IAM cannot express", Assert.Throws<DslException>(() => ReadMyBucket.When(S3.Keys.Prefix.Is("a")).When(S3.Keys.Prefix.Is("b"))).Message);
        Assert.Contains("between 1 and 12 hours", Assert.Throws<DslException>(() => Role.Define().MaxSession(TimeSpan.FromMinutes(5))).Message);
        Assert.Contains("12 digits", Assert.Throws<DslException>(() => Principal.Account("1234")).Message);
        Assert.Contains("trust policy", Assert.Throws<DslException>(() => Role.Define().TrustPolicy).Message);
    }

    [Fact]
    public void DslPolicies_ValidateClean()
    {
        var options = new PolicyAsCode.Rules.ValidationOptions(PolicyAsCode.Rules.PolicyKind.Identity) { Catalogue = PolicyAsCode.Catalogue.ServiceCatalogue.Default };
        Assert.Empty(PolicyAsCode.Rules.PolicyValidator.Validate(ReadMyBucket.Document, options));
        var trust = new PolicyAsCode.Rules.ValidationOptions(PolicyAsCode.Rules.PolicyKind.Trust) { Catalogue = PolicyAsCode.Catalogue.ServiceCatalogue.Default };
        Assert.Empty(PolicyAsCode.Rules.PolicyValidator.Validate(DelegateReadMyBucket.TrustPolicy, trust));
    }

    [Fact]
    public void Include_AppendsTheOtherPolicysStatementsInOrder()
    {
        var denies = Policy.Identity().Deny(S3.DeleteObject).On(S3.Arn.Object("my-bucket", "*")).Named("NoDeletes");
        var policy = ReadMyBucket.Include(denies);
        Assert.Equal([.. ReadMyBucket.Document.Statements, .. denies.Document.Statements], policy.Document.Statements);
        Assert.Equal(2, ReadMyBucket.Document.Statements.Count);
    }

    [Fact]
    public void Include_OfAResourcePolicyKeepsItsPrincipals_WhichTheRulesReportAsPAC001()
    {
        var bucket = Policy.Resource().Allow(S3.GetObject).For(Principal.Account(DevelopmentAccount)).On(S3.Arn.Object("my-bucket", "*"));
        var policy = Policy.Identity().Include(bucket);
        Assert.NotNull(Assert.Single(policy.Document.Statements).Principal);
        Assert.Contains(PolicyAsCode.Rules.PolicyValidator.Validate(policy.Document, PolicyAsCode.Rules.PolicyKind.Identity), f => f.Id == "PAC001");
    }

    [Fact]
    public void Include_OfAStatementIdAlreadyUsed_Throws()
    {
        var named = Policy.Identity().Allow(S3.GetObject).OnAll().Named("Read");
        Assert.Contains("already used", Assert.Throws<DslException>(() => named.Include(named)).Message);
        Assert.Throws<ArgumentNullException>(() => named.Include(null!));
    }
}
