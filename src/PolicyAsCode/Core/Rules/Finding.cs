namespace PolicyAsCode.Rules;

/// <summary>How serious a finding is.</summary>
public enum FindingSeverity
{
    /// <summary>AWS rejects the policy, or it cannot do what it says.</summary>
    Error,

    /// <summary>The policy is accepted but very likely wrong or dangerous.</summary>
    Warning,

    /// <summary>A suggestion.</summary>
    Info,
}

/// <summary>The element of a policy a finding is about.</summary>
public enum PolicyElementKind
{
    /// <summary>The whole document.</summary>
    Document,
    /// <summary><c>Version</c>.</summary>
    Version,
    /// <summary>A whole statement.</summary>
    Statement,
    /// <summary><c>Sid</c>.</summary>
    Sid,
    /// <summary><c>Effect</c>.</summary>
    Effect,
    /// <summary><c>Principal</c> or <c>NotPrincipal</c>.</summary>
    Principal,
    /// <summary><c>Action</c> or <c>NotAction</c>.</summary>
    Action,
    /// <summary><c>Resource</c> or <c>NotResource</c>.</summary>
    Resource,
    /// <summary>An operator of <c>Condition</c>.</summary>
    ConditionOperator,
    /// <summary>A key of <c>Condition</c>.</summary>
    ConditionKey,
    /// <summary>A value of <c>Condition</c>.</summary>
    ConditionValue,
}

/// <summary>
/// Where in a policy a finding is: a statement, an element and, for lists, a value. Front ends map it to what they show:
/// a JSON path and line (pac validate), or a source span (the analyzers).
/// </summary>
/// <param name="Element">The element.</param>
/// <param name="Statement">The statement index, or -1 for the document.</param>
/// <param name="ValueIndex">The index of the value within the element (an action, a resource, a principal id, a condition), or -1.</param>
/// <param name="ConditionValueIndex">For condition values, the index of the value within the condition, or -1.</param>
/// <param name="JsonPath">The JSON path, e.g. <c>$.Statement[1].Action[0]</c>.</param>
public sealed record PolicyLocation(PolicyElementKind Element, int Statement, int ValueIndex, int ConditionValueIndex, string JsonPath)
{
    /// <summary>The whole document.</summary>
    public static PolicyLocation Document { get; } = new(PolicyElementKind.Document, -1, -1, -1, "$");

    /// <inheritdoc/>
    public override string ToString() => JsonPath;
}

/// <summary>One problem found in a policy.</summary>
/// <param name="Rule">The rule that found it.</param>
/// <param name="Severity">
/// Its severity: the rule's default, or for a few findings one its rule page names (PAC002 and PAC003 on names AWS managed
/// policies use are warnings), unless configured otherwise.
/// </param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Location">Where.</param>
/// <param name="Suggestions">Replacement values a code fix can offer (e.g. <c>s3:GetObject</c> for <c>s3:GetObjet</c>).</param>
public sealed record Finding(PolicyRule Rule, FindingSeverity Severity, string Message, PolicyLocation Location, EquatableArray<string> Suggestions)
{
    /// <summary>The rule id, e.g. <c>PAC001</c>.</summary>
    public string Id => Rule.Id;

    /// <inheritdoc/>
    public override string ToString() => $"{Location.JsonPath}: {Severity.ToString().ToLowerInvariant()} {Rule.Id}: {Message}";
}
