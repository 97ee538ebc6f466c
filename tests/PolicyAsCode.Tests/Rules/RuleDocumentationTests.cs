using System.Text.RegularExpressions;
using PolicyAsCode.Catalogue;
using PolicyAsCode.Json;
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
        var generatorIds = GeneratorDiagnosticIds();
        var pages = Directory.EnumerateFiles(RepoFiles.Get("docs", "rules"), "PAC*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.All(pages, page => Assert.True(PolicyRules.Find(page!) is not null || generatorIds.Contains(page!), $"{page}.md documents no rule or generator diagnostic"));
    }

    [Fact]
    public void EveryGeneratorDiagnostic_HasItsPageAndIndexRow()
    {
        var ids = GeneratorDiagnosticIds();
        Assert.NotEmpty(ids);
        string index = File.ReadAllText(RepoFiles.Get("docs", "rules", "README.md"));
        foreach (var id in ids)
        {
            Assert.True(File.Exists(RepoFiles.Get("docs", "rules", id + ".md")), $"docs/rules/{id}.md is missing");
            Assert.Contains($"[{id}]({id}.md)", index);
        }
    }

    /// <summary>The generator's diagnostic ids, from its analyzer release tracking files (the ids it may report), and the build task's PAC9xx.</summary>
    private static HashSet<string> GeneratorDiagnosticIds()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal) { "PAC901", "PAC902", "PAC903", "PAC904", "PAC905", "PAC906", "PAC907" };
        foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            foreach (var line in File.ReadLines(RepoFiles.Get("generators", "PolicyAsCode.Generators", file)))
            {
                var match = System.Text.RegularExpressions.Regex.Match(line, @"^(PAC\d{3})\s*\|");
                if (match.Success) ids.Add(match.Groups[1].Value);
            }
        }
        return ids;
    }

    public static TheoryData<string> RulesWithExamplePolicies
        => [.. PolicyRules.All.Select(r => r.Id).Where(id => ExampleSection(id).Policies.Count > 0)];

    /// <summary>
    /// The message a page quotes first under "Example" is what the rule says, at the path the page names, for the first
    /// example policy validated as some kind; the later example policies (the fixed ones) do not report the rule as that
    /// kind.
    /// </summary>
    [Theory]
    [MemberData(nameof(RulesWithExamplePolicies))]
    public void RulePageExample_QuotesTheRulesMessageAndItsFixIsClean(string id)
    {
        var (policies, quotes, paths) = ExampleSection(id);
        Assert.NotEmpty(quotes);
        PolicyKind? kind = null;
        Finding? finding = null;
        foreach (var candidate in Enum.GetValues<PolicyKind>())
        {
            finding = Validate(policies[0], candidate).FirstOrDefault(f => f.Id == id && f.Message == quotes[0]);
            if (finding is not null)
            {
                kind = candidate;
                break;
            }
        }
        Assert.True(kind is not null, $"no policy kind makes the example of {id} report the quoted message:\n{quotes[0]}\n"
            + string.Join("\n", Enum.GetValues<PolicyKind>().SelectMany(k => Validate(policies[0], k)).Where(f => f.Id == id).Select(f => f.Message).Distinct()));
        if (paths.Count > 0) Assert.Equal(paths[0], finding!.Location.JsonPath);
        foreach (string fixedPolicy in policies.Skip(1))
        {
            RuleAssert.DoesNotReport(Validate(fixedPolicy, kind!.Value), id);
        }
    }

    private static IReadOnlyList<Finding> Validate(string json, PolicyKind kind)
        => PolicyValidator.Validate(PolicyJson.Parse(json), new ValidationOptions(kind) { Catalogue = ServiceCatalogue.Default });

    /// <summary>The complete policies (JSON blocks with a Statement), quoted messages and "Reported at" paths under "## Example".</summary>
    private static (List<string> Policies, List<string> Quotes, List<string> Paths) ExampleSection(string id)
    {
        string text = File.ReadAllText(RepoFiles.Get("docs", "rules", id + ".md")).ReplaceLineEndings("\n");
        int start = text.IndexOf("\n## Example\n", StringComparison.Ordinal);
        if (start < 0) return ([], [], []);
        int end = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        string section = end < 0 ? text[start..] : text[start..end];
        var policies = JsonBlock().Matches(section).Select(m => m.Groups[1].Value)
            .Where(json => json.TrimStart().StartsWith('{') && json.Contains("\"Statement\"", StringComparison.Ordinal)).ToList();
        var quotes = Quote().Matches(section).Select(m => m.Groups[1].Value).ToList();
        var paths = ReportedAt().Matches(section).Select(m => m.Groups[1].Value).ToList();
        return (policies, quotes, paths);
    }

    [GeneratedRegex(@"```json\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [GeneratedRegex(@"^> (.+)$", RegexOptions.Multiline)]
    private static partial Regex Quote();

    [GeneratedRegex(@"Reported at `(\$[^`]*)`")]
    private static partial Regex ReportedAt();

    [GeneratedRegex(@"^PAC\d{3}$")]
    private static partial Regex IdPattern();
}
