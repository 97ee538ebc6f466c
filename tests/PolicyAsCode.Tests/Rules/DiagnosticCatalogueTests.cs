extern alias generator;

using System.Reflection;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Rules;
using PolicyAsCode.Tests.Cli;
using Descriptors = generator::PolicyAsCode.Generators.DiagnosticDescriptors;

namespace PolicyAsCode.Tests.Rules;

/// <summary>
/// One home for diagnostics: every id the package can report (the generator's and analyzer's descriptors, the build
/// task's errors) has one help-link base, one category scheme, a page in docs/rules and a row in its index.
/// </summary>
public class DiagnosticCatalogueTests
{
    private static readonly DiagnosticDescriptor[] s_descriptors = [.. Descriptors.Generator.Concat(Descriptors.Analyzer).Distinct()];

    /// <summary>The build task's PAC9xx codes, read from its ErrorCodes class.</summary>
    private static string[] BuildErrorCodes()
        => typeof(PolicyAsCode.Build.WriteIamFiles).Assembly.GetType("PolicyAsCode.Build.ErrorCodes", throwOnError: true)!
            .GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();

    [Fact]
    public void EveryDescriptor_HasOneIdAndItsPageAsHelpLink()
    {
        Assert.Equal(s_descriptors.Length, s_descriptors.Select(d => d.Id).Distinct().Count());
        Assert.All(s_descriptors, d => Assert.Equal(PolicyRule.HelpLinkBase + d.Id + ".md", d.HelpLinkUri));
    }

    [Fact]
    public void Categories_AreTheRulesOnesOrGeneratorUsageOrProperties()
    {
        var categories = PolicyRules.All.Select(r => r.Category).Append("Generator").Append("Usage").Append("Properties").ToHashSet(StringComparer.Ordinal);
        Assert.All(s_descriptors, d => Assert.Contains(d.Category, categories));
    }

    [Fact]
    public void EveryRuleOfTheEngine_HasItsDescriptor()
        => Assert.Equal(PolicyRules.All.Select(r => r.Id), Descriptors.Rules.Select(d => d.Id));

    [Fact]
    public void EveryIdThePackageReports_HasAPageAndAnIndexRow()
    {
        string index = File.ReadAllText(RepoFiles.Get("docs", "rules", "README.md"));
        var ids = s_descriptors.Select(d => d.Id).Concat(BuildErrorCodes()).ToList();
        Assert.Contains("PAC906", ids);
        foreach (var id in ids)
        {
            string page = RepoFiles.Get("docs", "rules", id + ".md");
            Assert.True(File.Exists(page), $"docs/rules/{id}.md is missing");
            Assert.StartsWith($"# {id}: ", File.ReadLines(page).First(), StringComparison.Ordinal);
            Assert.Contains($"[{id}]({id}.md)", index);
        }
    }

    [Fact]
    public void BuildTargets_ReportOnlyKnownBuildCodes()
    {
        string targets = File.ReadAllText(RepoFiles.Get("generators", "PolicyAsCode.Build", "buildTransitive", "PolicyAsCode.targets"));
        var codes = System.Text.RegularExpressions.Regex.Matches(targets, "Code=\"(PAC\\d{3})\"").Select(m => m.Groups[1].Value);
        Assert.All(codes, code => Assert.Contains(code, BuildErrorCodes()));
    }
}
