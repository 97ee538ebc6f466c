using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PolicyAsCode.Benchmarks;

/// <summary>
/// The project of 500 declarations the generator and analyzer benchmarks use: 250 managed policies and 250 roles in 50
/// files (src/tools/analyzer-cost/measure.sh builds the same declarations with MSBuild to measure the analyzers).
/// </summary>
internal static class DeclarationProject
{
    public const int Files = 50;
    public const int PoliciesPerFile = 5;

    private static readonly MetadataReference[] s_references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
        .Select(p => MetadataReference.CreateFromFile(p))
        .Append(MetadataReference.CreateFromFile(typeof(IamAction).Assembly.Location))
        .Append(MetadataReference.CreateFromFile(typeof(Aws.S3).Assembly.Location))
        .ToArray<MetadataReference>();

    /// <summary>A compilation of freshly parsed trees (nothing bound yet).</summary>
    public static CSharpCompilation Compilation(bool properties = false)
        => CSharpCompilation.Create("FiveHundred",
            Enumerable.Range(0, Files).Select(i => CSharpSyntaxTree.ParseText(Source(i, "my-bucket", properties: properties), path: $"Declarations{i}.cs")),
            s_references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <param name="file">The file number.</param>
    /// <param name="bucket">The bucket of the file's policies.</param>
    /// <param name="editedBucket">When set, the bucket of the file's third policy only.</param>
    /// <param name="properties">
    /// Whether each managed policy states three properties ([NeverAllows] twice, [Allows]) and each role [NoPublicAccess],
    /// for the analyzer's property checks (PropertyCheckBenchmarks).
    /// </param>
    public static string Source(int file, string bucket, string? editedBucket = null, bool properties = false)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("using PolicyAsCode; using PolicyAsCode.Aws; namespace Bench; public static partial class Declarations").Append(file).Append(" {\n");
        for (int i = 0; i < PoliciesPerFile; i++)
        {
            string name = $"p{file}_{i}";
            string policyBucket = i == 2 && editedBucket is not null ? editedBucket : bucket;
            if (properties)
            {
                sb.Append($"  [NeverAllows(\"iam:PassRole\")] [NeverAllows(\"s3:DeleteBucket\", On = \"arn:aws:s3:::prod-*\")] [Allows(\"s3:GetObject\", \"arn:aws:s3:::{policyBucket}-{i}/a.txt\", Context = [\"aws:MultiFactorAuthPresent=true\"])]\n");
            }
            sb.Append($"  [ManagedPolicy(\"{name}\")] public static IdentityPolicy Policy{i} => Policy.Identity()\n")
              .Append($"    .Allow(S3.ListBucket).On(S3.Arn.Bucket(\"{policyBucket}-{i}\")).When(S3.Keys.Prefix.Like(\"home/*\"))\n")
              .Append($"    .Allow(S3.GetObject, S3.PutObject).On(S3.Arn.Object(\"{policyBucket}-{i}\", \"*\"))\n")
              .Append("    .Deny().AllExcept(Iam.GetUser).OnAll().When(Keys.Aws.MultiFactorAuthPresent.IfExists().IsFalse()).Named(\"DenyWithoutMfa\");\n");
            if (properties) sb.Append("  [NoPublicAccess]\n");
            sb.Append($"  [Role(\"r{file}_{i}\")] public static Role Role{i} => Role.Define()\n")
              .Append("    .TrustedBy(Principal.Account(\"444455556666\").WithMfa(), Principal.Service(\"lambda.amazonaws.com\"))\n")
              .Append($"    .Attach(Policy{i}).Attach(AwsManaged.ReadOnlyAccess).MaxSession(System.TimeSpan.FromHours(2));\n");
        }
        return sb.Append("}\n").ToString();
    }
}
