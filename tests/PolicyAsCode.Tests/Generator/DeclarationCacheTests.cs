extern alias generator;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using DeclarationSpec = generator::PolicyAsCode.Generators.DeclarationSpec;
using PolicyGenerator = generator::PolicyAsCode.Generators.PolicyGenerator;

namespace PolicyAsCode.Tests.Generator;

/// <summary>
/// The generator's cache of evaluated declarations: after an edit it re-evaluates only the declarations whose inputs
/// changed, and its output after any edit is exactly what a fresh generator produces for the edited code.
/// </summary>
public class DeclarationCacheTests
{
    private const string Constants = """
        namespace Cache;

        public static class Names
        {
            public const string Bucket = "my-bucket";
            public static readonly string Unused = "x";
            public static int Helper() => 1;
        }
        """;

    private const string Policies = """
        namespace Cache;

        public static partial class Policies
        {
            [ManagedPolicy("read")]
            public static IdentityPolicy Read => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object(Names.Bucket, "*"));

            [ManagedPolicy("write")]
            public static IdentityPolicy Write => Policy.Identity().Allow(S3.PutObject).On(S3.Arn.Object("other", "*"));
        }
        """;

    private const string Roles = """
        namespace Cache;

        public static partial class Roles
        {
            [Role("reader")]
            public static Role Reader => Role.Define().TrustedBy(Principal.Account("444455556666")).Attach(Policies.Read).Inline("extra", Extra);

            public static IdentityPolicy Extra => Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket("my-bucket"));
        }
        """;

    private const string Program = """
        namespace Cache;

        public static class Program
        {
            public static int Main() { return Names.Helper(); }
        }
        """;

    private const string Fields = """
        namespace Cache;

        public static partial class Fields
        {
            // A field.
            [ManagedPolicy("a b")]
            public static readonly IdentityPolicy Invalid = Policy.Identity().Allow(S3.GetObject).OnAll();
        }
        """;

    private static readonly string[] s_sources = [Constants, Policies, Roles, Program, Fields];

    [Fact]
    public void EditInAnotherMembersBody_EvaluatesNothingAgain()
    {
        var (generator, driver, compilation) = Warm();
        int before = generator.Evaluations;

        driver.RunGenerators(Edit(compilation, 3, Program.Replace("return Names.Helper();", "var x = Names.Helper(); return x + 1;")));

        Assert.Equal(before, generator.Evaluations);
    }

    [Fact]
    public void EditOfADocumentationComment_EvaluatesNothingAgain()
    {
        var (generator, driver, compilation) = Warm();
        int before = generator.Evaluations;

        driver.RunGenerators(Edit(compilation, 0, Constants.Replace("    public const string Bucket", "    /// <summary>The bucket.</summary>\n    public const string Bucket")));

        Assert.Equal(before, generator.Evaluations);
    }

    [Fact]
    public void EditOfAPreprocessorDirective_EvaluatesEverythingAgain()
    {
        // Directives decide what is compiled; the cache does not try to tell which ones matter.
        var (generator, driver, compilation) = Warm();
        int before = generator.Evaluations;

        driver.RunGenerators(Edit(compilation, 3, Program + "\n#if OTHER\n#endif\n"));

        Assert.Equal(before + 4, generator.Evaluations);
    }

    [Fact]
    public void EditOfOneDeclaration_EvaluatesOnlyTheDeclarationsOfThatFile()
    {
        var (generator, driver, compilation) = Warm();
        int before = generator.Evaluations;

        driver.RunGenerators(Edit(compilation, 1, Policies.Replace("\"other\"", "\"another\"")));

        // Both declarations of the edited file ("write" moved nothing, "read" is in the same tree and unchanged) are
        // checked by text; only "write" changed, and "reader" (which attaches "read") did not.
        Assert.Equal(before + 1, generator.Evaluations);
    }

    public static TheoryData<string, int, string, string> Edits => new()
    {
        { "a constant another file declares", 0, "\"my-bucket\";", "\"your-bucket\";" },
        { "a constant into an invalid ARN part", 0, "\"my-bucket\";", "\"my:bucket\";" },
        { "a method body elsewhere", 3, "return Names.Helper();", "return Names.Helper() + 2;" },
        { "an attached policy's body", 1, "Allow(S3.GetObject)", "Allow(S3.GetObject, S3.GetObjectAcl)" },
        { "an inline policy's body in the role's file", 2, "S3.Arn.Bucket(\"my-bucket\")", "S3.Arn.Bucket(\"their-bucket\")" },
        { "lines inserted above a declaration", 1, "    [ManagedPolicy(\"read\")]", "    // Reads.\n    // More.\n    [ManagedPolicy(\"read\")]" },
        { "a declaration made invalid", 1, "On(S3.Arn.Object(\"other\", \"*\"))", "On(S3.Arn.Object(System.Environment.MachineName, \"*\"))" },
        { "a type that shadows a catalogue class", 3, "public static class Program", "public static class S3 { public static int GetObject => 1; }\npublic static class Program" },
        { "a declaration's name", 1, "[ManagedPolicy(\"write\")]", "[ManagedPolicy(\"write_all\")]" },
        { "the attached policy renamed", 1, "public static IdentityPolicy Read =>", "public static IdentityPolicy ReadAll =>" },
        { "a partial modifier removed", 2, "public static partial class Roles", "public static class Roles" },
        { "a static readonly value read by nothing", 0, "Unused = \"x\"", "Unused = \"y\"" },
        { "a documentation comment on a constant a declaration reads", 0, "    public const string Bucket", "    /// <summary>The bucket.</summary>\n    public const string Bucket" },
        { "a comment swapped with the attribute of a field declaration", 4, "    // A field.\n    [ManagedPolicy(\"a b\")]", "    [ManagedPolicy(\"a b\")]\n    // A field." },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void AfterAnEdit_TheOutputIsWhatAFreshGeneratorProduces(string edit, int file, string oldText, string newText)
    {
        var (_, driver, compilation) = Warm();
        Assert.Contains(oldText, s_sources[file]);
        var edited = Edit(compilation, file, s_sources[file].Replace(oldText, newText));

        var warm = driver.RunGenerators(edited).GetRunResult();
        var fresh = GeneratorHarness.Driver().RunGenerators(edited).GetRunResult();

        Assert.True(Describe(fresh) == Describe(warm), $"After editing {edit}, the warm generator's output differs from a fresh one's.");
    }

    [Fact]
    public void ChangedReferences_EvaluateEverythingAgain()
    {
        var (generator, driver, compilation) = Warm();
        int before = generator.Evaluations;

        driver.RunGenerators(compilation.WithReferences(compilation.References.Select(r => r is PortableExecutableReference pe ? MetadataReference.CreateFromFile(pe.FilePath!) : r)));

        Assert.Equal(before + 4, generator.Evaluations);
    }

    private static (PolicyGenerator Generator, GeneratorDriver Driver, CSharpCompilation Compilation) Warm()
    {
        var generator = new PolicyGenerator();
        var compilation = GeneratorHarness.Compilation(s_sources);
        var driver = CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: GeneratorHarness.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true)).RunGenerators(compilation);
        Assert.Equal(4, generator.Evaluations);
        // Only the field declaration's invalid name (PAC201), on purpose: its location is what moves in one edit.
        Assert.Equal(["PAC201"], SpecDiagnostics(driver.GetRunResult()).Select(d => d.Id));
        return (generator, driver, compilation);
    }

    private static CSharpCompilation Edit(CSharpCompilation compilation, int file, string source)
    {
        var tree = compilation.SyntaxTrees.ElementAt(file);
        return compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(GeneratorHarness.Usings + source, GeneratorHarness.ParseOptions, tree.FilePath));
    }

    /// <summary>
    /// Every generated file, and every diagnostic of the parsed specs (which the analyzer reports), with locations, as
    /// text; and the generator's own diagnostics, of which there should be none.
    /// </summary>
    private static string Describe(GeneratorDriverRunResult result)
        => string.Join("\n", result.GeneratedTrees.OrderBy(t => t.FilePath, StringComparer.Ordinal).Select(t => $"== {t.FilePath}\n{t.GetText()}"))
           + "\n== diagnostics\n"
           + string.Join("\n", SpecDiagnostics(result).Select(d => $"{d.Id} {d.Location} {d.Message}").Order(StringComparer.Ordinal))
           + "\n== generator diagnostics\n"
           + string.Join("\n", result.Diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal));

    /// <summary>The diagnostics the parsed (or cached) specs carry.</summary>
    private static IEnumerable<generator::PolicyAsCode.Generators.DiagnosticInfo> SpecDiagnostics(GeneratorDriverRunResult result)
        => result.Results.SelectMany(r => r.TrackedSteps)
            .Where(s => s.Key is PolicyGenerator.TrackingNames.ManagedPolicies or PolicyGenerator.TrackingNames.ResourcePolicies or PolicyGenerator.TrackingNames.Roles)
            .SelectMany(s => s.Value).SelectMany(step => step.Outputs).Select(o => o.Value).OfType<DeclarationSpec>()
            .SelectMany(spec => spec.Diagnostics);
}
