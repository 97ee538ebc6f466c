using PolicyAsCode.Dsl;

namespace PolicyAsCode;

/// <summary>
/// An IAM action or action pattern such as <c>s3:GetObject</c> or <c>s3:Get*</c>. The typed members of
/// <c>PolicyAsCode.Aws</c> (<c>S3.GetObject</c>) give every action AWS documents; a string converts implicitly, and the
/// analyzers check such strings against the catalogue.
/// </summary>
/// <param name="Value">The action as written in a policy.</param>
[DslMember(DslOp.Action)]
public readonly record struct IamAction(string Value)
{
    /// <summary>Every action: <c>*</c>.</summary>
    [DslMember(DslOp.Action, Value = "*")]
    public static IamAction All => new("*");

    /// <summary>An action given as a string.</summary>
    public static implicit operator IamAction(string value) => new(value);

    /// <inheritdoc/>
    [DslMember(DslOp.RuntimeOnly)]
    public override string ToString() => Value;
}
