namespace PolicyAsCode;

/// <summary>The policies that apply to a request, by the role each plays in AWS's evaluation logic.</summary>
public sealed class PolicySet
{
    private PreparedPolicy[][]? _scpLevels;
    private PreparedPolicy[][]? _rcpLevels;

    private PreparedPolicy[]? _identityPolicies = [];
    private PreparedPolicy[]? _sessionPolicies = [];

    /// <summary>The caller's identity-based policies (attached to its user, group or role); copied when set.</summary>
    public IReadOnlyList<PreparedPolicy> IdentityPolicies
    {
        get => _identityPolicies!;
        init => _identityPolicies = value?.ToArray();
    }

    /// <summary>
    /// The resource's resource-based policy (a bucket policy, a role's trust policy, a KMS key policy, ...), if any. A role's
    /// trust policy (for assuming the role) and a key policy must allow even in the same account, so without one those
    /// requests are denied.
    /// </summary>
    public PreparedPolicy? ResourcePolicy { get; init; }

    /// <summary>The permissions boundary of the caller's user or role, if any.</summary>
    public PreparedPolicy? PermissionsBoundary { get; init; }

    /// <summary>
    /// Service control policies of the caller's account, one policy per organization level from the root down to the
    /// account: each must allow the request. Empty when the account is not governed by SCPs. For levels with several
    /// policies attached (AWS's <c>FullAWSAccess</c> beside guardrails), use <see cref="ServiceControlPolicyLevels"/>; a
    /// set may use both, and then each policy here is a level of its own beside those.
    /// </summary>
    public IReadOnlyList<PreparedPolicy> ServiceControlPolicies { get; init; } = [];

    /// <summary>
    /// Service control policies of the caller's account by organization level, from the root down to the account, each
    /// level the policies attached there. AWS Organizations User Guide, "SCP evaluation": a level allows the request when
    /// a policy attached there allows it; every level must allow; a Deny in any policy denies. A level with no policies
    /// allows nothing.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<PreparedPolicy>> ServiceControlPolicyLevels { get; init; } = [];

    /// <summary>
    /// The session policies passed when the caller's session was created (inline and managed, which together form the
    /// session policy), or empty when the session has none. Copied when set.
    /// </summary>
    public IReadOnlyList<PreparedPolicy> SessionPolicies
    {
        get => _sessionPolicies!;
        init => _sessionPolicies = value?.ToArray();
    }

    /// <summary>
    /// Resource control policies of the resource's account, one policy per organization level from the root down to the
    /// account (see <see cref="ResourceControlPolicyLevels"/> for levels with several policies; both may be used). Empty
    /// when the resource's account is not governed by RCPs.
    /// </summary>
    public IReadOnlyList<PreparedPolicy> ResourceControlPolicies { get; init; } = [];

    /// <summary>
    /// Resource control policies of the resource's account by organization level, from the root down to the account.
    /// AWS Organizations User Guide, "Resource control policies (RCPs)" and "RCP evaluation": RCPs grant nothing and only
    /// restrict; every level must allow (AWS attaches <c>RCPFullAWSAccess</c> to each by default) and a Deny in any of them
    /// denies. They apply only to the services AWS lists as supporting RCPs, and not to resources of the management
    /// account (<see cref="ManagementAccount"/>), to AWS managed KMS keys (<see cref="ResourceIsAwsManagedKey"/>) or to
    /// service-linked roles.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<PreparedPolicy>> ResourceControlPolicyLevels { get; init; } = [];

    /// <summary>
    /// The organization's management account, if known: SCPs do not apply to its users and roles, nor RCPs to its
    /// resources (AWS Organizations User Guide, "Service control policies" and "Resource control policies").
    /// </summary>
    public string? ManagementAccount { get; init; }

    /// <summary>
    /// Whether the request's resource is an AWS managed KMS key (created and used by an AWS service, whose key policy
    /// customers cannot change): RCPs do not apply to it (AWS KMS Developer Guide, "Resource control policies in AWS KMS").
    /// Aliases under <c>alias/aws/</c> are recognised without it.
    /// </summary>
    public bool ResourceIsAwsManagedKey { get; init; }

    /// <summary>A set with only identity-based policies.</summary>
    public static PolicySet Identity(params PreparedPolicy[] policies) => new() { IdentityPolicies = policies };

    /// <summary>
    /// The identity-based policies as an array: a decision walks it by index, without the interface calls (an array
    /// behind <see cref="IReadOnlyList{T}"/> dispatches each <c>Count</c> and indexer through a stub).
    /// </summary>
    internal PreparedPolicy[] IdentityArray => _identityPolicies ?? throw new ArgumentException("The set's IdentityPolicies is null.");

    /// <summary>The session policies as an array (see <see cref="IdentityArray"/>).</summary>
    internal PreparedPolicy[] SessionArray => _sessionPolicies ?? throw new ArgumentException("The set's SessionPolicies is null.");

    /// <summary>The SCP levels of both forms, built once per set so that a decision allocates nothing.</summary>
    internal PreparedPolicy[][] ScpLevels => _scpLevels ??= Levels(ServiceControlPolicies, ServiceControlPolicyLevels);

    /// <summary>The RCP levels of both forms, built once per set.</summary>
    internal PreparedPolicy[][] RcpLevels => _rcpLevels ??= Levels(ResourceControlPolicies, ResourceControlPolicyLevels);

    private static PreparedPolicy[][] Levels(IReadOnlyList<PreparedPolicy>? single, IReadOnlyList<IReadOnlyList<PreparedPolicy>>? levels)
    {
        var result = new List<PreparedPolicy[]>();
        foreach (var policy in single ?? []) result.Add([policy ?? throw new ArgumentException("A policy of an organization level is null.")]);
        foreach (var level in levels ?? [])
        {
            if (level is null) throw new ArgumentException("An organization level is null.");
            var policies = level.ToArray();
            if (Array.Exists(policies, p => p is null)) throw new ArgumentException("A policy of an organization level is null.");
            result.Add(policies);
        }
        return [.. result];
    }
}
