extern alias generator;

using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using PolicyAsCode.Rules;
using PolicyAsCode.Tests.Cli;
using PolicyAsCode.Tests.Generator;
using PolicyAnalyzer = generator::PolicyAsCode.Generators.Analyzers.PolicyAnalyzer;

namespace PolicyAsCode.Tests.Analyzers;

/// <summary>
/// Constants outside declarations, PAC300, the properties code fixes rely on, severities from .editorconfig, the
/// descriptors against the rule engine and the release files, and robustness.
/// </summary>
public partial class AnalyzerBehaviourTests
{
    // Constants outside declarations: judged by the same rules, once.
    [Fact]
    public Task IncludedDeclarationsFinding_IsReportedOnceAtThatDeclaration() => PolicyAnalyzerTest.VerifyAsync("""
        public static partial class Declarations
        {
            [ManagedPolicy("other")]
            public static IdentityPolicy Other => Policy.Identity().Allow({|PAC003:"s3:GetObjet"|}).On(S3.Arn.Object("my-bucket", "*"));

            [ManagedPolicy("declared")]
            public static IdentityPolicy Declared => Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket("my-bucket")).Include(Other);
        }
        """);

    [Fact]
    public Task IncludedPlainMembersFinding_IsReportedAtItsLiteralAndAtTheInclude() => PolicyAnalyzerTest.VerifyAsync("""
        public static partial class Declarations
        {
            // Not a declaration: its constants are checked where they are written (with a fix), and the declaration that
            // includes it says which of its policies gets the bad action.
            public static IdentityPolicy Helper => Policy.Identity().Allow({|PAC003:"s3:GetObjet"|}).On(S3.Arn.Object("my-bucket", "*"));

            [ManagedPolicy("declared")]
            public static IdentityPolicy Declared => Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket("my-bucket")).Include({|PAC003:Helper|});
        }
        """);

    [Fact]
    public Task ActionArnAndKeyConstantsOutsideDeclarations_AreChecked() => PolicyAnalyzerTest.VerifyAsync("""
        public static class Helpers
        {
            private const string Service = "s3";
            public static readonly IamAction Misspelled = {|PAC003:"s3:GetObjet"|};
            public static readonly IamAction Composed = {|PAC003:$"{Service}:GetObjet"|};
            public static readonly IamAction UnknownService = {|PAC002:"s4:GetObject"|};
            public static readonly IamAction Nothing = {|PAC004:"s3:Gett*"|};
            public static readonly ResourceArn Malformed = {|PAC007:"arn:aws:s3::my-bucket"|};
            public static readonly StringConditionKey Key = new({|PAC010:"aws:usrname"|});
            public static IdentityPolicy Build() => Policy.Identity().Allow({|PAC003:"s3:PutObjet"|}).On("arn:aws:s3:::my-bucket/*");
        }
        """);

    [Fact]
    public Task ValidConstantsOutsideDeclarations_AndArnConditionValues_ReportNothing() => PolicyAnalyzerTest.VerifyAsync("""
        public static class Helpers
        {
            public static readonly IamAction Wildcard = "s3:Get*";
            public static readonly ResourceArn Bucket = "arn:aws:s3:::my-bucket";
            public static readonly StringConditionKey Key = new("aws:username");
            public static readonly Condition FromAnyService = Keys.Aws.SourceArn.Like("arn:aws:*:*:111122223333:*");
        }
        """);

    [Fact]
    public Task MisspelledActionInsideADeclaration_IsReportedOnce() => PolicyAnalyzerTest.VerifyAsync("""
        public static class P
        {
            [ManagedPolicy("policy")]
            public static readonly IdentityPolicy Declared = Policy.Identity().Allow({|PAC003:"s3:GetObjet"|}).On(S3.Arn.Object("my-bucket", "*"));
        }
        """);

    // PAC300
    [Fact]
    public Task ActionStringWithATypedMember_ReportsPAC300InAndOutsideDeclarations() => PolicyAnalyzerTest.VerifyAsync("""
        public static class P
        {
            public static readonly IamAction Read = {|PAC300:"s3:GetObject"|};

            [ManagedPolicy("policy")]
            public static IdentityPolicy Declared => Policy.Identity().Allow({|PAC300:"s3:PutObject"|}, S3.ListBucket, "s3:Get*").On(S3.Arn.Object("my-bucket", "*"), S3.Arn.Bucket("my-bucket"));
        }
        """);

    [Fact]
    public Task ActionStringWithoutPolicyAsCodeAws_ReportsNoPAC300()
    {
        var test = new PolicyAnalyzerTest();
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(GeneratorHarness.References.Where(r => !r.Display!.EndsWith("PolicyAsCode.Aws.dll", StringComparison.Ordinal)));
        test.TestState.Sources.Add("""
            using PolicyAsCode;
            public static class P
            {
                public static readonly IamAction Read = "s3:GetObject";
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    public async Task PAC300_CarriesTheTypedMemberAndItsNamespace()
    {
        var diagnostics = await PolicyAnalyzerTest.AnalyzeAsync("""public static class P { public static readonly IamAction Read = "s3:GetObject"; }""");
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PAC300", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal("S3.GetObject", diagnostic.Properties["TypedMember"]);
        Assert.Equal("PolicyAsCode.Aws", diagnostic.Properties["Namespace"]);
        Assert.Equal("\"s3:GetObject\"", Text(diagnostic));
    }

    // The contract with the code fixes.
    [Fact]
    public async Task PAC003OnALiteral_CarriesTheSuggestionAndLiteral()
    {
        var diagnostics = await PolicyAnalyzerTest.AnalyzeAsync("""
            public static partial class P
            {
                [ManagedPolicy("policy")]
                public static IdentityPolicy Declared => Policy.Identity().Allow("s3:GetObjet").On(S3.Arn.Object("my-bucket", "*"));
            }
            """);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PAC003", diagnostic.Id);
        Assert.Equal("s3:GetObject", diagnostic.Properties["Suggestion"]);
        Assert.Equal("true", diagnostic.Properties["Literal"]);
        Assert.Equal("$.Statement[0].Action", diagnostic.Properties["JsonPath"]);
        Assert.Equal("The action s3:GetObjet does not exist in the service s3. Did you mean s3:GetObject?", diagnostic.GetMessage());
        Assert.Equal(PolicyRule.HelpLinkBase + "PAC003.md", diagnostic.Descriptor.HelpLinkUri);
    }

    [Fact]
    public async Task PAC003OnAConstantsName_IsNotALiteral()
    {
        var diagnostics = await PolicyAnalyzerTest.AnalyzeAsync("""
            public static partial class P
            {
                private const string Read = "s3:GetObjet";

                [ManagedPolicy("policy")]
                public static IdentityPolicy Declared => Policy.Identity().Allow(Read).On(S3.Arn.Object("my-bucket", "*"));
            }
            """);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("Read", Text(diagnostic));
        Assert.Equal("s3:GetObject", diagnostic.Properties["Suggestion"]);
        Assert.False(diagnostic.Properties.ContainsKey("Literal"));
    }

    [Theory]
    [InlineData("Is", "IsIgnoringCase", "StringEqualsIgnoreCase")]
    [InlineData("IsNot", "IsNotIgnoringCase", "StringNotEqualsIgnoreCase")]
    public async Task PAC013_NamesTheOperatorMethodToCallInstead(string method, string replacement, string suggestion)
    {
        var diagnostics = await PolicyAnalyzerTest.AnalyzeAsync($$"""
            public static partial class P
            {
                [ManagedPolicy("policy")]
                public static IdentityPolicy Declared => Policy.Identity().Deny(S3.DeleteObject).On(S3.Arn.Object("logs", "*")).When(Keys.Aws.Username.IfExists().{{method}}("alice"));
            }
            """);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PAC013", diagnostic.Id);
        Assert.Equal($"{method}(\"alice\")", Text(diagnostic));
        Assert.Equal(replacement, diagnostic.Properties["Operator"]);
        Assert.Equal(suggestion + "IfExists", diagnostic.Properties["Suggestion"]);
    }

    // Severities: the finding's own, and .editorconfig over it.
    private const string AwsManagedPolicyAction = "budgets:CreateBudget";

    [Fact]
    public Task ActionOnlyAwsManagedPoliciesUse_ReportsPAC003AsAWarning() => new PolicyAnalyzerTest($$"""
        public static class P
        {
            [ManagedPolicy("policy")]
            public static IdentityPolicy Declared => Policy.Identity().Allow({|#0:"{{AwsManagedPolicyAction}}"|}).OnAll();
        }
        """).Expect(new DiagnosticResult("PAC003", DiagnosticSeverity.Warning).WithLocation(0)).RunAsync();

    [Theory]
    [InlineData("none")]
    [InlineData("suggestion")]
    [InlineData("warning")]
    [InlineData("error")]
    public Task EditorConfigSeverity_AppliesToFindingsOfEverySeverity(string configured)
    {
        var test = new PolicyAnalyzerTest($$"""
            public static class P
            {
                [ManagedPolicy("policy")]
                public static IdentityPolicy Declared => Policy.Identity().Allow({|#0:"s3:GetObjet"|}, {|#1:"{{AwsManagedPolicyAction}}"|}).OnAll();
            }
            """).WithEditorConfig($"""
            root = true

            [*]
            dotnet_diagnostic.PAC003.severity = {configured}
            """);
        if (configured != "none")
        {
            var severity = configured switch { "suggestion" => DiagnosticSeverity.Info, "warning" => DiagnosticSeverity.Warning, _ => DiagnosticSeverity.Error };
            // Roslyn treats a configured severity equal to the descriptor's default (error, for PAC003) as not configured,
            // so the finding AWS managed policies excuse keeps its own severity, a warning.
            var excused = configured == "error" ? DiagnosticSeverity.Warning : severity;
            test.Expect(new DiagnosticResult("PAC003", severity).WithLocation(0), new DiagnosticResult("PAC003", excused).WithLocation(1));
        }
        return test.RunAsync();
    }

    // Descriptors: the rule engine's, and the release file's.
    [Fact]
    public void Descriptors_AreTheRuleEnginesRulesPAC300TheDeclarationChecksAndTheProperties()
    {
        var descriptors = new PolicyAnalyzer().SupportedDiagnostics;
        Assert.Equal([.. PolicyRules.All.Select(r => r.Id), "PAC300", "PAC200", "PAC201", "PAC202", "PAC203", "PAC204", "PAC205", "PAC400", "PAC401", "PAC402", "PAC403"], descriptors.Select(d => d.Id));
        foreach (var rule in PolicyRules.All)
        {
            var descriptor = descriptors.Single(d => d.Id == rule.Id);
            Assert.Equal(rule.Title, descriptor.Title.ToString());
            Assert.Equal(rule.Category, descriptor.Category);
            Assert.Equal(rule.HelpLink, descriptor.HelpLinkUri);
            Assert.Equal(rule.DefaultSeverity switch { FindingSeverity.Error => DiagnosticSeverity.Error, FindingSeverity.Warning => DiagnosticSeverity.Warning, _ => DiagnosticSeverity.Info },
                descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault);
        }
    }

    /// <summary>Release tracking cannot read a category or severity that is not a literal, so this test checks them.</summary>
    [Fact]
    public void UnshippedReleaseFile_ListsEveryDescriptorWithItsCategoryAndSeverity()
    {
        var rows = File.ReadLines(RepoFiles.Get("generators", "PolicyAsCode.Generators", "AnalyzerReleases.Unshipped.md"))
            .Select(line => ReleaseRow().Match(line)).Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => (Category: m.Groups[2].Value, Severity: m.Groups[3].Value));
        foreach (var descriptor in new PolicyAnalyzer().SupportedDiagnostics)
        {
            Assert.True(rows.TryGetValue(descriptor.Id, out var row), $"{descriptor.Id} is not in AnalyzerReleases.Unshipped.md");
            Assert.Equal(descriptor.Category, row.Category);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Severity);
        }
    }

    [Fact]
    public void PAC300_HasItsPageAndIndexRow()
    {
        string page = File.ReadAllText(RepoFiles.Get("docs", "rules", "PAC300.md"));
        Assert.StartsWith("# PAC300:", page, StringComparison.Ordinal);
        Assert.Contains("| Severity | Info |", page, StringComparison.Ordinal);
        Assert.Contains("[PAC300](PAC300.md)", File.ReadAllText(RepoFiles.Get("docs", "rules", "README.md")), StringComparison.Ordinal);
    }

    // Code it does not own, and code that is broken.
    [Fact]
    public async Task CompilationWithoutPolicyAsCode_ReportsNothing()
    {
        var compilation = CSharpCompilation.Create("NoDsl",
            [CSharpSyntaxTree.ParseText("""
                namespace PolicyAsCode { public readonly record struct IamAction(string Value) { public static implicit operator IamAction(string v) => new(v); } }
                public static class C { public static readonly PolicyAsCode.IamAction A = "s3:GetObjet"; }
                """, GeneratorHarness.ParseOptions)],
            GeneratorHarness.References.Where(r => !r.Display!.Contains("PolicyAsCode", StringComparison.Ordinal)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(await PolicyAnalyzerTest.AnalyzeAsync(compilation));
    }

    [Fact]
    public Task GeneratedCode_IsNotAnalyzed()
    {
        var test = new PolicyAnalyzerTest();
        test.TestState.Sources.Add("// <auto-generated/>\n" + GeneratorHarness.Usings + """
        public static class P
        {
            public static readonly IamAction Read = "s3:GetObjet";

            [ManagedPolicy("policy")]
            public static IdentityPolicy Declared => Policy.Identity().Allow("s3:GetObjet").OnAll();
        }
        """);
        return test.RunAsync();
    }

    /// <summary>Every hostile and half-typed declaration the generator's robustness tests feed it.</summary>
    public static TheoryData<string> HostileExpressions()
    {
        var expressions = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var method in typeof(GeneratorRobustnessTests).GetMethods())
        {
            foreach (var inline in method.GetCustomAttributes<InlineDataAttribute>())
            {
                if (inline.GetData(method).First()[0] is string expression) expressions.Add(expression);
            }
        }
        return [.. expressions];
    }

    [Theory]
    [MemberData(nameof(HostileExpressions))]
    public async Task HostileAndBrokenDeclarations_NeverThrow(string expression)
    {
        string type = expression.StartsWith("Role.", StringComparison.Ordinal) ? "Role" : "IdentityPolicy";
        string attribute = type == "Role" ? "Role(\"role\")" : "ManagedPolicy(\"policy\")";
        await PolicyAnalyzerTest.AnalyzeAsync($$"""
            public static class Helpers
            {
                public static ResourceArn[] Arns => ["arn:aws:s3:::b"];
                public static IamAction[] Actions => ["s3:GetObject"];
                public static StringConditionKey Key => new("aws:username");
                public static Condition[] Conditions => [Keys.Aws.Username.Is("x")];
                public static IdentityPolicy Extend(IdentityPolicy p) => p;
            }

            public static partial class P
            {
                [ManagedPolicy("policy1")]
                public static IdentityPolicy Policy1 => Policy.Identity().Allow(S3.GetObject).OnAll();

                [{{attribute}}]
                public static {{type}} Declared => {{expression}};

                [ManagedPolicy("include")]
                public static IdentityPolicy Including => Policy.Identity().Include({{(type == "Role" ? "Policy1" : "Declared")}});
            }
            """);
    }

    [Theory]
    [InlineData("""public static class P { [ManagedPolicy("a")] public static IdentityPolicy A => Policy.Identity().Allow("s3:GetObjet").OnAll()""")]
    [InlineData("""public static class P { [ManagedPolicy("a")] public static IdentityPolicy A => Policy.Identity().Allow(""")]
    [InlineData("""public static class P { [ManagedPolicy("a")] public static IdentityPolicy A => Policy.Identity().Include(A); }""")]
    [InlineData("""public static class P { [ManagedPolicy("a")] public static IdentityPolicy A => Policy.Identity().Include(B); [ManagedPolicy("b")] public static IdentityPolicy B => Policy.Identity().Include(A); }""")]
    [InlineData("""public static class P { [ManagedPolicy("a")] public static IdentityPolicy A => Policy.Identity().Include(null!); }""")]
    [InlineData("""public static class P { [ManagedPolicy("a")] public static IdentityPolicy A => Policy.Identity().Allow(S3.GetObject).OnAll().Named("x").Include(Policy.Identity().Allow(S3.GetObject).OnAll().Named("x")); }""")]
    [InlineData("""public static class P { [ManagedPolicy] public static IdentityPolicy A => Policy.Identity().Allow(S3.GetObject).OnAll(); }""")]
    [InlineData("""public static class P { [ManagedPolicy("a")] public IdentityPolicy A => Policy.Identity().Allow("s3:GetObjet").OnAll(); }""")]
    [InlineData("""public static class P { [ManagedPolicy("a")] public static ResourcePolicy A => Policy.Resource(); }""")]
    [InlineData("""public static class P { [ManagedPolicy("a")] public static IdentityPolicy A { get { var x = 1; return Policy.Identity(); } } }""")]
    [InlineData("public static class P { public static IamAction A = (\"s3:\" + ; public static ResourceArn B = $\"arn:{\"")]
    [InlineData("""public static class P { static void M() { IamAction a = (IamAction)(object)"s3:GetObjet"; var k = new StringConditionKey(null!); var k2 = new StringConditionKey(); } }""")]
    public async Task HalfTypedCode_NeverThrows(string source) => await PolicyAnalyzerTest.AnalyzeAsync(source);

    private static string Text(Diagnostic diagnostic) => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    [GeneratedRegex(@"^(PAC\d{3})\s*\|\s*([\w.]+)\s*\|\s*(\w+)\s*\|")]
    private static partial Regex ReleaseRow();
}
