using System.Text.RegularExpressions;
using PolicyAsCode.Rules;
using PolicyAsCode.Tests.Cli;

namespace PolicyAsCode.Tests.Rules;

// Every rule's help link points to docs/rules/ID.md (STYLE.md, "Diagnostics"), so each page must exist, be the page of
// that rule, and be listed in the index.
public partial class RuleDocumentationTests
{
    public static TheoryData<string> RuleIds => [.. PolicyRules.All.Select(r => r.Id)];

    [Fact]
    public void RuleIds_AreUniqueAndArePACAndThreeDigits()
    {
        var ids = PolicyRules.All.Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(ids, id => Assert.Matches(IdPattern(), id));
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void EveryRule_HasAPageWhoseTitleStartsWithItsId(string id)
    {
        string page = RepoFiles.Get("docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{id} has no page at docs/rules/{id}.md");
        string title = File.ReadLines(page).First();
        Assert.StartsWith($"# {id}:", title, StringComparison.Ordinal);
        Assert.EndsWith("docs/rules/" + id + ".md", PolicyRules.Find(id)!.HelpLink, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void RulePage_StatesTheRulesSeverityAndCategory(string id)
    {
        var rule = PolicyRules.Find(id)!;
        string text = File.ReadAllText(RepoFiles.Get("docs", "rules", id + ".md"));
        Assert.Contains($"| Severity | {rule.DefaultSeverity} |", text, StringComparison.Ordinal);
        Assert.Contains($"| Category | {rule.Category} |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesIndex_ListsEveryRuleWithItsSeverityAndCategory()
    {
        string index = File.ReadAllText(RepoFiles.Get("docs", "rules", "README.md"));
        foreach (var rule in PolicyRules.All)
        {
            Assert.Contains($"| [{rule.Id}]({rule.Id}.md) | {rule.DefaultSeverity} | {rule.Category} |", index, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RulesFolder_HasNoPageForARuleThatDoesNotExist()
    {
        var pages = Directory.EnumerateFiles(RepoFiles.Get("docs", "rules"), "PAC*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.All(pages, page => Assert.NotNull(PolicyRules.Find(page!)));
    }

    [GeneratedRegex(@"^PAC\d{3}$")]
    private static partial Regex IdPattern();
}
