using PolicyAsCode.Catalogue;
using PolicyAsCode.Json;
using Xunit.Abstractions;

namespace PolicyAsCode.Tests.Import;

/// <summary>
/// <c>pac import</c> over AWS managed policies, which no one here wrote: the C# compiles and the generator's JSON is
/// semantically equal to the input. By default a representative subset (every 10th of the 1,594 embedded policies, by
/// name); with <c>PAC_IMPORT_CORPUS=all</c> every one (src/tools/import-corpus/round-trip.sh), reporting the share
/// that is byte-for-byte equal to <c>pac fmt</c> of the input.
/// </summary>
public sealed class ManagedPolicyImportTests(ITestOutputHelper output)
{
    public const string CorpusVariable = "PAC_IMPORT_CORPUS";

    public const string ReportVariable = "PAC_IMPORT_REPORT";

    [Fact]
    public void ManagedPolicies_ImportToCSharpThatCompiles_AndGivesTheSamePolicy()
    {
        bool all = Environment.GetEnvironmentVariable(CorpusVariable) == "all";
        var policies = AwsManagedPolicies.All.Where((_, i) => all || i % 10 == 0).ToList();

        var outcomes = ImportRoundTrip.Run(policies.Select(p => (p.Name, p.Json)));

        int byteEqual = 0;
        var notImported = new List<string>();
        var different = new List<string>();
        foreach (var (policy, outcome) in policies.Zip(outcomes))
        {
            if (!outcome.Imported)
            {
                // What the DSL cannot declare is an error naming it, and the C# carries #error: never silent.
                Assert.True(outcome.ImportExit == PolicyAsCode.Cli.Pac.Findings, $"{policy.Name}: pac import exited with {outcome.ImportExit}:\n{outcome.Stderr}");
                Assert.Contains(": error: $.", outcome.Stderr);
                notImported.Add($"{policy.Name}: {outcome.Stderr.Split('\n')[0]}");
                continue;
            }
            Assert.True(outcome.GeneratedJson is not null, $"{policy.Name}: the generator wrote no {policy.Name}.json");
            var generated = PolicyJson.Parse(outcome.GeneratedJson!);
            if (!ImportRoundTrip.SemanticallyEqual(policy.Document, generated))
            {
                different.Add($"{policy.Name}:\n{ImportRoundTrip.Formatted(policy.Json)}\n---\n{outcome.GeneratedJson}\n---\n{outcome.Source}");
                continue;
            }
            if (outcome.GeneratedJson == ImportRoundTrip.Formatted(policy.Json)) byteEqual++;
        }

        int imported = policies.Count - notImported.Count;
        string report = $"{policies.Count} AWS managed policies: {imported} imported to C# that compiles, {different.Count} of them different from the input; "
            + $"{byteEqual} ({100.0 * byteEqual / policies.Count:F1}%) byte-for-byte equal to pac fmt of the input; "
            + $"{notImported.Count} not importable:\n" + string.Join("\n", notImported);
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable(ReportVariable) is { Length: > 0 } reportFile) File.WriteAllText(reportFile, report + "\n");

        Assert.True(different.Count == 0, $"{different.Count} imported policies differ from their input:\n" + string.Join("\n\n", different.Take(3)));
        // What AWS's managed policies use, the DSL declares: at most a few need what it lacks.
        Assert.True(notImported.Count * 50 <= policies.Count, report);
    }
}
