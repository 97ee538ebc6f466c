using Microsoft.CodeAnalysis;
using PolicyAsCode.Aws;
using PolicyAsCode.Dsl;
using PolicyAsCode.Tests.Generator;

namespace PolicyAsCode.Tests.Dsl;

/// <summary>
/// Customer managed permissions boundaries and <see cref="Role.SessionPolicySet()"/>. IAM User Guide, "Permissions
/// boundaries for IAM entities": a role's effective permissions are what both its identity-based policies and its
/// boundary allow; a Deny in either denies. "Policy evaluation logic": every policy that applies takes part.
/// </summary>
public class PermissionsBoundaryTests
{
    private const string Account = "111122223333";
    private static readonly IdentityPolicy ReadAndWriteReports = Policy.Identity().Allow(S3.GetObject, S3.PutObject).On(S3.Arn.Object("pb-reports", "*"));
    private static readonly IdentityPolicy ReadOnlyBoundary = Policy.Identity().Allow(S3.GetObject, S3.ListBucket).OnAll();

    private static Request Session(IamAction action) => Request.For(Principal.AssumedRole(Account, "developer", "s1")).Action(action).Resource(S3.Arn.Object("pb-reports", "a.csv"));

    [Fact]
    public void DeclaredBoundary_TakesPartInTheSessionsDecisions()
    {
        var role = Role.Define().TrustedBy(Principal.Account("444455556666")).Attach(ReadAndWriteReports).PermissionsBoundary(ReadOnlyBoundary);
        var set = role.SessionPolicySet();
        Assert.Equal(ReadOnlyBoundary.Document, set.PermissionsBoundary!.Document);
        // Allowed by both: allowed. Allowed by the role's policy only: the boundary does not allow it, so implicitly denied.
        Assert.Equal(Decision.Allow, Authorizer.Authorize(set, Session(S3.GetObject)));
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(set, Session(S3.PutObject)));
        Assert.Equal(Decision.Allow, Authorizer.Authorize(Role.Define().TrustedBy(Principal.Account("444455556666")).Attach(ReadAndWriteReports).SessionPolicySet(), Session(S3.PutObject)));
    }

    [Fact]
    public void AwsManagedBoundary_ComesFromTheEmbeddedCatalogue()
    {
        var set = Role.Define().TrustedBy(Principal.Account("444455556666")).Attach(ReadAndWriteReports).PermissionsBoundary(AwsManaged.AmazonS3ReadOnlyAccess).SessionPolicySet();
        Assert.Equal("AmazonS3ReadOnlyAccess", set.PermissionsBoundary!.Name);
        Assert.Equal(Decision.Allow, Authorizer.Authorize(set, Session(S3.GetObject)));
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(set, Session(S3.PutObject)));
    }

    [Fact]
    public void PolicyByArnWithAnUnknownDocument_IsNotSilentlyLeftOut()
    {
        const string legacy = "arn:aws:iam::111122223333:policy/legacy/deploy";
        var attached = Role.Define().TrustedBy(Principal.Account("444455556666")).AttachArn(legacy);
        var e = Assert.Throws<InvalidOperationException>(() => attached.SessionPolicySet());
        Assert.Contains("attaches arn:aws:iam::111122223333:policy/legacy/deploy, whose document is not known here", e.Message);

        // Given its document, it takes part under its name.
        var given = new Dictionary<string, PolicyDocument> { [legacy] = ReadAndWriteReports.Document };
        var set = attached.SessionPolicySet(given);
        Assert.Equal("deploy", Assert.Single(set.IdentityPolicies).Name);
        Assert.Equal(Decision.Allow, Authorizer.Authorize(set, Session(S3.PutObject)));

        const string boundary = "arn:aws:iam::111122223333:policy/boundaries/developer";
        var bounded = Role.Define().TrustedBy(Principal.Account("444455556666")).Attach(ReadAndWriteReports).PermissionsBoundaryArn(boundary);
        Assert.Contains("has the permissions boundary arn:aws:iam::111122223333:policy/boundaries/developer", Assert.Throws<InvalidOperationException>(() => bounded.SessionPolicySet()).Message);
        var boundedSet = bounded.SessionPolicySet(new Dictionary<string, PolicyDocument> { [boundary] = ReadOnlyBoundary.Document });
        Assert.Equal("developer", boundedSet.PermissionsBoundary!.Name);
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(boundedSet, Session(S3.PutObject)));
    }

    [Fact]
    public void BoundaryByArn_TakesAStringOrATypedArn_AndOnlyAPolicysArn()
    {
        var typed = Role.Define().TrustedBy(Principal.Account("444455556666")).PermissionsBoundaryArn(Iam.Arn.Policy(Account, "boundaries/developer"));
        Assert.Equal(new AttachedPolicy("developer", "arn:aws:iam::111122223333:policy/boundaries/developer"), typed.Draft.Boundary);
        Assert.Throws<DslException>(() => Role.Define().PermissionsBoundaryArn(Iam.Arn.Role(Account, "developer")));
    }

    [Fact]
    public void ARoleHasOneBoundary()
    {
        var e = Assert.Throws<DslException>(() => Role.Define().PermissionsBoundary(ReadOnlyBoundary).PermissionsBoundary(AwsManaged.PowerUserAccess));
        Assert.Equal("The role already has the permissions boundary given; a role has one permissions boundary.", e.Message);
        Assert.Throws<DslException>(() => Role.Define().PermissionsBoundary(AwsManaged.PowerUserAccess).PermissionsBoundaryArn("arn:aws:iam::111122223333:policy/b"));
    }

    [Fact]
    public async Task DeclaredBoundary_IsInTheManifestByName_AndNamedInExplanations()
    {
        var test = new PolicyGeneratorTest("""
            namespace Team;

            public static partial class Iam
            {
                [ManagedPolicy("pbt_developer_boundary", Description = "At most: read and write the pbt bucket")]
                public static IdentityPolicy DeveloperBoundary => Policy.Identity().Allow(S3.GetObject, S3.PutObject).On(S3.Arn.Object("pbt", "*"));

                [ManagedPolicy("pbt_read")]
                public static IdentityPolicy Read => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("pbt", "*")).Allow(S3.DeleteObject).On(S3.Arn.Object("pbt", "*"));

                [Role("pbt_developer")]
                public static Role Developer => Role.Define().TrustedBy(Principal.Account("444455556666")).Attach(Read).PermissionsBoundary(DeveloperBoundary);

                [Role("pbt_other")]
                public static Role Other => Role.Define().TrustedBy(Principal.Account("444455556666")).PermissionsBoundaryArn(S3Arn);

                private const string S3Arn = "arn:aws:iam::111122223333:policy/b";
            }
            """);
        using var generated = await test.RunAndLoadAsync();
        var files = generated.AssertMatchesRuntime();
        Assert.Equal("""
            {
              "policies": [
                {"name": "pbt_developer_boundary", "kind": "managed", "file": "pbt_developer_boundary.json", "description": "At most: read and write the pbt bucket"},
                {"name": "pbt_read", "kind": "managed", "file": "pbt_read.json"}
              ],
              "roles": [
                {"name": "pbt_developer", "path": "/", "trustPolicyFile": "pbt_developer.trust.json", "attachedPolicies": [{"name": "pbt_read", "file": "pbt_read.json"}], "inlinePolicies": [], "permissionsBoundary": "pbt_developer_boundary"},
                {"name": "pbt_other", "path": "/", "trustPolicyFile": "pbt_other.trust.json", "attachedPolicies": [], "inlinePolicies": [], "permissionsBoundary": "arn:aws:iam::111122223333:policy/b"}
              ]
            }

            """.Replace("\r\n", "\n"), files["manifest.json"]);

        // At run time, the declared policies are named as the attributes name them (from the generated registry).
        var role = (Role)generated.Declarations().Single(d => d.Name == "pbt_developer").Value;
        var set = role.SessionPolicySet();
        Assert.Equal("pbt_read", Assert.Single(set.IdentityPolicies).Name);
        Assert.Equal("pbt_developer_boundary", set.PermissionsBoundary!.Name);
        var request = Request.For(Principal.AssumedRole(Account, "pbt_developer", "s")).Action(S3.DeleteObject).Resource(S3.Arn.Object("pbt", "k"));
        var explained = Authorizer.Explain(set, request);
        Assert.Equal(Decision.ImplicitDeny, explained.Decision);
        Assert.Contains(explained.Statements, t => t.Policy == "identity policy pbt_read" && t.Matched);
        Assert.Contains(explained.Statements, t => t.Policy == "permissions boundary pbt_developer_boundary");

        // A declared policy explained alone is named too; a policy no declaration has is not.
        var read = (IdentityPolicy)generated.Declarations().Single(d => d.Name == "pbt_read").Value;
        Assert.All(read.Explain(request).Statements, t => Assert.Equal("policy pbt_read", t.Policy));
        Assert.All(Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("pbt-undeclared", "*")).Explain(request).Statements, t => Assert.Equal("policy policy", t.Policy));
    }

    [Fact]
    public Task BoundaryMistakes_ReportPAC201OrPAC200OnTheCall()
        => new PolicyGeneratorTest("""
            public static partial class Iam
            {
                [ManagedPolicy("b")]
                public static IdentityPolicy Boundary => Policy.Identity().Allow(S3.GetObject).OnAll();

                [Role("twice")]
                public static Role Twice => {|#0:Role.Define().TrustedBy(Principal.Account("444455556666")).PermissionsBoundary(Boundary).PermissionsBoundary(AwsManaged.PowerUserAccess)|};

                [Role("not_a_policy_arn")]
                public static Role NotAPolicyArn => {|#1:Role.Define().TrustedBy(Principal.Account("444455556666")).PermissionsBoundaryArn("arn:aws:iam::111122223333:role/b")|};

                [Role("undeclared")]
                public static Role Undeclared => Role.Define().TrustedBy(Principal.Account("444455556666")).PermissionsBoundary({|#2:Policy.Identity().Allow(S3.GetObject).OnAll()|});
            }
            """).Expect(
                PolicyGeneratorTest.Diagnostic("PAC201", 0).WithMessage("The role already has the permissions boundary b; a role has one permissions boundary."),
                PolicyGeneratorTest.Diagnostic("PAC201", 1).WithMessage("'arn:aws:iam::111122223333:role/b' is not a managed policy ARN (arn:aws:iam::ACCOUNT:policy/NAME)."),
                PolicyGeneratorTest.Diagnostic("PAC200", 2).WithMessage("PermissionsBoundary takes a policy declared with [ManagedPolicy] or an AwsManaged policy.")).RunAsync();

    [Fact]
    public Task DescriptionOverAwsLimit_ReportsPAC201OnTheDescription()
        => new PolicyGeneratorTest($$"""
            public static partial class Iam
            {
                [ManagedPolicy("long", Description = {|#0:"{{new string('x', 1001)}}"|})]
                public static IdentityPolicy Long => Policy.Identity().Allow(S3.GetObject).OnAll();

                [ManagedPolicy("at_limit", Description = "{{new string('x', 1000)}}")]
                public static IdentityPolicy AtLimit => Policy.Identity().Allow(S3.ListBucket).OnAll();
            }
            """).Expect(PolicyGeneratorTest.Diagnostic("PAC201", 0).WithMessage("The managed policy's description has 1001 characters; AWS allows at most 1,000.")).RunAsync();

    [Fact]
    public void RoleDescription_FollowsAwsRules()
    {
        Assert.Equal(new string('d', 1000), Role.Define().Description(new string('d', 1000)).Draft.Description);
        Assert.Contains("at most 1,000", Assert.Throws<DslException>(() => Role.Define().Description(new string('d', 1001))).Message);
        Assert.Contains("U+2014", Assert.Throws<DslException>(() => Role.Define().Description("Deploys \u2014 fast")).Message);
    }
}
