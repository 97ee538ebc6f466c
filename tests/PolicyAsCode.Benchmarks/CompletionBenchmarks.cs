using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PolicyAsCode.Benchmarks;

/// <summary>
/// What IDE completion after <c>S3.</c> or <c>Ec2.</c> asks the compiler: the members of the service class visible at the
/// caret (SemanticModel.LookupSymbols), in a compilation that references PolicyAsCode.Aws. A proxy for the cost the typed
/// catalogue adds to completion; the editor's own filtering and rendering come on top.
/// </summary>
[MemoryDiagnoser]
public class CompletionBenchmarks
{
    private SemanticModel _model = null!;
    private INamespaceOrTypeSymbol _s3 = null!;
    private INamespaceOrTypeSymbol _ec2 = null!;
    private int _position;

    [GlobalSetup]
    public void Setup()
    {
        const string source = "using PolicyAsCode.Aws; class C { object M() => S3.GetObject; }";
        var tree = CSharpSyntaxTree.ParseText(source);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(IamAction).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Aws.S3).Assembly.Location));
        var compilation = CSharpCompilation.Create("Completion", [tree], references);
        _model = compilation.GetSemanticModel(tree);
        _s3 = compilation.GetTypeByMetadataName("PolicyAsCode.Aws.S3")!;
        _ec2 = compilation.GetTypeByMetadataName("PolicyAsCode.Aws.Ec2")!;
        _position = source.IndexOf("GetObject", StringComparison.Ordinal);
    }

    /// <summary>Members offered after <c>S3.</c> (about 200 actions plus Keys and Arn).</summary>
    [Benchmark]
    public int MembersOfS3() => _model.LookupStaticMembers(_position, _s3).Length;

    /// <summary>Members offered after <c>Ec2.</c>, the largest service (826 actions).</summary>
    [Benchmark]
    public int MembersOfEc2() => _model.LookupStaticMembers(_position, _ec2).Length;

    /// <summary>Types offered at the caret (every service class in scope through <c>using PolicyAsCode.Aws</c>).</summary>
    [Benchmark]
    public int TypesInScope() => _model.LookupNamespacesAndTypes(_position).Length;
}
