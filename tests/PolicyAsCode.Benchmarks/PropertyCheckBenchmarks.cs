extern alias generator;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyAnalyzer = generator::PolicyAsCode.Generators.Analyzers.PolicyAnalyzer;

namespace PolicyAsCode.Benchmarks;

/// <summary>
/// The analyzer over the generator benchmark's 500 declarations, without and with stated properties (each managed
/// policy: two [NeverAllows] and an [Allows]; each role: [NoPublicAccess]; 1,000 checks in all), on a fresh compilation
/// each iteration, without the generator's shared evaluations (as an editor's analysis of a new snapshot may run).
/// </summary>
[MemoryDiagnoser]
[WarmupCount(2)]
[IterationCount(8)]
public class PropertyCheckBenchmarks
{
    private CSharpCompilation _compilation = null!;

    [Params(false, true)]
    public bool Properties { get; set; }

    [IterationSetup]
    public void Parse() => _compilation = DeclarationProject.Compilation(Properties);

    [Benchmark]
    public int Analyze()
    {
        var diagnostics = _compilation.WithAnalyzers([new PolicyAnalyzer()]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        // The properties hold (none is reported) and nothing else is: the run measured the checks, not an error path.
        if (diagnostics.Any(d => d.Id.StartsWith("PAC4", StringComparison.Ordinal) || d.Id == "PAC205")) throw new InvalidOperationException(diagnostics.First(d => d.Id.StartsWith("PAC4", StringComparison.Ordinal) || d.Id == "PAC205").ToString());
        return diagnostics.Length;
    }
}
