extern alias generator;
using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyAnalyzer = generator::PolicyAsCode.Generators.Analyzers.PolicyAnalyzer;

namespace PolicyAsCode.Benchmarks;

/// <summary>
/// The analyzer over the 500-declaration project (<see cref="DeclarationProject"/>): what the compiler does without it
/// (binding every tree, as a build does before emitting) and with it. The difference is the analyzer's cost; the
/// build-time share is measured with ReportAnalyzer by src/tools/analyzer-cost/measure.sh.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(3)]
[IterationCount(15)]
public class AnalyzerBenchmarks
{
    private CSharpCompilation _compilation = null!;

    /// <summary>A fresh compilation with the generator's output in it, as the compiler analyzes it in a build.</summary>
    [IterationSetup]
    public void ParseAgain()
    {
        CSharpGeneratorDriver.Create(new generator::PolicyAsCode.Generators.PolicyGenerator())
            .RunGeneratorsAndUpdateCompilation(DeclarationProject.Compilation(), out var output, out _);
        _compilation = (CSharpCompilation)output;
    }

    /// <summary>Binding and checking every tree, without analyzers.</summary>
    [Benchmark(Baseline = true)]
    public ImmutableArray<Diagnostic> CompilerDiagnostics() => _compilation.GetDiagnostics();

    /// <summary>The same, with the PolicyAsCode analyzer.</summary>
    [Benchmark]
    public ImmutableArray<Diagnostic> WithPolicyAnalyzer()
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null,
            concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        return _compilation.WithAnalyzers([new PolicyAnalyzer()], options).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
    }
}
