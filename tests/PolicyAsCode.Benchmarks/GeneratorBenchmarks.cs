extern alias generator;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyGenerator = generator::PolicyAsCode.Generators.PolicyGenerator;

namespace PolicyAsCode.Benchmarks;

/// <summary>
/// The source generator over a project of 500 declarations (250 managed policies and 250 roles in 50 files): a full run,
/// and the incremental run after one declaration is edited, driven with <see cref="CSharpGeneratorDriver"/> as the IDE does.
/// </summary>
/// <remarks>
/// Every iteration gets new syntax trees (a fresh compilation, or a new edit with a new bucket name): the generator
/// caches per tree and per declaration text, and re-running the same edit would measure only cache hits. One invocation
/// per iteration, hence more iterations than the short job's three.
/// </remarks>
[MemoryDiagnoser]
[WarmupCount(5)]
[IterationCount(25)]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _fresh = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;
    private int _edits;

    [GlobalSetup]
    public void Setup()
    {
        GeneratorWarmup.Run();
        _compilation = DeclarationProject.Compilation();
        _warm = NewDriver().RunGenerators(_compilation);
        var result = _warm.GetRunResult();
        if (result.Diagnostics.Length > 0 || result.GeneratedTrees.Length != DeclarationProject.Files * DeclarationProject.PoliciesPerFile * 2 + 1)
        {
            throw new InvalidOperationException($"The benchmark project does not generate as expected: {result.Diagnostics.FirstOrDefault()} ({result.GeneratedTrees.Length} files)");
        }
    }

    [IterationSetup(Target = nameof(FullRun))]
    public void ParseAgain() => _fresh = DeclarationProject.Compilation();

    /// <summary>Every declaration parsed, evaluated and emitted from scratch.</summary>
    [Benchmark]
    public GeneratorDriver FullRun() => NewDriver().RunGenerators(_fresh);

    [IterationSetup(Target = nameof(EditOneDeclaration))]
    public void EditAgain()
    {
        var tree = _compilation.SyntaxTrees.ElementAt(7);
        _edited = _compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(DeclarationProject.Source(7, "my-bucket", $"edited-bucket-{++_edits}"), path: tree.FilePath));
    }

    /// <summary>
    /// One declaration edited after a full run, as typing does: a new bucket name in the third policy of a file, which also
    /// changes the role attaching it and moves the four declarations below it.
    /// </summary>
    [Benchmark]
    public GeneratorDriver EditOneDeclaration() => _warm.RunGenerators(_edited);

    private static GeneratorDriver NewDriver()
        => CSharpGeneratorDriver.Create([new PolicyGenerator().AsSourceGenerator()], driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
}
