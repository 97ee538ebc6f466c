namespace PolicyAsCode;

/// <summary>The policies that apply to a request, by the role each plays in AWS's evaluation logic.</summary>
public sealed class PolicySet
{
    /// <summary>The caller's identity-based policies (attached to its user, group or role).</summary>
    public IReadOnlyList<PreparedPolicy> IdentityPolicies { get; init; } = [];

    /// <summary>
    /// The resource's resource-based policy (a bucket policy, a role's trust policy, a KMS key policy, ...), if any. A role's
    /// trust policy (for assuming the role) and a key policy must allow even in the same account, so without one those
    /// requests are denied.
    /// </summary>
    public PreparedPolicy? ResourcePolicy { get; init; }

    /// <summary>The permissions boundary of the caller's user or role, if any.</summary>
    public PreparedPolicy? PermissionsBoundary { get; init; }

    /// <summary>
    /// Service control policies of the caller's account, one per organization level from the root down to the account:
    /// each must allow the request. Empty when the account is not governed by SCPs.
    /// </summary>
    public IReadOnlyList<PreparedPolicy> ServiceControlPolicies { get; init; } = [];

    /// <summary>
    /// The session policies passed when the caller's session was created (inline and managed, which together form the
    /// session policy), or empty when the session has none.
    /// </summary>
    public IReadOnlyList<PreparedPolicy> SessionPolicies { get; init; } = [];

    /// <summary>A set with only identity-based policies.</summary>
    public static PolicySet Identity(params PreparedPolicy[] policies) => new() { IdentityPolicies = policies };
}
