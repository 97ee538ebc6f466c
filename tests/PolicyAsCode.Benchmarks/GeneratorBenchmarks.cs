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
    private const int Files = 50;
    private const int PoliciesPerFile = 5;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _fresh = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;
    private MetadataReference[] _references = null!;
    private int _edits;

    [GlobalSetup]
    public void Setup()
    {
        _references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(IamAction).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Aws.S3).Assembly.Location))
            .ToArray();
        _compilation = NewCompilation();
        _warm = NewDriver().RunGenerators(_compilation);
        var result = _warm.GetRunResult();
        if (result.Diagnostics.Length > 0 || result.GeneratedTrees.Length != Files * PoliciesPerFile * 2 + 1)
        {
            throw new InvalidOperationException($"The benchmark project does not generate as expected: {result.Diagnostics.FirstOrDefault()} ({result.GeneratedTrees.Length} files)");
        }
    }

    [IterationSetup(Target = nameof(FullRun))]
    public void ParseAgain() => _fresh = NewCompilation();

    /// <summary>Every declaration parsed, evaluated and emitted from scratch.</summary>
    [Benchmark]
    public GeneratorDriver FullRun() => NewDriver().RunGenerators(_fresh);

    [IterationSetup(Target = nameof(EditOneDeclaration))]
    public void EditAgain()
    {
        var tree = _compilation.SyntaxTrees.ElementAt(7);
        _edited = _compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(Source(7, "my-bucket", $"edited-bucket-{++_edits}"), path: tree.FilePath));
    }

    /// <summary>
    /// One declaration edited after a full run, as typing does: a new bucket name in the third policy of a file, which also
    /// changes the role attaching it and moves the four declarations below it.
    /// </summary>
    [Benchmark]
    public GeneratorDriver EditOneDeclaration() => _warm.RunGenerators(_edited);

    private CSharpCompilation NewCompilation()
        => CSharpCompilation.Create("FiveHundred",
            Enumerable.Range(0, Files).Select(i => CSharpSyntaxTree.ParseText(Source(i, "my-bucket"), path: $"Declarations{i}.cs")),
            _references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static GeneratorDriver NewDriver()
        => CSharpGeneratorDriver.Create([new PolicyGenerator().AsSourceGenerator()], driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    /// <param name="file">The file number.</param>
    /// <param name="bucket">The bucket of the file's policies.</param>
    /// <param name="editedBucket">When set, the bucket of the file's third policy only.</param>
    private static string Source(int file, string bucket, string? editedBucket = null)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("using PolicyAsCode; using PolicyAsCode.Aws; namespace Bench; public static partial class Declarations").Append(file).Append(" {\n");
        for (int i = 0; i < PoliciesPerFile; i++)
        {
            string name = $"p{file}_{i}";
            string policyBucket = i == 2 && editedBucket is not null ? editedBucket : bucket;
            sb.Append($"  [ManagedPolicy(\"{name}\")] public static IdentityPolicy Policy{i} => Policy.Identity()\n")
              .Append($"    .Allow(S3.ListBucket).On(S3.Arn.Bucket(\"{policyBucket}-{i}\")).When(S3.Keys.Prefix.Like(\"home/*\"))\n")
              .Append($"    .Allow(S3.GetObject, S3.PutObject).On(S3.Arn.Object(\"{policyBucket}-{i}\", \"*\"))\n")
              .Append("    .Deny().AllExcept(Iam.GetUser).OnAll().When(Keys.Aws.MultiFactorAuthPresent.IfExists().IsFalse()).Named(\"DenyWithoutMfa\");\n");
            sb.Append($"  [Role(\"r{file}_{i}\")] public static Role Role{i} => Role.Define()\n")
              .Append("    .TrustedBy(Principal.Account(\"444455556666\").WithMfa(), Principal.Service(\"lambda.amazonaws.com\"))\n")
              .Append($"    .Attach(Policy{i}).Attach(AwsManaged.ReadOnlyAccess).MaxSession(System.TimeSpan.FromHours(2));\n");
        }
        return sb.Append("}\n").ToString();
    }
}
