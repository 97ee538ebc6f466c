using System.Reflection;
using System.Text.RegularExpressions;
using PolicyAsCode.Rules;

namespace PolicyAsCode.Tests.Rules;

// STYLE.md, "Tests": a negative test beside every positive one, with names that read as sentences. This keeps it so for
// rules added later: each rule needs a test named ..._ReportsPACnnn and one named ..._DoesNotReportPACnnn.
public partial class RuleTestCoverageTests
{
    private static readonly string[] s_testNames = typeof(RuleTestCoverageTests).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(RuleTestCoverageTests).Namespace)
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Where(m => m.GetCustomAttributes<FactAttribute>().Any())
        .Select(m => m.Name)
        .ToArray();

    public static TheoryData<string> RuleIds => [.. PolicyRules.All.Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void EveryRule_HasTestsThatReportItAndTestsThatDoNot(string id)
    {
        var reports = s_testNames.Where(name => Positive().Matches(name).Any(m => m.Value.Contains(id, StringComparison.Ordinal))).ToList();
        var doesNotReport = s_testNames.Where(name => Negative().Matches(name).Any(m => m.Groups[1].Value == id)).ToList();
        Assert.True(reports.Count > 0, $"no test named ..._Reports{id}");
        Assert.True(doesNotReport.Count > 0, $"no test named ..._DoesNotReport{id} (or ..._DoNotReport{id})");
    }

    // "ReportsPAC001", "ReportsOnlyPAC001", "ReportsPAC104AndPAC018"; not "DoesNotReportPAC001".
    [GeneratedRegex(@"(?<!Not)Reports?(?:Only)?PAC\d{3}(?:AndPAC\d{3})*")]
    private static partial Regex Positive();

    // "DoesNotReportPAC001", "DoNotReportPAC005", "ReportsPAC006NotPAC103", "IsNotCheckedByPAC012".
    [GeneratedRegex(@"Not(?:Report|CheckedBy)?(PAC\d{3})")]
    private static partial Regex Negative();
}
