using System.Text.Json.Nodes;
using PolicyAsCode.Json;

namespace PolicyAsCode.Tests.Json;

/// <summary>
/// Real AWS managed policies must parse and round-trip. By default the 26 policies in TestData/managed-policies; set
/// <c>PAC_MANAGED_POLICIES_DIR</c> to a directory of <c>*.json</c> files (e.g. the 1,594 extracted by
/// src/tools/managed-policies/fetch.sh) to check the full corpus.
/// </summary>
public sealed class ManagedPolicyCorpusTests
{
    /// <summary>The environment variable naming a directory to read instead of the committed subset.</summary>
    public const string DirectoryVariable = "PAC_MANAGED_POLICIES_DIR";

    private static string CommittedDirectory => Path.Combine(AppContext.BaseDirectory, "TestData", "managed-policies");

    private static string CorpusDirectory =>
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } directory ? directory : CommittedDirectory;

    private static string[] PolicyFileNames(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"{DirectoryVariable}: no directory {directory}");
        var names = Directory.GetFiles(directory, "*.json").Select(f => Path.GetFileName(f)).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        if (names.Length == 0) throw new InvalidOperationException($"no *.json policy files in {directory}");
        return names;
    }

    public static TheoryData<string> PolicyFiles() => new(PolicyFileNames(CorpusDirectory));

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void ManagedPolicy_ParsesAndRoundTrips(string fileName)
    {
        byte[] utf8 = File.ReadAllBytes(Path.Combine(CorpusDirectory, fileName));

        var document = PolicyJson.Parse(utf8);

        string indented = PolicyJson.Write(document);
        string minified = PolicyJson.Write(document, indented: false);
        Assert.Equal(document, PolicyJson.Parse(indented));
        Assert.Equal(document, PolicyJson.Parse(minified));
        // An oracle independent of the reader: the source normalized with System.Text.Json's DOM must say the same.
        Assert.True(JsonNode.DeepEquals(Canonicalize(JsonNode.Parse(utf8)!), JsonNode.Parse(minified)), $"{fileName} reads as {minified}");
    }

    [Fact]
    public void CommittedSubset_CoversTheGrammarTheCorpusUses()
    {
        var documents = PolicyFileNames(CommittedDirectory).ToDictionary(
            name => Path.GetFileNameWithoutExtension(name),
            name => PolicyJson.Parse(File.ReadAllBytes(Path.Combine(CommittedDirectory, name))));
        var statements = documents.Values.SelectMany(d => d.Statements).ToArray();
        var operators = statements.SelectMany(s => s.Conditions).Select(c => c.Operator).ToArray();

        Assert.Superset(
            new HashSet<string> { "ReadOnlyAccess", "AdministratorAccess", "PowerUserAccess", "IAMUserChangePassword", "AmazonS3ReadOnlyAccess" },
            documents.Keys.ToHashSet());
        Assert.Contains(statements, s => s.Action.IsNot);
        Assert.Contains(statements, s => s.Resource is { IsNot: true });
        Assert.Contains(statements, s => s.Effect == Effect.Deny);
        Assert.Contains(statements, s => s.Resource is { } r && r.Values.Any(v => v.Contains("${", StringComparison.Ordinal)));
        Assert.Contains(operators, o => o.Qualifier == SetQualifier.ForAllValues);
        Assert.Contains(operators, o => o.Qualifier == SetQualifier.ForAnyValue);
        Assert.Contains(operators, o => o.IfExists);
        Assert.Contains(operators, o => o.IsNegated);
        foreach (var family in new[] { ConditionOperatorFamily.String, ConditionOperatorFamily.Numeric, ConditionOperatorFamily.Bool, ConditionOperatorFamily.Arn, ConditionOperatorFamily.Null })
        {
            Assert.Contains(operators, o => o.Family == family);
        }
        Assert.Contains(documents.Values, d => PolicyJson.Write(d, indented: false).Length > 50_000);
        var statementObject = File.ReadAllText(Path.Combine(CommittedDirectory, "AWSElementalMediaLiveFullAccess.json"));
        Assert.IsType<JsonObject>(JsonNode.Parse(statementObject)!["Statement"]);
    }

    /// <summary>
    /// The canonical form of a policy per the writer's rules, computed on the DOM: element order, Statement always an
    /// array, one value as a string and several as an array, condition values as strings, principal types in the order
    /// AWS, CanonicalUser, Federated, Service.
    /// </summary>
    private static JsonObject Canonicalize(JsonNode source)
    {
        var policy = source.AsObject();
        var result = new JsonObject();
        Copy(policy, result, "Version");
        Copy(policy, result, "Id");
        var statements = policy["Statement"] is JsonArray array ? array.ToArray() : [policy["Statement"]];
        result["Statement"] = new JsonArray(statements.Select(s => (JsonNode)CanonicalizeStatement(s!.AsObject())).ToArray());
        return result;
    }

    private static JsonObject CanonicalizeStatement(JsonObject statement)
    {
        var result = new JsonObject();
        Copy(statement, result, "Sid");
        Copy(statement, result, "Effect");
        foreach (var name in new[] { "Principal", "NotPrincipal" })
        {
            if (statement[name] is JsonObject principal)
            {
                var types = new JsonObject();
                foreach (var type in new[] { "AWS", "CanonicalUser", "Federated", "Service" })
                {
                    if (principal[type] is { } values) types[type] = OneOrMany(values);
                }
                result[name] = types;
            }
            else if (statement[name] is { } wildcard)
            {
                result[name] = wildcard.DeepClone();
            }
        }
        foreach (var name in new[] { "Action", "NotAction", "Resource", "NotResource" })
        {
            if (statement[name] is { } values) result[name] = OneOrMany(values);
        }
        if (statement["Condition"] is JsonObject condition && condition.Count > 0)
        {
            var operators = new JsonObject();
            foreach (var (op, keys) in condition)
            {
                var block = new JsonObject();
                foreach (var (key, values) in keys!.AsObject()) block[key] = OneOrMany(values!);
                operators[op] = block;
            }
            result["Condition"] = operators;
        }
        return result;
    }

    private static void Copy(JsonObject from, JsonObject to, string name)
    {
        if (from[name] is { } value) to[name] = value.DeepClone();
    }

    /// <summary>A single value as a JSON string, several as an array of strings; numbers and booleans as their JSON text.</summary>
    private static JsonNode OneOrMany(JsonNode values)
    {
        var items = values is JsonArray array ? array.Select(v => v!).ToArray() : [values];
        var strings = items.Select(v => v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()).ToArray();
        return strings.Length == 1 ? JsonValue.Create(strings[0])! : new JsonArray(strings.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray());
    }
}
