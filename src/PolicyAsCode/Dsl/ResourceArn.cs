using PolicyAsCode.Dsl;

namespace PolicyAsCode;

/// <summary>
/// A resource in a policy: an ARN, possibly with <c>*</c>, <c>?</c> and policy variables, or <c>*</c>. Built with the ARN
/// builders of <see cref="Arn"/> (<c>Arn.S3.Object("my-bucket", "*")</c>) or from a string.
/// </summary>
/// <param name="Value">The resource as written in a policy.</param>
[DslMember(DslOp.Resource)]
public readonly record struct ResourceArn(string Value)
{
    /// <summary>Every resource: <c>*</c>.</summary>
    [DslMember(DslOp.Resource, Value = "*")]
    public static ResourceArn All => new("*");

    /// <summary>A resource given as a string.</summary>
    public static implicit operator ResourceArn(string value) => new(value);

    /// <summary>A concrete ARN as a resource (a parsed <see cref="Arn"/> exists only at run time).</summary>
    [DslMember(DslOp.RuntimeOnly)]
    public static implicit operator ResourceArn(Arn arn) => new(arn.ToString());

    /// <inheritdoc/>
    [DslMember(DslOp.RuntimeOnly)]
    public override string ToString() => Value;
}
