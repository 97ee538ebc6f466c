namespace PolicyAsCode;

/// <summary>Whether a statement allows or denies.</summary>
public enum Effect
{
    /// <summary><c>"Effect": "Allow"</c>.</summary>
    Allow,

    /// <summary><c>"Effect": "Deny"</c>.</summary>
    Deny,
}

/// <summary>One statement of a policy document.</summary>
/// <remarks>Immutable and compared by value; shared with the source generator.</remarks>
public sealed record Statement
{
    /// <summary>Creates a statement.</summary>
    public Statement(Effect effect, ActionElement action)
    {
        Effect = effect;
        Action = action;
    }

    /// <summary>The optional statement id.</summary>
    public string? Sid { get; init; }

    /// <summary>Allow or Deny.</summary>
    public Effect Effect { get; init; }

    /// <summary>The <c>Principal</c> or <c>NotPrincipal</c> element; null when the statement has neither.</summary>
    public PrincipalElement? Principal { get; init; }

    /// <summary>The <c>Action</c> or <c>NotAction</c> element.</summary>
    public ActionElement Action { get; init; }

    /// <summary>The <c>Resource</c> or <c>NotResource</c> element; null when the statement has neither (trust policies).</summary>
    public ResourceElement? Resource { get; init; }

    /// <summary>The conditions, one per operator and key; all must hold.</summary>
    public EquatableArray<Condition> Conditions { get; init; }
}

/// <summary>The <c>Action</c> (or, when <see cref="IsNot"/>, <c>NotAction</c>) element of a statement.</summary>
/// <param name="IsNot">True for <c>NotAction</c>: the statement applies to every action except those listed.</param>
/// <param name="Values">Action patterns such as <c>s3:GetObject</c>, <c>s3:Get*</c> or <c>*</c>.</param>
public sealed record ActionElement(bool IsNot, EquatableArray<string> Values)
{
    /// <summary>An <c>Action</c> element listing the given actions.</summary>
    public static ActionElement Of(params string[] actions) => new(false, EquatableArray.Create(actions));

    /// <summary>A <c>NotAction</c> element listing the given actions.</summary>
    public static ActionElement Except(params string[] actions) => new(true, EquatableArray.Create(actions));

    /// <summary>The JSON element name: <c>Action</c> or <c>NotAction</c>.</summary>
    public string ElementName => IsNot ? "NotAction" : "Action";
}

/// <summary>The <c>Resource</c> (or, when <see cref="IsNot"/>, <c>NotResource</c>) element of a statement.</summary>
/// <param name="IsNot">True for <c>NotResource</c>: the statement applies to every resource except those listed.</param>
/// <param name="Values">ARN patterns, or <c>*</c>.</param>
public sealed record ResourceElement(bool IsNot, EquatableArray<string> Values)
{
    /// <summary>A <c>Resource</c> element listing the given ARNs.</summary>
    public static ResourceElement Of(params string[] arns) => new(false, EquatableArray.Create(arns));

    /// <summary>A <c>NotResource</c> element listing the given ARNs.</summary>
    public static ResourceElement Except(params string[] arns) => new(true, EquatableArray.Create(arns));

    /// <summary>The JSON element name: <c>Resource</c> or <c>NotResource</c>.</summary>
    public string ElementName => IsNot ? "NotResource" : "Resource";
}

/// <summary>One condition of a statement: an operator, a context key and the values it is compared with.</summary>
/// <param name="Operator">The condition operator, e.g. <c>StringEquals</c> or <c>ForAnyValue:StringLikeIfExists</c>.</param>
/// <param name="Key">The condition key as written, e.g. <c>aws:SourceIp</c>; AWS matches keys case-insensitively.</param>
/// <param name="Values">The values; a request value matching any one of them satisfies the condition (OR).</param>
public sealed record Condition(ConditionOperator Operator, string Key, EquatableArray<string> Values);
