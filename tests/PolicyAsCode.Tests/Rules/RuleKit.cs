using PolicyAsCode.Catalogue;
using PolicyAsCode.Json;
using PolicyAsCode.Rules;

namespace PolicyAsCode.Tests.Rules;

/// <summary>Builds policies from JSON and runs the rule engine over them, as <c>pac validate</c> does.</summary>
internal static class RuleKit
{
    /// <summary>A policy with <c>"Version": "2012-10-17"</c> and the given statements (JSON objects).</summary>
    public static string Policy(params string[] statements)
        => "{\n\"Version\": \"2012-10-17\",\n\"Statement\": [\n" + string.Join(",\n", statements) + "\n]\n}";

    /// <summary>Validates JSON as a policy of <paramref name="kind"/>, with the bundled service catalogue unless told otherwise.</summary>
    public static IReadOnlyList<Finding> Validate(string json, PolicyKind kind, bool catalogue = true,
        PolicyContainer container = PolicyContainer.Managed)
        => PolicyValidator.Validate(PolicyJson.Parse(json), new ValidationOptions(kind)
        {
            Catalogue = catalogue ? ServiceCatalogue.Default : null,
            Container = container,
        });

    /// <summary>Validates a document with the given options.</summary>
    public static IReadOnlyList<Finding> Validate(string json, ValidationOptions options)
        => PolicyValidator.Validate(PolicyJson.Parse(json), options);

    /// <summary>Every policy kind, for theories.</summary>
    public static TheoryData<PolicyKind> AllKinds => [.. Enum.GetValues<PolicyKind>()];
}

/// <summary>Assertions on findings that say, on failure, every finding there was.</summary>
internal static class RuleAssert
{
    /// <summary>
    /// Asserts that exactly one finding of <paramref name="id"/> is at <paramref name="path"/>, with the severity, message
    /// parts and suggestions (exactly, in order) given; returns it.
    /// </summary>
    public static Finding Reports(IReadOnlyList<Finding> findings, string id, FindingSeverity severity, string path,
        string[] message, params string[] suggestions)
    {
        var matching = findings.Where(f => f.Id == id && f.Location.JsonPath == path).ToList();
        Assert.True(matching.Count == 1, $"expected one {id} at {path}; the findings were:\n{Describe(findings)}");
        var finding = matching[0];
        Assert.Equal(severity, finding.Severity);
        foreach (string part in message)
        {
            Assert.True(finding.Message.Contains(part, StringComparison.Ordinal), $"expected the message to contain \"{part}\"; it is: {finding.Message}");
        }
        Assert.Equal(suggestions, finding.Suggestions.ToArray());
        return finding;
    }

    /// <summary>Asserts that no finding has <paramref name="id"/>.</summary>
    public static void DoesNotReport(IReadOnlyList<Finding> findings, string id)
        => Assert.True(findings.All(f => f.Id != id), $"expected no {id}; the findings were:\n{Describe(findings)}");

    /// <summary>Asserts that there are no findings at all.</summary>
    public static void Clean(IReadOnlyList<Finding> findings)
        => Assert.True(findings.Count == 0, $"expected no findings; they were:\n{Describe(findings)}");

    /// <summary>Asserts that the findings have exactly these ids, in this order.</summary>
    public static void Ids(IReadOnlyList<Finding> findings, params string[] ids)
        => Assert.True(findings.Select(f => f.Id).SequenceEqual(ids),
            $"expected {string.Join(", ", ids)}; the findings were:\n{Describe(findings)}");

    private static string Describe(IReadOnlyList<Finding> findings)
        => findings.Count == 0 ? "(none)" : string.Join("\n", findings.Select(f => $"  {f} [{string.Join(", ", f.Suggestions)}]"));
}
