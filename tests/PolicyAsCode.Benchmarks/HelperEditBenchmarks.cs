extern alias generator;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyGenerator = generator::PolicyAsCode.Generators.PolicyGenerator;

namespace PolicyAsCode.Benchmarks;

/// <summary>
/// The source generator's edit cost when 500 declarations share helpers (50 files of 10 managed policies, each calling
/// one of 10 helper methods, so each helper has 50 callers): the body of one helper edited, which re-evaluates its 50
/// callers, and an edit of a method no declaration calls, which re-evaluates none.
/// </summary>
/// <remarks>As in <see cref="GeneratorBenchmarks"/>, every iteration gets a new edit (new trees) after a warm run.</remarks>
[MemoryDiagnoser]
[WarmupCount(5)]
[IterationCount(25)]
public class HelperEditBenchmarks
{
    private const int Files = 50;
    private const int PerFile = 10;
    private const int HelperCount = 10;

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;
    private int _edits;

    [GlobalSetup]
    public void Setup()
    {
        GeneratorWarmup.Run();
        var trees = Enumerable.Range(0, Files).Select(i => CSharpSyntaxTree.ParseText(Declarations(i), path: $"Declarations{i}.cs"))
            .Append(CSharpSyntaxTree.ParseText(Helpers(0), path: "Helpers.cs"))
            .Append(CSharpSyntaxTree.ParseText(Unrelated(0), path: "Unrelated.cs"));
        _compilation = DeclarationProject.Compilation().RemoveAllSyntaxTrees().AddSyntaxTrees(trees);
        _warm = NewDriver().RunGenerators(_compilation);
        var result = _warm.GetRunResult();
        if (result.Diagnostics.Length > 0 || result.GeneratedTrees.Length != Files * PerFile + 1)
        {
            throw new InvalidOperationException($"The benchmark project does not generate as expected: {result.Diagnostics.FirstOrDefault()} ({result.GeneratedTrees.Length} files)");
        }
    }

    [IterationSetup(Target = nameof(EditSharedHelper))]
    public void EditHelperAgain() => _edited = Replace("Helpers.cs", Helpers(++_edits));

    /// <summary>A new prefix in the body of the first helper (the same length, so the helpers below do not move): 50 callers evaluated again.</summary>
    [Benchmark]
    public GeneratorDriver EditSharedHelper() => _warm.RunGenerators(_edited);

    [IterationSetup(Target = nameof(EditUnrelatedMethod))]
    public void EditUnrelatedAgain() => _edited = Replace("Unrelated.cs", Unrelated(++_edits));

    /// <summary>A new value in the body of a method no declaration calls: nothing evaluated again.</summary>
    [Benchmark]
    public GeneratorDriver EditUnrelatedMethod() => _warm.RunGenerators(_edited);

    private CSharpCompilation Replace(string path, string source)
    {
        var tree = _compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return _compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(source, path: path));
    }

    private static string Declarations(int file)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("using PolicyAsCode; using PolicyAsCode.Aws; namespace Bench; public static partial class Declarations").Append(file).Append(" {\n");
        for (int i = 0; i < PerFile; i++)
        {
            sb.Append($"  [ManagedPolicy(\"p{file}_{i}\")] public static IdentityPolicy Policy{i} => Helpers.Helper{i % HelperCount}(\"bucket-{file}-{i}\", \"team-{i}\");\n");
        }
        return sb.Append("}\n").ToString();
    }

    /// <summary>Ten helpers, each a statement with a resource, a condition and a Sid built from its parameters; the first's prefix is <paramref name="edit"/>.</summary>
    private static string Helpers(int edit)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("using System.Linq; using PolicyAsCode; using PolicyAsCode.Aws; namespace Bench; public static class Helpers {\n");
        sb.Append("  private static readonly string[] Prefixes = [\"in\", \"out\"];\n");
        for (int h = 0; h < HelperCount; h++)
        {
            string prefix = h == 0 ? $"p{edit:D6}" : "p000000";
            sb.Append($"  public static IdentityPolicy Helper{h}(string bucket, string team, bool write = {(h % 2 == 0 ? "false" : "true")})\n")
              .Append("  {\n")
              .Append($"    var resources = Prefixes.Select(p => S3.Arn.Object(bucket, $\"{prefix}/{{p}}/*\")).ToArray();\n")
              .Append("    var policy = Policy.Identity().Allow(write ? S3.PutObject : S3.GetObject).On(resources).When(Keys.Aws.PrincipalTag(\"team\").Is(team))\n")
              .Append($"      .Allow(S3.ListBucket).On(S3.Arn.Bucket(bucket)).Named(\"List{h}\");\n")
              .Append("    if (write) return policy.Deny(S3.DeleteObject).On(S3.Arn.Object(bucket, \"*\"));\n")
              .Append("    return policy;\n")
              .Append("  }\n");
        }
        return sb.Append("}\n").ToString();
    }

    private static string Unrelated(int edit)
        => $"namespace Bench; public static class Unrelated {{ public static int Value() => {edit:D6}; }}\n";

    private static GeneratorDriver NewDriver()
        => CSharpGeneratorDriver.Create([new PolicyGenerator().AsSourceGenerator()], driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
}
