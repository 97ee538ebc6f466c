using PolicyAsCode.Aws;
using PolicyAsCode.Catalogue;
using PolicyAsCode.Compiled;
using PolicyAsCode.Rules;

namespace PolicyAsCode.Tests.Generator;

/// <summary>
/// <see cref="IamRegistry.Of"/>: the public way to every declaration of an assembly, so that a team's tests can loop over
/// all its policies and roles, validate each with the rules of its kind and evaluate it.
/// </summary>
public class IamRegistryTests
{
    private const string Estate = """
        namespace Team;

        public static partial class Estate
        {
            [ManagedPolicy("reg_read", Description = "Reads the reg bucket")]
            public static IdentityPolicy Read => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("reg", "*"));

            [ManagedPolicy("reg_boundary")]
            private static IdentityPolicy Boundary => Policy.Identity().Allow(S3.GetObject, S3.PutObject).On(S3.Arn.Object("reg", "*"));

            [ResourcePolicy("reg_bucket")]
            internal static readonly ResourcePolicy Bucket = Policy.Resource().Id("reg-bucket")
                .Allow(S3.GetObject).For(Principal.Account("444455556666")).On(S3.Arn.Object("reg", "*"))
                .Deny().AllExcept(S3.GetObject).For(Principal.Account("444455556666")).On(S3.Arn.Object("reg", "*"));

            [Role("reg_reader")]
            public static Role Reader => Role.Define().TrustedBy(Principal.Account("444455556666")).Attach(Read).PermissionsBoundary(Boundary);
        }
        """;

    [Fact]
    public async Task Registry_ListsEveryDeclaration_WithItsDocumentKindAndValue()
    {
        using var generated = await new PolicyGeneratorTest(Estate).RunAndLoadAsync();
        generated.AssertMatchesRuntime();
        var registry = IamRegistry.Of(generated.Assembly);
        Assert.Equal(["reg_boundary", "reg_bucket", "reg_read", "reg_reader"], registry.Select(d => d.Name));
        Assert.Same(registry, IamRegistry.Of(generated.Assembly));

        var bucket = registry.Single(d => d.Name == "reg_bucket");
        Assert.Equal((IamDeclarationKind.ResourcePolicy, PolicyKind.Resource, "reg-bucket"), (bucket.Kind, bucket.ValidateAs, bucket.Document.Id));
        Assert.True(bucket.Document.Statements[1].Action.IsNot);
        Assert.Equal(bucket.Document, bucket.Policy!.Document);
        Assert.Null(bucket.Role);

        // A private member is reached through its compiled class.
        Assert.Equal(PolicyKind.Identity, registry.Single(d => d.Name == "reg_boundary").ValidateAs);
        Assert.NotNull(registry.Single(d => d.Name == "reg_boundary").Policy);

        var reader = registry.Single(d => d.Name == "reg_reader");
        Assert.Equal(PolicyKind.Trust, reader.ValidateAs);
        Assert.Equal(reader.Document, reader.Role!.TrustPolicy);
        Assert.Null(reader.Policy);
    }

    [Fact]
    public async Task ATeamsTest_LoopsOverAllDeclarations_ValidatesAndEvaluatesEach()
    {
        using var generated = await new PolicyGeneratorTest(Estate).RunAndLoadAsync();
        var partner = Request.For(Principal.Account("444455556666"));
        int checkedCount = 0;
        foreach (var declaration in IamRegistry.Of(generated.Assembly))
        {
            var findings = PolicyValidator.Validate(declaration.Document, new ValidationOptions(declaration.ValidateAs) { Catalogue = ServiceCatalogue.Default });
            Assert.DoesNotContain(findings, f => f.Severity == FindingSeverity.Error);
            // The compiled evaluator agrees with the interpreter on the same document.
            Request probe = declaration.Kind == IamDeclarationKind.Role
                ? partner.Action(Sts.AssumeRole).Resource(Iam.Arn.Role("111122223333", declaration.Name))
                : partner.Action(S3.GetObject).Resource(S3.Arn.Object("reg", "a"));
            Assert.Equal(new PreparedPolicy(declaration.Document).Decide(probe), declaration.Evaluate!(probe));
            if (declaration.Role is { } role)
            {
                var session = Request.For(Principal.AssumedRole("111122223333", declaration.Name, "s")).Resource(S3.Arn.Object("reg", "a"));
                var set = role.SessionPolicySet();
                Assert.Equal(["reg_read"], set.IdentityPolicies.Select(p => p.Name));
                Assert.Equal("reg_boundary", set.PermissionsBoundary!.Name);
                Assert.Equal(Decision.Allow, Authorizer.Authorize(set, session.Action(S3.GetObject)));
                Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(set, session.Action(S3.PutObject)));
            }
            checkedCount++;
        }
        Assert.Equal(4, checkedCount);
    }

    [Fact]
    public void AnAssemblyWithoutDeclarations_HasAnEmptyRegistry()
    {
        Assert.Empty(IamRegistry.Of(typeof(IamRegistryTests).Assembly));
        Assert.Throws<ArgumentNullException>(() => IamRegistry.Of(null!));
    }
}
