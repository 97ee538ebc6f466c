namespace PolicyAsCode;

/// <summary>
/// An IAM action or action pattern such as <c>s3:GetObject</c> or <c>s3:Get*</c>. The typed members of
/// <c>PolicyAsCode.Aws</c> (<c>S3.GetObject</c>) give every action AWS documents; a string converts implicitly, and the
/// analyzers check such strings against the catalogue.
/// </summary>
/// <param name="Value">The action as written in a policy.</param>
public readonly record struct IamAction(string Value)
{
    /// <summary>Every action: <c>*</c>.</summary>
    public static IamAction All => new("*");

    /// <summary>An action given as a string.</summary>
    public static implicit operator IamAction(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value;
}

/// <summary>
/// A resource in a policy: an ARN, possibly with <c>*</c>, <c>?</c> and policy variables, or <c>*</c>. Built with the ARN
/// builders of <see cref="Arn"/> (<c>Arn.S3.Object("my-bucket", "*")</c>) or from a string.
/// </summary>
/// <param name="Value">The resource as written in a policy.</param>
public readonly record struct ResourceArn(string Value)
{
    /// <summary>Every resource: <c>*</c>.</summary>
    public static ResourceArn All => new("*");

    /// <summary>A resource given as a string.</summary>
    public static implicit operator ResourceArn(string value) => new(value);

    /// <summary>A concrete ARN as a resource.</summary>
    public static implicit operator ResourceArn(Arn arn) => new(arn.ToString());

    /// <inheritdoc/>
    public override string ToString() => Value;
}
