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
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int Files = 50;
    private const int PoliciesPerFile = 5;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        var trees = Enumerable.Range(0, Files).Select(i => CSharpSyntaxTree.ParseText(Source(i, "my-bucket"), path: $"Declarations{i}.cs")).ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(IamAction).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Aws.S3).Assembly.Location));
        _compilation = CSharpCompilation.Create("FiveHundred", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var editedTree = CSharpSyntaxTree.ParseText(Source(7, "another-bucket"), path: "Declarations7.cs");
        _edited = _compilation.ReplaceSyntaxTree(trees[7], editedTree);
        _warm = NewDriver().RunGenerators(_compilation);
        var result = _warm.GetRunResult();
        if (result.Diagnostics.Length > 0 || result.GeneratedTrees.Length != Files * PoliciesPerFile * 2 + 1)
        {
            throw new InvalidOperationException($"The benchmark project does not generate as expected: {result.Diagnostics.FirstOrDefault()} ({result.GeneratedTrees.Length} files)");
        }
    }

    /// <summary>Every declaration parsed, evaluated and emitted from scratch.</summary>
    [Benchmark]
    public GeneratorDriver FullRun() => NewDriver().RunGenerators(_compilation);

    /// <summary>One declaration edited after a full run: the others stay cached.</summary>
    [Benchmark]
    public GeneratorDriver EditOneDeclaration() => _warm.RunGenerators(_edited);

    private static GeneratorDriver NewDriver()
        => CSharpGeneratorDriver.Create([new PolicyGenerator().AsSourceGenerator()], driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    private static string Source(int file, string bucket)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("using PolicyAsCode; using PolicyAsCode.Aws; namespace Bench; public static partial class Declarations").Append(file).Append(" {\n");
        for (int i = 0; i < PoliciesPerFile; i++)
        {
            string name = $"p{file}_{i}";
            sb.Append($"  [ManagedPolicy(\"{name}\")] public static IdentityPolicy Policy{i} => Policy.Identity()\n")
              .Append($"    .Allow(S3.ListBucket).On(S3.Arn.Bucket(\"{bucket}-{i}\")).When(S3.Keys.Prefix.Like(\"home/*\"))\n")
              .Append($"    .Allow(S3.GetObject, S3.PutObject).On(S3.Arn.Object(\"{bucket}-{i}\", \"*\"))\n")
              .Append("    .Deny().AllExcept(Iam.GetUser).OnAll().When(Keys.Aws.MultiFactorAuthPresent.IfExists().IsFalse()).Named(\"DenyWithoutMfa\");\n");
            sb.Append($"  [Role(\"r{file}_{i}\")] public static Role Role{i} => Role.Define()\n")
              .Append("    .TrustedBy(Principal.Account(\"444455556666\").WithMfa(), Principal.Service(\"lambda.amazonaws.com\"))\n")
              .Append($"    .Attach(Policy{i}).Attach(AwsManaged.ReadOnlyAccess).MaxSession(System.TimeSpan.FromHours(2));\n");
        }
        return sb.Append("}\n").ToString();
    }
}
