extern alias generator;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using PolicyGenerator = generator::PolicyAsCode.Generators.PolicyGenerator;

namespace PolicyAsCode.Tests.Generator;

/// <summary>
/// Compilations and generator drivers that work offline (BUILD-NOTES "Generator and analyzer tests without network"):
/// the running runtime's own assemblies plus PolicyAsCode.dll and PolicyAsCode.Aws.dll as references.
/// </summary>
internal static class GeneratorHarness
{
    /// <summary>Usings every test source starts with.</summary>
    public const string Usings = """
        using System;
        using PolicyAsCode;
        using PolicyAsCode.Aws;

        """;

    /// <summary>No reference packs to download: the references are <see cref="References"/>.</summary>
    public static ReferenceAssemblies OfflineReferenceAssemblies { get; } = new("net10.0-offline");

    /// <summary>The runtime's assemblies (from its own directory in TRUSTED_PLATFORM_ASSEMBLIES) and the DSL's.</summary>
    public static ImmutableArray<MetadataReference> References { get; } = LoadReferences();

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => string.Equals(Path.GetDirectoryName(path), runtimeDirectory, StringComparison.Ordinal))
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"))
            .Order(StringComparer.Ordinal);
        return
        [
            .. framework.Select(path => MetadataReference.CreateFromFile(path)),
            MetadataReference.CreateFromFile(typeof(Policy).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(PolicyAsCode.Aws.S3).Assembly.Location),
        ];
    }

    /// <summary>
    /// A compilation of the sources after <see cref="Usings"/>, each in its own file <c>/0/TestN.cs</c> (the testing
    /// library's names).
    /// </summary>
    public static CSharpCompilation Compilation(params string[] sources)
        => CSharpCompilation.Create("GeneratorTests",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(Usings + source, ParseOptions, path: $"/0/Test{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>A driver for <see cref="PolicyGenerator"/> that records every step of the pipeline.</summary>
    public static GeneratorDriver Driver()
        => CSharpGeneratorDriver.Create(
            [new PolicyGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generator once, then the analyzer on its output, as a build does, and checks that nothing escaped
    /// either: no exception on the run result, no CS8785 ("generator failed"), no AD0001 and no PAC205 (the catch-alls,
    /// which mean a bug). The declarations' diagnostics (PAC2xx) are the analyzer's (<see cref="GeneratorRun.Diagnostics"/>).
    /// </summary>
    public static GeneratorRun Run(params string[] sources)
    {
        var input = Compilation(sources);
        var driver = Driver().RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);
        var result = driver.GetRunResult();
        AssertNothingEscaped(result);
        var analyzer = Analyzers.PolicyAnalyzerTest.AnalyzeAsync(output).GetAwaiter().GetResult();
        return new GeneratorRun(input, output, driver, result, [.. result.Diagnostics, .. analyzer.Where(d => d.Id.StartsWith("PAC2", StringComparison.Ordinal))]);
    }

    public static void AssertNothingEscaped(GeneratorDriverRunResult result)
    {
        foreach (var generatorResult in result.Results)
        {
            Assert.Null(generatorResult.Exception);
        }
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "CS8785" or "AD0001" or "PAC205");
    }
}

/// <summary>
/// One run of the generator and the analyzer: the input and output compilations, the driver for the next run, the
/// generator's result, and the declarations' diagnostics of the build (the generator's, which should be none, and the
/// analyzer's PAC2xx: what a build reports about declarations that cannot be generated).
/// </summary>
internal sealed record GeneratorRun(Compilation Input, Compilation Output, GeneratorDriver Driver, GeneratorDriverRunResult Result, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The declarations' diagnostics, as "ID line:column" (1-based) for compact assertions.</summary>
    public string[] DiagnosticSummary => Diagnostics
        .OrderBy(d => d.Location.SourceSpan.Start)
        .Select(d => $"{d.Id} {Describe(d.Location)}")
        .ToArray();

    /// <summary>The declarations' diagnostics with the source text they cover.</summary>
    public (string Id, string Text)[] DiagnosticTexts => Diagnostics
        .OrderBy(d => d.Location.SourceSpan.Start)
        .Select(d => (d.Id, d.Location.SourceTree?.GetText().ToString(d.Location.SourceSpan) ?? ""))
        .ToArray();

    /// <summary>The errors of the output compilation that are in generated files.</summary>
    public Diagnostic[] ErrorsInGeneratedCode => Output.GetDiagnostics()
        .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && !Input.SyntaxTrees.Contains(tree))
        .ToArray();

    public string? GeneratedSource(string hintName)
        => Result.Results.SelectMany(r => r.GeneratedSources).FirstOrDefault(s => s.HintName == hintName).SourceText?.ToString();

    public string[] HintNames => Result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName).Order(StringComparer.Ordinal).ToArray();

    private static string Describe(Location location)
    {
        var span = location.GetLineSpan();
        return $"{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}";
    }
}
