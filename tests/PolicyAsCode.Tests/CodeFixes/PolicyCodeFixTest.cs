extern alias generator;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using PolicyAsCode.Tests.Generator;
using PolicyAnalyzer = generator::PolicyAsCode.Generators.Analyzers.PolicyAnalyzer;

namespace PolicyAsCode.Tests.CodeFixes;

/// <summary>
/// <see cref="CSharpCodeFixTest{TAnalyzer, TCodeFix, TVerifier}"/> with the real analyzer, set up offline like the
/// analyzer tests. Markup in the source gives the diagnostics the analyzer must report; markup in the fixed source gives
/// those that remain after the fix.
/// </summary>
internal sealed class PolicyCodeFixTest<TCodeFix> : CSharpCodeFixTest<PolicyAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public PolicyCodeFixTest(string source, string fixedSource, bool withUsings = true)
    {
        string prefix = withUsings ? GeneratorHarness.Usings : "";
        ReferenceAssemblies = GeneratorHarness.OfflineReferenceAssemblies;
        TestState.AdditionalReferences.AddRange(GeneratorHarness.References);
        FixedState.AdditionalReferences.AddRange(GeneratorHarness.References);
        TestCode = prefix + source;
        FixedCode = prefix + fixedSource;
    }

    /// <summary>Applies the fix at <paramref name="index"/> of those offered and checks the result.</summary>
    public static Task VerifyAsync(string source, string fixedSource, int index = 0, bool withUsings = true)
        => new PolicyCodeFixTest<TCodeFix>(source, fixedSource, withUsings) { CodeActionIndex = index }.RunAsync();

    /// <summary>Checks that no fix is offered for the diagnostics in <paramref name="source"/>.</summary>
    public static Task VerifyNoFixAsync(string source)
        => new PolicyCodeFixTest<TCodeFix>(source, source).RunAsync();

    protected override ParseOptions CreateParseOptions()
        => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);
}
