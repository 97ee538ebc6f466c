using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyAsCode.Compiled;

namespace PolicyAsCode.Tests.Build;

/// <summary>Compiles small assemblies with Roslyn for the build task to read.</summary>
internal static class TestAssemblies
{
    private static readonly Lazy<MetadataReference[]> s_runtime = new(() =>
    {
        string[] names = ["System.Private.CoreLib.dll", "System.Runtime.dll"];
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return [.. paths.Where(p => names.Contains(Path.GetFileName(p))).Select(p => MetadataReference.CreateFromFile(p))];
    });

    private static readonly Lazy<MetadataReference> s_policyAsCode =
        new(() => MetadataReference.CreateFromFile(typeof(IamFileAttribute).Assembly.Location));

    /// <summary>
    /// Compiles <paramref name="source"/> into <c>directory/name.dll</c> and returns its path. With
    /// <paramref name="referencePolicyAsCode"/>, the assembly references the real PolicyAsCode.dll, so the attribute's
    /// type is a TypeReference; without it, the source must define any attribute it uses.
    /// </summary>
    public static string Compile(string directory, string name, string source, bool referencePolicyAsCode = true)
    {
        MetadataReference[] references = referencePolicyAsCode ? [.. s_runtime.Value, s_policyAsCode.Value] : s_runtime.Value;
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        string path = Path.Combine(directory, name + ".dll");
        using (var stream = File.Create(path))
        {
            var result = compilation.Emit(stream);
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(result.Success, "The test assembly does not compile:\n" + string.Join("\n", errors));
        }
        return path;
    }

    /// <summary>C# source for <c>[assembly: PolicyAsCode.Compiled.IamFile(name, content)]</c> per pair.</summary>
    public static string IamFiles(params (string Name, string Content)[] files) =>
        string.Concat(files.Select(f => $"[assembly: PolicyAsCode.Compiled.IamFile({Literal(f.Name)}, {Literal(f.Content)})]\n"));

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
