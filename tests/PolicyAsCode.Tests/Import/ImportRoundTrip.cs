using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyAsCode.Cli;
using PolicyAsCode.Json;
using PolicyAsCode.Tests.Cli;
using PolicyAsCode.Tests.Generator;

namespace PolicyAsCode.Tests.Import;

/// <summary>
/// The round trip of <c>pac import</c>: JSON files are imported (in-process, one <c>pac import</c> per file), the C# is
/// compiled with the source generator, and the JSON the generator embeds is compared with the input.
/// </summary>
internal static class ImportRoundTrip
{
    /// <summary>What happened to each input.</summary>
    internal sealed record Outcome(string Name, int ImportExit, string Stderr, string? Source, string? GeneratedJson)
    {
        public bool Imported => ImportExit == Pac.Success;
    }

    /// <summary>
    /// Imports each (name, json) as <paramref name="kind"/> and compiles the clean imports together; fails the test when
    /// the compilation or the generator reports an error.
    /// </summary>
    public static List<Outcome> Run(IEnumerable<(string Name, string Json)> inputs, string kind = "identity", string fileSuffix = ".json")
    {
        using var temp = new TempDirectory();
        var imported = new List<(string Name, PacResult Result)>();
        int i = 0;
        foreach (var (name, json) in inputs)
        {
            string file = temp.Write(name + fileSuffix, json);
            var result = PacRunner.Run("import", file, "--kind", kind, "--namespace", "Imported", "--class", $"P{i++}");
            imported.Add((name, result));
        }

        var sources = imported.Where(x => x.Result.ExitCode == Pac.Success).Select(x => x.Result.Stdout).ToList();
        var files = Compile(sources);
        return imported.Select(x => new Outcome(x.Name, x.Result.ExitCode, x.Result.Stderr, x.Result.ExitCode == Pac.Success ? x.Result.Stdout : null,
            files.TryGetValue(x.Name + (kind == "trust" ? ".trust.json" : ".json"), out var generated) ? generated : null)).ToList();
    }

    /// <summary>Compiles the sources with the generator; returns the IAM files it embedded.</summary>
    public static SortedDictionary<string, string> Compile(IReadOnlyList<string> sources)
    {
        var compilation = CSharpCompilation.Create("ImportRoundTrip",
            sources.Select((source, n) => CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: $"/import/P{n}.cs", encoding: Encoding.UTF8)),
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        GeneratorHarness.AssertNothingEscaped(driver.GetRunResult());
        var errors = generatorDiagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the imported C# does not compile:\n" + string.Join("\n", errors.Take(20).Select(e => $"{e}  [{Line(e)}]")));
        using var loaded = GeneratedAssembly.Load(output);
        return loaded.IamFiles();
    }

    private static string Line(Diagnostic diagnostic)
    {
        var tree = diagnostic.Location.SourceTree;
        if (tree is null) return "";
        var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
        return tree.GetText().Lines[line].ToString().Trim();
    }

    /// <summary>
    /// The same policy for IAM: equal after folding the case of actions and condition keys (IAM compares both
    /// case-insensitively: IAM User Guide, "IAM JSON policy elements: Action" and "Condition"), as models.
    /// </summary>
    public static bool SemanticallyEqual(PolicyDocument a, PolicyDocument b) => Normalize(a) == Normalize(b);

    /// <summary>The canonical text of the input as <c>pac fmt</c> writes it.</summary>
    public static string Formatted(string json) => PolicyJson.Write(PolicyJson.Parse(json));

    private static PolicyDocument Normalize(PolicyDocument document)
        => document with
        {
            Statements = EquatableArray.Create(document.Statements.Select(s => s with
            {
                Action = s.Action with { Values = EquatableArray.Create(s.Action.Values.Select(v => v.ToLowerInvariant()).ToArray()) },
                Conditions = EquatableArray.Create(s.Conditions.Select(c => c with { Key = c.Key.ToLowerInvariant() }).ToArray()),
            }).ToArray()),
        };
}
