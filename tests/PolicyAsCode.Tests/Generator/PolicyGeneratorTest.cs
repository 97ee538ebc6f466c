extern alias generator;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyAnalyzer = generator::PolicyAsCode.Generators.Analyzers.PolicyAnalyzer;
using PolicyGenerator = generator::PolicyAsCode.Generators.PolicyGenerator;

namespace PolicyAsCode.Tests.Generator;

/// <summary>
/// <see cref="CSharpSourceGeneratorTest{TSourceGenerator, TVerifier}"/> set up offline. It runs the generator and then
/// the analyzer on its output, as a build does, checks the expected diagnostics (ids and markup spans) against theirs
/// and the compiler's errors over the user code and the generated code, and keeps the output compilation for the
/// checks of <see cref="GeneratedAssembly"/>.
/// </summary>
/// <remarks>
/// The analyzer reports the declarations' PAC2xx (the generator reports none), so a problem reported twice in a build
/// fails here. Its rule findings (PAC0xx, PAC1xx, PAC300) are the analyzer tests' concern and are disabled.
/// </remarks>
/// <remarks>
/// The per-declaration files hold the compiled evaluators, whose bodies are another test suite's concern, so by default
/// the generated sources are not compared as text (<see cref="TestBehaviors.SkipGeneratedSourcesCheck"/>): tests
/// compare what the generated code declares instead. A test that lists <c>GeneratedSources</c> turns the check back on.
/// </remarks>
internal sealed class PolicyGeneratorTest : CSharpSourceGeneratorTest<PolicyGenerator, DefaultVerifier>
{
    public PolicyGeneratorTest(params string[] sources)
    {
        ReferenceAssemblies = GeneratorHarness.OfflineReferenceAssemblies;
        TestState.AdditionalReferences.AddRange(GeneratorHarness.References);
        foreach (var source in sources) TestState.Sources.Add(GeneratorHarness.Usings + source);
        TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck;
        DisabledDiagnostics.AddRange([.. PolicyAsCode.Rules.PolicyRules.All.Select(r => r.Id), "PAC300"]);
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => [new PolicyAnalyzer()];

    /// <summary>The compilation with the generated sources, from the first time the test builds it.</summary>
    public Compilation? OutputCompilation { get; private set; }

    /// <summary>Compares the generated sources as text (give all of them in <c>TestState.GeneratedSources</c>).</summary>
    public PolicyGeneratorTest WithGeneratedSourcesCheck()
    {
        TestBehaviors &= ~TestBehaviors.SkipGeneratedSourcesCheck;
        return this;
    }

    public PolicyGeneratorTest Expect(params DiagnosticResult[] diagnostics)
    {
        ExpectedDiagnostics.AddRange(diagnostics);
        return this;
    }

    /// <summary>Runs the test and returns the output compilation, emitted and loaded.</summary>
    public async Task<GeneratedAssembly> RunAndLoadAsync()
    {
        await RunAsync();
        return GeneratedAssembly.Load(OutputCompilation!);
    }

    protected override ParseOptions CreateParseOptions()
        => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

    protected override async Task<(Compilation compilation, ImmutableArray<Diagnostic> generatorDiagnostics)> GetProjectCompilationAsync(Project project, IVerifier verifier, CancellationToken cancellationToken)
    {
        var result = await base.GetProjectCompilationAsync(project, verifier, cancellationToken);
        OutputCompilation ??= result.compilation;
        return result;
    }

    /// <summary>A generator diagnostic at the markup location <c>{|#n:...|}</c>.</summary>
    public static DiagnosticResult Diagnostic(string id, int markupLocation, DiagnosticSeverity severity = DiagnosticSeverity.Error)
        => new DiagnosticResult(id, severity).WithLocation(markupLocation);
}
