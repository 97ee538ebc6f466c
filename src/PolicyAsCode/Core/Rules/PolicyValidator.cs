namespace PolicyAsCode.Rules;

/// <summary>What to validate a policy as.</summary>
public sealed class ValidationOptions
{
    /// <summary>Creates options for a policy of the given kind.</summary>
    public ValidationOptions(PolicyKind kind) => Kind = kind;

    /// <summary>The policy kind.</summary>
    public PolicyKind Kind { get; }

    /// <summary>For identity-based policies: managed or inline (which sets the size quota).</summary>
    public PolicyContainer Container { get; init; } = PolicyContainer.Managed;

    /// <summary>The trust policy size quota: 2,048 by default, adjustable up to 4,096.</summary>
    public int TrustPolicyQuota { get; init; } = 2048;

    /// <summary>The AWS service catalogue for the action, resource and condition-key checks; null skips them.</summary>
    public Catalogue.ServiceCatalogue? Catalogue { get; init; }

    /// <summary>Severity per rule id; a rule mapped to null is turned off.</summary>
    public IReadOnlyDictionary<string, FindingSeverity?>? Severities { get; init; }
}

/// <summary>
/// The rule engine: runs every rule over a policy of a given kind and returns the findings in document order. The
/// <c>pac validate</c> command, the runtime API and the Roslyn analyzers all call this one engine.
/// </summary>
public static class PolicyValidator
{
    /// <summary>Validates a policy.</summary>
    public static IReadOnlyList<Finding> Validate(PolicyDocument document, ValidationOptions options)
    {
        if (document is null) throw new ArgumentNullException(nameof(document));
        if (options is null) throw new ArgumentNullException(nameof(options));
        var context = new RuleContext(document, options);
        GrammarRules.Check(context);
        ConditionRules.Check(context);
        SecurityRules.Check(context);
        if (options.Catalogue is not null) CatalogueRules.Check(context);
        return context.Findings();
    }

    /// <summary>Validates a policy of the given kind with the default options.</summary>
    public static IReadOnlyList<Finding> Validate(PolicyDocument document, PolicyKind kind)
        => Validate(document, new ValidationOptions(kind));
}

/// <summary>What the rules see: the document, the options, and where findings go.</summary>
internal sealed class RuleContext
{
    private readonly List<Finding> _findings = [];

    public RuleContext(PolicyDocument document, ValidationOptions options)
    {
        Document = document;
        Options = options;
    }

    public PolicyDocument Document { get; }

    public ValidationOptions Options { get; }

    public PolicyKind Kind => Options.Kind;

    public void Report(PolicyRule rule, PolicyLocation location, string message, params string[] suggestions)
        => Report(rule, rule.DefaultSeverity, location, message, suggestions);

    /// <summary>Reports a finding whose severity, unless configured for the rule, is <paramref name="severity"/> rather than the rule's default.</summary>
    public void Report(PolicyRule rule, FindingSeverity severity, PolicyLocation location, string message, params string[] suggestions)
    {
        if (Options.Severities is { } severities && severities.TryGetValue(rule.Id, out var configured))
        {
            if (configured is null) return;
            severity = configured.Value;
        }
        _findings.Add(new Finding(rule, severity, message, location, EquatableArray.Create(suggestions)));
    }

    public IReadOnlyList<Finding> Findings()
    {
        // Document order: by statement, then element, then value; stable for findings at the same place. A condition's
        // operator, key and values are written together, so conditions are ordered as one element, condition by condition.
        return _findings
            .Select((finding, order) => (finding, order))
            .OrderBy(x => x.finding.Location.Statement)
            .ThenBy(x => x.finding.Location.Element < PolicyElementKind.ConditionOperator ? x.finding.Location.Element : PolicyElementKind.ConditionOperator)
            .ThenBy(x => x.finding.Location.ValueIndex)
            .ThenBy(x => x.finding.Location.Element)
            .ThenBy(x => x.finding.Location.ConditionValueIndex)
            .ThenBy(x => x.order)
            .Select(x => x.finding)
            .ToList();
    }
}

/// <summary>Builds <see cref="PolicyLocation"/>s with the JSON paths of the canonical layout.</summary>
internal static class Locations
{
    public static PolicyLocation Version() => new(PolicyElementKind.Version, -1, -1, -1, "$.Version");

    public static PolicyLocation Statement(int statement) => new(PolicyElementKind.Statement, statement, -1, -1, $"$.Statement[{statement}]");

    public static PolicyLocation Sid(int statement) => new(PolicyElementKind.Sid, statement, -1, -1, $"$.Statement[{statement}].Sid");

    public static PolicyLocation Effect(int statement) => new(PolicyElementKind.Effect, statement, -1, -1, $"$.Statement[{statement}].Effect");

    public static PolicyLocation PrincipalElement(int statement, PrincipalElement principal)
        => new(PolicyElementKind.Principal, statement, -1, -1, $"$.Statement[{statement}].{principal.ElementName}");

    public static PolicyLocation Principal(int statement, PrincipalElement principal, int index)
    {
        var ids = principal.Ids;
        var type = ids[index].Type;
        int count = 0, position = 0;
        for (int i = 0; i < ids.Count; i++)
        {
            if (ids[i].Type != type) continue;
            if (i < index) position++;
            count++;
        }
        string path = $"$.Statement[{statement}].{principal.ElementName}.{PrincipalId.JsonName(type)}" + (count > 1 ? $"[{position}]" : "");
        return new(PolicyElementKind.Principal, statement, index, -1, path);
    }

    public static PolicyLocation ActionElement(int statement, ActionElement action)
        => new(PolicyElementKind.Action, statement, -1, -1, $"$.Statement[{statement}].{action.ElementName}");

    public static PolicyLocation Action(int statement, ActionElement action, int index)
        => new(PolicyElementKind.Action, statement, index, -1, $"$.Statement[{statement}].{action.ElementName}" + (action.Values.Count > 1 ? $"[{index}]" : ""));

    public static PolicyLocation ResourceElement(int statement, ResourceElement resource)
        => new(PolicyElementKind.Resource, statement, -1, -1, $"$.Statement[{statement}].{resource.ElementName}");

    public static PolicyLocation Resource(int statement, ResourceElement resource, int index)
        => new(PolicyElementKind.Resource, statement, index, -1, $"$.Statement[{statement}].{resource.ElementName}" + (resource.Values.Count > 1 ? $"[{index}]" : ""));

    public static PolicyLocation ConditionOperator(int statement, Condition condition, int index)
        => new(PolicyElementKind.ConditionOperator, statement, index, -1, $"$.Statement[{statement}].Condition.{condition.Operator.Name}");

    public static PolicyLocation ConditionKey(int statement, Condition condition, int index)
        => new(PolicyElementKind.ConditionKey, statement, index, -1, $"$.Statement[{statement}].Condition.{condition.Operator.Name}.{condition.Key}");

    public static PolicyLocation ConditionValue(int statement, Condition condition, int index, int valueIndex)
        => new(PolicyElementKind.ConditionValue, statement, index, valueIndex,
            $"$.Statement[{statement}].Condition.{condition.Operator.Name}.{condition.Key}" + (condition.Values.Count > 1 ? $"[{valueIndex}]" : ""));
}
