using PolicyAsCode.Rules;

namespace PolicyAsCode.Tests.Analyzers;

/// <summary>
/// The rules the DSL's types make impossible to break in a declaration, and why. The analyzer reports every finding the
/// rule engine makes, so these would be reported if the DSL ever allowed them; every other rule has a test in
/// <see cref="DeclarationDiagnosticsTests"/>.
/// </summary>
public class UnreachableRulesTests
{
    public static TheoryData<string, string> Unreachable => new()
    {
        { "PAC006", "Role.TrustedBy writes each principal's own assume action (sts:AssumeRole, ...WithWebIdentity, ...WithSAML); a trust policy has no other way to name actions." },
        { "PAC014", "The DSL always writes Version 2012-10-17, in which policy variables work." },
        { "PAC017", "Identity and resource statements are complete only after On/OnAll/OnAllExcept; a trust policy is built by TrustedBy, which names no resource." },
        { "PAC019", "The DSL always writes Version 2012-10-17." },
        { "PAC025", "The DSL declares no resource control policies yet; RCPs are validated by pac validate --kind rcp." },
    };

    [Theory]
    [MemberData(nameof(Unreachable))]
    public void RuleTheDslCannotProduce_IsARealRuleWithAReason(string id, string reason)
    {
        Assert.NotNull(PolicyRules.Find(id));
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    /// <summary>Every rule is either tested through the analyzer or listed here as unreachable.</summary>
    [Fact]
    public void EveryRule_IsTestedThroughTheAnalyzerOrListedAsUnreachable()
    {
        var tested = typeof(DeclarationDiagnosticsTests).GetMethods()
            .Select(m => System.Text.RegularExpressions.Regex.Match(m.Name, @"_ReportsPAC(\d{3})"))
            .Where(m => m.Success).Select(m => "PAC" + m.Groups[1].Value).ToHashSet();
        var unreachable = Unreachable.Select(row => (string)row[0]).ToHashSet();
        foreach (var rule in PolicyRules.All)
        {
            Assert.True(tested.Contains(rule.Id) ^ unreachable.Contains(rule.Id), $"{rule.Id} must have an analyzer test or be listed as unreachable (not both)");
        }
    }
}
