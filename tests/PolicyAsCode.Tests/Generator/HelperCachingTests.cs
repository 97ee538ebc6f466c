extern alias generator;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyGenerator = generator::PolicyAsCode.Generators.PolicyGenerator;

namespace PolicyAsCode.Tests.Generator;

/// <summary>
/// A helper's body is an input of the declarations that call it: editing it evaluates exactly its callers (and what
/// attaches them) again, nothing else, and the output is what a fresh generator produces.
/// </summary>
public class HelperCachingTests
{
    private const string Helpers = """
        namespace Cache;

        public static class Helpers
        {
            public static IdentityPolicy Read(string bucket) => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object(bucket, "*"));

            public static IdentityPolicy Write(string bucket) => Policy.Identity().Allow(S3.PutObject).On(S3.Arn.Object(bucket, Prefix()));

            private static string Prefix() => "in/*";

            public static int Unrelated() => 1;
        }
        """;

    private const string Policies = """
        namespace Cache;

        public static partial class Policies
        {
            [ManagedPolicy("read_a")]
            public static IdentityPolicy ReadA => Helpers.Read("a");

            [ManagedPolicy("read_b")]
            public static IdentityPolicy ReadB => Helpers.Read("b");

            [ManagedPolicy("write_c")]
            public static IdentityPolicy WriteC => Helpers.Write("c");

            [ManagedPolicy("plain")]
            public static IdentityPolicy Plain => Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket("d"));

            [Role("reader")]
            public static Role Reader => Role.Define().TrustedBy(Principal.Account("444455556666")).Attach(ReadA);
        }
        """;

    private static readonly string[] s_sources = [Helpers, Policies];

    public static TheoryData<string, string, string, int> Edits => new()
    {
        // read_a, read_b, and the role attaching read_a.
        { "the body of a helper two declarations call", "Allow(S3.GetObject)", "Allow(S3.PutObject)", 3 },
        // The same: Write and Prefix moved down, but unchanged, as the same members of the file, they are found where
        // they went, so write_c is not evaluated again.
        { "the body of a helper made longer, moving the helpers below it", "Allow(S3.GetObject)", "Allow(S3.GetObject, S3.GetObjectAcl)", 3 },
        { "a line added above every helper, moving them all", "public static class Helpers\n{\n", "public static class Helpers\n{\n    // moved\n", 0 },
        { "the body of a helper one declaration calls", "Allow(S3.PutObject)", "Allow(S3.PutObject, S3.PutObjectAcl)", 1 },
        { "the body of a helper called by a helper", "=> \"in/*\"", "=> \"out/*\"", 1 },
        { "a method no declaration calls", "Unrelated() => 1", "Unrelated() => 2", 0 },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void EditOfAHelper_EvaluatesExactlyItsCallers(string edit, string oldText, string newText, int evaluations)
    {
        var generator = new PolicyGenerator();
        var compilation = GeneratorHarness.Compilation(s_sources);
        var driver = CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: GeneratorHarness.ParseOptions).RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        Assert.Equal(5, generator.Evaluations);
        Assert.Contains(oldText, Helpers);

        var tree = compilation.SyntaxTrees.First();
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(GeneratorHarness.Usings + Helpers.Replace(oldText, newText), GeneratorHarness.ParseOptions, tree.FilePath));
        var warm = driver.RunGenerators(edited).GetRunResult();

        Assert.True(evaluations == generator.Evaluations - 5, $"Editing {edit} evaluated {generator.Evaluations - 5} declarations again, not {evaluations}.");
        var fresh = GeneratorHarness.Driver().RunGenerators(edited).GetRunResult();
        Assert.Equal(Files(fresh), Files(warm));
    }

    private static string Files(GeneratorDriverRunResult result)
        => string.Join("\n", result.GeneratedTrees.OrderBy(t => t.FilePath, StringComparer.Ordinal).Select(t => $"== {t.FilePath}\n{t.GetText()}"));
}
