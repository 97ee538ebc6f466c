extern alias generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyGenerator = generator::PolicyAsCode.Generators.PolicyGenerator;

namespace PolicyAsCode.Benchmarks;

/// <summary>
/// Brings the generator and Roslyn's binder to the state they have in an editor's or compiler server's long-lived process
/// before an edit is measured: their code compiled by the JIT's optimising tier.
/// </summary>
/// <remarks>
/// An edit benchmark runs one invocation per iteration (each needs new trees), so its 5 warm-up and 25 measured
/// iterations call the generator 30 times: too few for tiered compilation, which recompiles a method optimised only after
/// about 30 calls and a delay, in the background. Measured alone (<c>--filter '*EditOneDeclaration*'</c>),
/// <c>EditOneDeclaration</c> then took 92-106 ms on a quiet machine, against 19.7 ms when it ran after <c>FullRun</c> in
/// the same process (<c>--filter '*'</c> with <c>--inProcess</c>), whose 500-declaration runs had warmed that code:
/// the same code measured 314 ms alone and 35 ms after <c>FullRun</c> in back-to-back runs on 2026-12-04 (load average
/// 20). Every generator benchmark warms up here first, so a figure no longer depends on which others ran before it.
/// </remarks>
internal static class GeneratorWarmup
{
    private static bool s_done;

    /// <summary>Full runs over fresh trees and edits of one file: every stage the benchmarks measure, many times.</summary>
    public static void Run()
    {
        if (s_done) return;
        var compilation = DeclarationProject.Compilation();
        GeneratorDriver driver = null!;
        for (int i = 0; i < 10; i++)
        {
            driver = CSharpGeneratorDriver.Create([new PolicyGenerator().AsSourceGenerator()],
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false))
                .RunGenerators(DeclarationProject.Compilation());
        }
        driver = driver.RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.ElementAt(3);
        for (int i = 0; i < 100; i++)
        {
            var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(DeclarationProject.Source(3, "my-bucket", $"warm-{i}"), path: tree.FilePath));
            driver.RunGenerators(edited);
        }
        // Tier-1 compilation happens on a background thread after the calls are counted.
        Thread.Sleep(1000);
        s_done = true;
    }
}
