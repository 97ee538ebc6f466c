using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using PolicyAsCode.CodeFixes;
using PolicyAsCode.Tests.Analyzers;
using PolicyAsCode.Tests.Generator;

namespace PolicyAsCode.Tests.CodeFixes;

/// <summary>Every code fix, applied through the analyzer's real diagnostics, with a case where it is not offered.</summary>
public class CodeFixTests
{
    private static string Managed(string value, string name = "declared") => $$"""
        public static partial class Declarations
        {
            [ManagedPolicy("{{name}}")]
            public static IdentityPolicy Declared => {{value}};
        }
        """;

    [Fact]
    public Task MisspelledActionLiteral_IsReplacedByTheSuggestion() => PolicyCodeFixTest<ReplaceValueCodeFixProvider>.VerifyAsync(
        Managed("""Policy.Identity().Allow({|PAC003:"s3:GetObjet"|}).On(S3.Arn.Object("my-bucket", "*"))"""),
        // The fixed literal is a known action that has a typed member: PAC300 suggests that next.
        Managed("""Policy.Identity().Allow({|PAC300:"s3:GetObject"|}).On(S3.Arn.Object("my-bucket", "*"))"""));

    [Fact]
    public Task UnknownServiceLiteral_IsReplacedByTheSuggestion() => PolicyCodeFixTest<ReplaceValueCodeFixProvider>.VerifyAsync(
        Managed("""Policy.Identity().Allow({|PAC002:"s4:GetObject"|}).On(S3.Arn.Object("my-bucket", "*"))"""),
        Managed("""Policy.Identity().Allow({|PAC300:"s3:GetObject"|}).On(S3.Arn.Object("my-bucket", "*"))"""));

    [Fact]
    public Task MisspelledConditionKeyLiteral_IsReplacedByTheSuggestion() => PolicyCodeFixTest<ReplaceValueCodeFixProvider>.VerifyAsync(
        Managed("""Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*")).When(new StringConditionKey({|PAC010:"aws:usrname"|}).IsIgnoringCase("alice"))"""),
        Managed("""Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*")).When(new StringConditionKey("aws:username").IsIgnoringCase("alice"))"""));

    [Fact]
    public Task MisspelledActionOutsideADeclaration_IsReplacedToo() => PolicyCodeFixTest<ReplaceValueCodeFixProvider>.VerifyAsync(
        """
        public static class Code
        {
            public static IdentityPolicy Build() => Policy.Identity().Allow({|PAC003:"s3:GetObjet"|}).OnAll();
        }
        """,
        """
        public static class Code
        {
            public static IdentityPolicy Build() => Policy.Identity().Allow({|PAC300:"s3:GetObject"|}).OnAll();
        }
        """);

    [Fact]
    public Task MisspelledActionInAConstant_OffersNoFixAtTheUse() => PolicyCodeFixTest<ReplaceValueCodeFixProvider>.VerifyNoFixAsync("""
        public static partial class Declarations
        {
            private const string Read = "s3:GetObjet";

            [ManagedPolicy("declared")]
            public static IdentityPolicy Declared => Policy.Identity().Allow({|PAC003:Read|}).On(S3.Arn.Object("my-bucket", "*"));
        }
        """);

    [Fact]
    public Task StringAction_IsReplacedByItsTypedMember() => PolicyCodeFixTest<UseTypedMemberCodeFixProvider>.VerifyAsync(
        Managed("""Policy.Identity().Allow({|PAC300:"s3:GetObject"|}).On(S3.Arn.Object("my-bucket", "*"))"""),
        Managed("""Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*"))"""));

    [Fact]
    public Task StringAction_InAFileWithoutTheUsing_GetsTheUsingToo() => PolicyCodeFixTest<UseTypedMemberCodeFixProvider>.VerifyAsync(
        """
        using PolicyAsCode;

        public static class Code
        {
            public static IdentityPolicy Build() => Policy.Identity().Allow({|PAC300:"iam:GetUser"|}).OnAll();
        }
        """,
        """
        using PolicyAsCode;
        using PolicyAsCode.Aws;

        public static class Code
        {
            public static IdentityPolicy Build() => Policy.Identity().Allow(Iam.GetUser).OnAll();
        }
        """,
        withUsings: false);

    [Fact]
    public Task UserNameComparedCaseSensitively_UsesIsIgnoringCase() => PolicyCodeFixTest<UseOperatorCodeFixProvider>.VerifyAsync(
        Managed("""Policy.Identity().Deny(S3.DeleteObject).On(S3.Arn.Object("audit-logs", "*")).When(Keys.Aws.Username.{|PAC013:Is("alice")|})"""),
        Managed("""Policy.Identity().Deny(S3.DeleteObject).On(S3.Arn.Object("audit-logs", "*")).When(Keys.Aws.Username.IsIgnoringCase("alice"))"""));

    [Fact]
    public Task UserNameComparedCaseSensitivelyWithIsNot_UsesIsNotIgnoringCase() => PolicyCodeFixTest<UseOperatorCodeFixProvider>.VerifyAsync(
        Managed("""Policy.Identity().Deny(S3.DeleteObject).On(S3.Arn.Object("audit-logs", "*")).When(Keys.Aws.Username.{|PAC013:IsNot("alice")|})"""),
        Managed("""Policy.Identity().Deny(S3.DeleteObject).On(S3.Arn.Object("audit-logs", "*")).When(Keys.Aws.Username.IsNotIgnoringCase("alice"))"""));

    [Fact]
    public Task WildcardInStringEquals_UsesLike() => PolicyCodeFixTest<UseOperatorCodeFixProvider>.VerifyAsync(
        Managed("""Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket("home")).When(S3.Keys.Prefix.{|PAC023:Is("reports/*")|})"""),
        Managed("""Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket("home")).When(S3.Keys.Prefix.Like("reports/*"))"""));

    [Fact]
    public Task WildcardInStringNotEqualsIfExists_UsesNotLikeAndKeepsIfExists() => PolicyCodeFixTest<UseOperatorCodeFixProvider>.VerifyAsync(
        Managed("""Policy.Identity().Deny(S3.ListBucket).On(S3.Arn.Bucket("home")).When(S3.Keys.Prefix.IfExists().{|PAC023:IsNot("reports/*")|})"""),
        Managed("""Policy.Identity().Deny(S3.ListBucket).On(S3.Arn.Bucket("home")).When(S3.Keys.Prefix.IfExists().NotLike("reports/*"))"""));

    private const string SharedBucket = """
        public static class Shared
        {
            public static ResourcePolicy Bucket => Policy.Resource().Allow(S3.GetObject).For(Principal.Account("444455556666")).On(S3.Arn.Object("shared", "*"));
        }

        """;

    [Fact]
    public Task IdentityPolicyIncludingAResourcePolicy_DropsTheInclude() => PolicyCodeFixTest<PrincipalInIdentityPolicyCodeFixProvider>.VerifyAsync(
        SharedBucket + Managed("""Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket("shared")).Include({|PAC001:Shared.Bucket|})"""),
        SharedBucket + Managed("""Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket("shared"))"""));

    [Fact]
    public Task IncludesInSeveralDeclarations_AreAllDroppedByFixAll() => PolicyCodeFixTest<PrincipalInIdentityPolicyCodeFixProvider>.VerifyAsync(
        // The testing library applies Fix All in the document, project and solution, and one fix at a time: each must end here.
        SharedBucket + """
        public static partial class Declarations
        {
            [ManagedPolicy("list")]
            public static IdentityPolicy List => Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket("shared")).Include({|PAC001:Shared.Bucket|});

            [ManagedPolicy("get")]
            public static IdentityPolicy Get => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("shared", "*")).Include({|PAC001:Shared.Bucket|}).Include({|PAC001:Shared.Bucket|});
        }
        """,
        SharedBucket + """
        public static partial class Declarations
        {
            [ManagedPolicy("list")]
            public static IdentityPolicy List => Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket("shared"));

            [ManagedPolicy("get")]
            public static IdentityPolicy Get => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("shared", "*"));
        }
        """);

    [Fact]
    public Task IdentityPolicyOfOnlyIncludes_BecomesAResourcePolicy() => PolicyCodeFixTest<PrincipalInIdentityPolicyCodeFixProvider>.VerifyAsync(
        SharedBucket + Managed("""Policy.Identity().Include({|PAC001:Shared.Bucket|})"""),
        SharedBucket + """
        public static partial class Declarations
        {
            [ResourcePolicy("declared")]
            public static ResourcePolicy Declared => Policy.Resource().Include(Shared.Bucket);
        }
        """,
        index: 1);

    [Fact]
    public async Task IdentityPolicyWithItsOwnStatements_IsOfferedOnlyToDropTheInclude()
    {
        // Its own statements have no For(...): as a resource policy it would not compile.
        var offered = await OfferedFixes(new PrincipalInIdentityPolicyCodeFixProvider(),
            SharedBucket + Managed("""Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket("shared")).Include(Shared.Bucket)"""));

        Assert.Equal(["Remove the Include of statements with a Principal"], offered);
    }

    [Fact]
    public async Task IdentityPolicyOfOnlyIncludes_IsOfferedBothFixes()
    {
        var offered = await OfferedFixes(new PrincipalInIdentityPolicyCodeFixProvider(), SharedBucket + Managed("Policy.Identity().Include(Shared.Bucket)"));

        Assert.Equal(["Remove the Include of statements with a Principal", "Declare it as a resource-based policy"], offered);
    }

    [Fact]
    public Task StringAction_WhereAnotherTypeHasTheName_IsWrittenQualified() => PolicyCodeFixTest<UseTypedMemberCodeFixProvider>.VerifyAsync(
        """
        using PolicyAsCode;

        public static class Iam { }

        public static class Code
        {
            public static IdentityPolicy Build() => Policy.Identity().Allow({|PAC300:"iam:GetUser"|}).OnAll();
        }
        """,
        """
        using PolicyAsCode;

        public static class Iam { }

        public static class Code
        {
            public static IdentityPolicy Build() => Policy.Identity().Allow(PolicyAsCode.Aws.Iam.GetUser).OnAll();
        }
        """,
        withUsings: false);

    [Fact]
    public async Task IdentityPolicyOfOnlyIncludesThatARoleAttaches_IsOfferedOnlyToDropTheInclude()
    {
        // As a ResourcePolicy it could no longer be attached: Role.Attach takes identity policies.
        var offered = await OfferedFixes(new PrincipalInIdentityPolicyCodeFixProvider(), SharedBucket + """
            public static partial class Declarations
            {
                [ManagedPolicy("declared")]
                public static IdentityPolicy Declared => Policy.Identity().Include(Shared.Bucket);

                [Role("reader")]
                public static Role Reader => Role.Define().TrustedBy(Principal.Account("444455556666")).Attach(Declared);
            }
            """);

        Assert.Equal(["Remove the Include of statements with a Principal"], offered);
    }

    [Fact]
    public Task StringAction_WhereAMemberHasTheName_IsWrittenQualified() => PolicyCodeFixTest<UseTypedMemberCodeFixProvider>.VerifyAsync(
        """
        using PolicyAsCode;

        public static class Code
        {
            public static int Iam => 1;

            public static IdentityPolicy Build() => Policy.Identity().Allow({|PAC300:"iam:GetUser"|}).OnAll();
        }
        """,
        """
        using PolicyAsCode;

        public static class Code
        {
            public static int Iam => 1;

            public static IdentityPolicy Build() => Policy.Identity().Allow(PolicyAsCode.Aws.Iam.GetUser).OnAll();
        }
        """,
        withUsings: false);

    /// <summary>The titles of the fixes <paramref name="provider"/> offers for the analyzer's diagnostics in the source.</summary>
    private static async Task<string[]> OfferedFixes(CodeFixProvider provider, string source)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "Fixes", "Fixes", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            parseOptions: GeneratorHarness.ParseOptions,
            metadataReferences: GeneratorHarness.References));
        var document = workspace.AddDocument(project.Id, "Test0.cs", SourceText.From(GeneratorHarness.Usings + source));
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await PolicyAnalyzerTest.AnalyzeAsync(compilation);
        var titles = new List<string>();
        foreach (var diagnostic in diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)))
        {
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => titles.Add(action.Title), CancellationToken.None));
        }
        return titles.ToArray();
    }
}
