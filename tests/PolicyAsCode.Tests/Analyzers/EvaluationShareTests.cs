extern alias generator;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyAsCode.Tests.Cli;
using PolicyAsCode.Tests.Generator;
using EvaluationShare = generator::PolicyAsCode.Generators.EvaluationShare;
using PolicyGenerator = generator::PolicyAsCode.Generators.PolicyGenerator;

namespace PolicyAsCode.Tests.Analyzers;

/// <summary>
/// In a build the analyzer takes each declaration's evaluation from the generator (EvaluationShare); what it reports must
/// be exactly what it reports when it evaluates alone, and an evaluation made in another compilation is never used.
/// </summary>
public class EvaluationShareTests
{
    [Fact]
    public async Task AnalyzerAfterTheGenerator_ReportsExactlyWhatItReportsAlone()
    {
        // Every finding the analyzer can make in a declaration, from the example project that shows them all.
        var compilation = GeneratorHarness.Compilation(File.ReadAllText(RepoFiles.Get("examples", "PolicyMistakes", "Mistakes.cs")));
        var alone = await PolicyAnalyzerTest.AnalyzeAsync(compilation);

        var tree = compilation.SyntaxTrees.Single();
        Assert.Equal(0, EvaluationShare.HitsIn(tree));
        CSharpGeneratorDriver.Create(new PolicyGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
        var afterGenerator = await PolicyAnalyzerTest.AnalyzeAsync(generated);

        Assert.True(EvaluationShare.HitsIn(tree) >= 24, "the analyzer evaluated the declarations again instead of taking the generator's evaluations");
        Assert.True(alone.Length >= 25, $"expected the example's findings, got {alone.Length}");
        Assert.Equal(Describe(alone), Describe(afterGenerator));
    }

    [Fact]
    public async Task EvaluationOfAnotherCompilation_IsNotUsed()
    {
        const string Declaration = """
            public static partial class Declarations
            {
                [ManagedPolicy("declared")]
                public static IdentityPolicy Declared => Policy.Identity().Allow(Names.Read).On(S3.Arn.Object("my-bucket", "*"));
            }
            """;
        var before = GeneratorHarness.Compilation(Declaration, """public static class Names { public const string Read = "s3:GetObjet"; }""");
        CSharpGeneratorDriver.Create(new PolicyGenerator()).RunGeneratorsAndUpdateCompilation(before, out var generated, out _);
        Assert.Contains(await PolicyAnalyzerTest.AnalyzeAsync(generated), d => d.Id == "PAC003");

        // The declaration's tree is the same object, but the constant it reads is now spelled right: the generator's
        // evaluation (with the misspelled action) belongs to the other compilation and must not be used.
        var namesTree = before.SyntaxTrees.ElementAt(1);
        var after = before.ReplaceSyntaxTree(namesTree, CSharpSyntaxTree.ParseText(
            GeneratorHarness.Usings + """public static class Names { public const string Read = "s3:GetObject"; }""", GeneratorHarness.ParseOptions, namesTree.FilePath));
        var diagnostics = await PolicyAnalyzerTest.AnalyzeAsync(after);

        Assert.DoesNotContain(diagnostics, d => d.Id == "PAC003");
    }

    private static string[] Describe(ImmutableArray<Diagnostic> diagnostics)
        => diagnostics.Select(d => $"{d.Id} {d.Severity} {d.Location.GetLineSpan()} {d.GetMessage()} {string.Join(",", d.Properties.OrderBy(p => p.Key).Select(p => p.Key + "=" + p.Value))}")
            .Order(StringComparer.Ordinal).ToArray();
}
