using System.Reflection;
using System.Xml.Linq;
using PolicyAsCode.Tests.Cli;
using PolicyAsCode.Tests.CompiledEvaluator;

namespace PolicyAsCode.Tests.Generator;

/// <summary>
/// The declarations of the example projects (their real source files), through the generator: the JSON it emits equals
/// what the run-time DSL builds, byte for byte, and each compiled evaluator decides like the interpreter on many
/// generated requests.
/// </summary>
public class ExampleDeclarationsTests
{
    public static TheoryData<string> ExampleDeclarationFiles =>
    [
        Path.Combine("examples", "CrossAccountS3", "Production.cs"),
        Path.Combine("examples", "ForceMfa", "Policies.cs"),
        Path.Combine("examples", "GitHubActionsOidc", "Roles.cs"),
        Path.Combine("examples", "Organization", "Guardrails.cs"),
    ];

    [Fact]
    public void EveryExampleProject_LoadsTheAnalyzersAndTheCodeFixesAsThePackageGivesThem()
    {
        // The package puts these two in analyzers/dotnet/cs (src/PolicyAsCode/PolicyAsCode.csproj); an example that
        // lacks the code fixes would show squiggles without their fixes in an editor.
        var projects = Directory.GetFiles(RepoFiles.Get("examples"), "*.csproj", SearchOption.AllDirectories);
        Assert.NotEmpty(projects);
        foreach (var project in projects)
        {
            var analyzers = XDocument.Load(project).Descendants("ProjectReference")
                .Where(r => (string?)r.Attribute("OutputItemType") == "Analyzer")
                .Select(r => Path.GetFileNameWithoutExtension(((string)r.Attribute("Include")!).Replace('\\', '/')))
                .Order(StringComparer.Ordinal);
            Assert.True(analyzers.SequenceEqual(["PolicyAsCode.CodeFixes", "PolicyAsCode.Generators"]), $"{project}: {string.Join(", ", analyzers)}");
        }
    }

    [Theory]
    [MemberData(nameof(ExampleDeclarationFiles))]
    public async Task ExampleDeclarations_EmitTheRuntimeJson_AndCompiledEvaluatorsDecideLikeTheInterpreter(string file)
    {
        string source = File.ReadAllText(RepoFiles.Get(file.Split(Path.DirectorySeparatorChar)));
        using var generated = await new PolicyGeneratorTest(source).RunAndLoadAsync();
        generated.AssertMatchesRuntime();

        int compared = 0;
        foreach (var declaration in generated.Declarations())
        {
            var compiled = declaration.Type.GetNestedType("Compiled")!.GetNestedType(declaration.Member)!;
            var (document, method) = declaration.Value switch
            {
                PolicyBase policy => (policy.Document, "Evaluate"),
                Role role => (role.TrustPolicy, "EvaluateTrust"),
                _ => throw new InvalidOperationException(declaration.Name),
            };
            var evaluate = compiled.GetMethod(method, BindingFlags.Public | BindingFlags.Static, [typeof(Request)])!;
            var interpreter = new PreparedPolicy(document);
            var pool = RequestPool.For(document);
            foreach (var request in pool.Sample(2_000, seed: 20261123).Concat(pool.ActionsTimesResources(null)))
            {
                var expected = interpreter.Decide(request);
                var actual = (Decision)evaluate.Invoke(null, [request])!;
                Assert.True(expected == actual, $"{declaration.Name}: the interpreter says {expected}, the compiled evaluator {actual}, for {RequestPool.Describe(request)}");
                compared++;
            }
        }
        Assert.True(compared > 2_000, $"{compared} requests compared");
    }
}
