namespace PolicyAsCode;

/// <summary>
/// Declares a customer managed policy: on a static property or field of type <see cref="IdentityPolicy"/>. The source
/// generator emits its JSON (written to <c>iam/&lt;name&gt;.json</c> at build) and a compiled evaluator.
/// </summary>
/// <param name="name">The IAM policy name (1 to 128 characters: letters, digits and <c>+=,.@-_</c>).</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class ManagedPolicyAttribute(string name) : Attribute
{
    /// <summary>The IAM policy name.</summary>
    public string Name { get; } = name;

    /// <summary>An optional description of the policy.</summary>
    public string? Description { get; init; }
}

/// <summary>
/// Declares a resource-based policy (a bucket policy, a queue policy, ...): on a static property or field of type
/// <see cref="ResourcePolicy"/>. The generator emits its JSON (<c>iam/&lt;name&gt;.json</c>) and a compiled evaluator.
/// </summary>
/// <param name="name">A name for the file and the registry.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class ResourcePolicyAttribute(string name) : Attribute
{
    /// <summary>The policy's name.</summary>
    public string Name { get; } = name;
}

/// <summary>
/// Declares an IAM role: on a static property or field of type <see cref="Role"/>. The generator emits its trust policy
/// (<c>iam/&lt;name&gt;.trust.json</c>), its inline policies, its entry in <c>iam/manifest.json</c>, and compiled evaluators.
/// </summary>
/// <param name="name">The IAM role name (1 to 64 characters: letters, digits and <c>+=,.@-_</c>).</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class RoleAttribute(string name) : Attribute
{
    /// <summary>The IAM role name.</summary>
    public string Name { get; } = name;
}

/// <summary>
/// Declares an AWS Organizations service control policy: on a static property or field of type
/// <see cref="ServiceControlPolicy"/>. The generator emits its JSON (<c>iam/&lt;name&gt;.json</c>, kind <c>scp</c> in the
/// manifest) and a compiled evaluator; the analyzers validate it as an SCP.
/// </summary>
/// <param name="name">The policy name in AWS Organizations (1 to 128 letters, digits and <c>+=,.@-_</c> here, as it also names the file).</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class ServiceControlPolicyAttribute(string name) : Attribute
{
    /// <summary>The policy name.</summary>
    public string Name { get; } = name;
}

/// <summary>
/// Declares an AWS Organizations resource control policy: on a static property or field of type
/// <see cref="ResourceControlPolicy"/>. The generator emits its JSON (<c>iam/&lt;name&gt;.json</c>, kind <c>rcp</c> in the
/// manifest) and a compiled evaluator; the analyzers validate it as an RCP.
/// </summary>
/// <param name="name">The policy name in AWS Organizations (1 to 128 letters, digits and <c>+=,.@-_</c> here, as it also names the file).</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class ResourceControlPolicyAttribute(string name) : Attribute
{
    /// <summary>The policy name.</summary>
    public string Name { get; } = name;
}
