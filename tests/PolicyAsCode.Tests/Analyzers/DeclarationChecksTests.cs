using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PolicyAsCode.Tests.Generator;

namespace PolicyAsCode.Tests.Analyzers;

/// <summary>
/// The declaration checks (PAC200-PAC204) come from the analyzer: alone, as editors that run analyzers but not the
/// generator's diagnostics (csharp-ls) run it, it reports each on the same span as a build; and a build, which runs the
/// generator and the analyzer, reports each problem once (the generator reports none).
/// </summary>
public class DeclarationChecksTests
{
    private const string EveryCheck = """
        public partial class Policies
        {
            [ManagedPolicy("machine")]
            public static IdentityPolicy Machine => Policy.Identity().Allow(S3.GetObject).On({|#0:Environment.MachineName|});

            [ManagedPolicy({|#1:"not a name"|})]
            public static IdentityPolicy Spaces => Policy.Identity().Allow(S3.GetObject).OnAll();

            [ManagedPolicy("instance")]
            public IdentityPolicy {|#2:Instance|} => Policy.Identity().Allow(S3.GetObject).OnAll();

            [ManagedPolicy("read")]
            public static IdentityPolicy Read => Policy.Identity().Allow(S3.GetObject).OnAll();

            [ManagedPolicy("read")]
            public static IdentityPolicy {|#3:ReadAgain|} => Policy.Identity().Allow(S3.GetObject).OnAll();
        }

        public static class NotPartial
        {
            [ManagedPolicy("write")]
            public static IdentityPolicy {|#4:Write|} => Policy.Identity().Allow(S3.PutObject).OnAll();
        }
        """;

    private static readonly DiagnosticResult[] s_expected =
    [
        new DiagnosticResult("PAC200", DiagnosticSeverity.Error).WithLocation(0),
        new DiagnosticResult("PAC201", DiagnosticSeverity.Error).WithLocation(1),
        new DiagnosticResult("PAC202", DiagnosticSeverity.Error).WithLocation(2),
        new DiagnosticResult("PAC203", DiagnosticSeverity.Error).WithLocation(3)
            .WithMessage("'Policies.ReadAgain' writes iam/read.json, which 'Policies.Read' writes too; give one of them another name."),
        new DiagnosticResult("PAC204", DiagnosticSeverity.Warning).WithLocation(4),
    ];

    [Fact]
    public Task AnalyzerAlone_ReportsEveryDeclarationCheck()
    {
        var test = new PolicyAnalyzerTest(EveryCheck).Expect(s_expected);
        test.DisabledDiagnostics.Clear();
        // The rule findings of these policies (PAC101, PAC105) are not this test's concern.
        test.DisabledDiagnostics.AddRange(["PAC101", "PAC105"]);
        return test.RunAsync();
    }

    [Fact]
    public Task Build_ReportsEachDeclarationCheckOnce()
        // PolicyGeneratorTest runs the generator and then the analyzer on its output, as the compiler does: a check
        // reported by both would be an unexpected second diagnostic.
        => new PolicyGeneratorTest(EveryCheck).Expect(s_expected).RunAsync();

    [Fact]
    public void Build_GeneratorReportsNothing()
    {
        var run = GeneratorHarness.Run("""
            public static partial class Policies
            {
                [ManagedPolicy("machine")]
                public static IdentityPolicy Machine => Policy.Identity().Allow(S3.GetObject).On(Environment.MachineName);

                [ManagedPolicy("read")]
                public static IdentityPolicy Read => Policy.Identity().Allow(S3.GetObject).OnAll();
            }
            """);
        Assert.Empty(run.Result.Diagnostics);
        Assert.Equal([("PAC200", "Environment.MachineName")], run.DiagnosticTexts);
        Assert.Equal(["Policies.Read.g.cs", "PolicyAsCode.Declarations.g.cs"], run.HintNames);
    }

    [Fact]
    public Task PragmaWarningDisable_SilencesADeclarationCheck() => PolicyAnalyzerTest.VerifyAsync("""
        public static class P
        {
            [ManagedPolicy("machine")]
        #pragma warning disable PAC200
            public static IdentityPolicy Machine => Policy.Identity().Allow(S3.GetObject).On(Environment.MachineName);
        #pragma warning restore PAC200
        }
        """);
}
