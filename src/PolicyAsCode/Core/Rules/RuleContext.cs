namespace PolicyAsCode.Rules;

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
