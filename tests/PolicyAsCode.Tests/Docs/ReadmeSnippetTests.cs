using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Tests.Analyzers;
using PolicyAsCode.Tests.Cli;
using PolicyAsCode.Tests.Generator;

namespace PolicyAsCode.Tests.Docs;

/// <summary>
/// The README's C# declarations are what a new user copies first: each one compiles through the generator, and the
/// analyzers report on it exactly the diagnostics its comments promise (<c>// PAC002 ...</c>) and no others.
/// </summary>
public partial class ReadmeSnippetTests
{
    private const string UsageMarker = "// Generated at compile time:";

    public static TheoryData<int, string> Declarations()
    {
        var data = new TheoryData<int, string>();
        foreach (var (line, code) in CSharpBlocks(File.ReadAllText(RepoFiles.Get("README.md"))))
        {
            if (DeclarationAttribute().IsMatch(code)) data.Add(line, code);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Declarations))]
    public async Task ReadmeDeclaration_CompilesAndReportsWhatItsCommentsSay(int line, string code)
    {
        var run = GeneratorHarness.Run(AsCompilationUnit(code));
        var errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
        Assert.True(errors.Length == 0, $"README line {line}: {string.Join(Environment.NewLine, errors)}");
        Assert.DoesNotContain(run.Result.Diagnostics, d => d.Id.StartsWith("PAC", StringComparison.Ordinal));

        // Each "// PACnnn" comment names a diagnostic the analyzer reports on that line; nothing else is reported.
        var reported = (await PolicyAnalyzerTest.AnalyzeAsync(run.Input))
            .Where(d => d.Id.StartsWith("PAC", StringComparison.Ordinal))
            .Select(d => $"{d.Id} on: {LineOf(d).Trim()}")
            .Order(StringComparer.Ordinal).ToArray();
        var promised = run.Input.SyntaxTrees.Single().GetText().Lines
            .SelectMany(l => PromisedId().Matches(l.ToString()).Select(m => $"{m.Groups[1].Value} on: {l.ToString().Trim()}"))
            .Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(promised, reported);
    }

    [Fact]
    public void Readme_HasDeclarationsToCheck() => Assert.True(Declarations().Count >= 3);

    /// <summary>
    /// A block as a compilation unit: a class as it is; bare members inside a class; what follows
    /// <see cref="UsageMarker"/> inside a method, so that the usage the README shows compiles too.
    /// </summary>
    private static string AsCompilationUnit(string code)
    {
        string usage = "";
        int marker = code.IndexOf(UsageMarker, StringComparison.Ordinal);
        if (marker >= 0)
        {
            usage = "\npublic static class ReadmeUsage { public static void Use() {\n" + code.Substring(marker) + "\n} }\n";
            code = code.Substring(0, marker);
        }
        if (!code.Contains(" class ", StringComparison.Ordinal)) code = "public static partial class ReadmeSnippet\n{\n" + code + "\n}\n";
        return code + usage;
    }

    private static string LineOf(Diagnostic diagnostic)
        => diagnostic.Location.SourceTree!.GetText().Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString();

    private static IEnumerable<(int Line, string Code)> CSharpBlocks(string markdown)
    {
        var lines = markdown.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() != "```csharp") continue;
            int start = i + 1;
            int end = start;
            while (end < lines.Length && lines[end].TrimEnd() != "```") end++;
            yield return (start + 1, string.Join("\n", lines[start..end]));
            i = end;
        }
    }

    [GeneratedRegex(@"\[(ManagedPolicy|ResourcePolicy|Role|ServiceControlPolicy|ResourceControlPolicy)\(")]
    private static partial Regex DeclarationAttribute();

    [GeneratedRegex(@"//\s*(PAC\d{3})\b")]
    private static partial Regex PromisedId();
}
