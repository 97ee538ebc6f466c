extern alias generator;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PolicyAsCode.Tests.Generator;
using PolicyAnalyzer = generator::PolicyAsCode.Generators.Analyzers.PolicyAnalyzer;

namespace PolicyAsCode.Tests.Analyzers;

/// <summary>
/// <see cref="CSharpAnalyzerTest{TAnalyzer, TVerifier}"/> set up offline like the generator tests
/// (<see cref="GeneratorHarness"/>): each source gets <see cref="GeneratorHarness.Usings"/>, and markup
/// (<c>{|PAC003:"s3:GetObjet"|}</c>) gives the expected diagnostics with their exact spans.
/// </summary>
internal sealed class PolicyAnalyzerTest : CSharpAnalyzerTest<PolicyAnalyzer, DefaultVerifier>
{
    public PolicyAnalyzerTest(params string[] sources)
    {
        ReferenceAssemblies = GeneratorHarness.OfflineReferenceAssemblies;
        TestState.AdditionalReferences.AddRange(GeneratorHarness.References);
        foreach (var source in sources) TestState.Sources.Add(GeneratorHarness.Usings + source);
        // The rule tests declare in non-partial classes; PAC204 (no compiled evaluator then) has its own tests.
        DisabledDiagnostics.Add("PAC204");
    }

    /// <summary>Runs the analyzer on the sources and checks the markup diagnostics, and no others.</summary>
    public static Task VerifyAsync(params string[] sources) => new PolicyAnalyzerTest(sources).RunAsync();

    public PolicyAnalyzerTest WithEditorConfig(string editorConfig)
    {
        TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        return this;
    }

    public PolicyAnalyzerTest Expect(params DiagnosticResult[] diagnostics)
    {
        ExpectedDiagnostics.AddRange(diagnostics);
        return this;
    }

    protected override ParseOptions CreateParseOptions()
        => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

    /// <summary>
    /// Runs the analyzer directly (no test framework) on the sources after <see cref="GeneratorHarness.Usings"/>, and
    /// fails if it threw: an exception passed to onAnalyzerException, or an AD0001 among the diagnostics.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(params string[] sources)
        => await AnalyzeAsync(GeneratorHarness.Compilation(sources));

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation)
    {
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), (e, _, _) => { lock (exceptions) exceptions.Add(e); },
            concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        var diagnostics = await compilation.WithAnalyzers([new PolicyAnalyzer()], options).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        // The analyzer reports its own failures as PAC205 instead of swallowing them: none may occur, whatever the code.
        Assert.DoesNotContain(diagnostics, d => d.Id == "PAC205");
        return diagnostics;
    }
}
