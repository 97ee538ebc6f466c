using PolicyAsCode.Catalogue;
using PolicyAsCode.Dsl;
using PolicyAsCode.Json;

namespace PolicyAsCode;

/// <summary>
/// An IAM role: who may assume it (its trust policy) and what it may do (attached and inline policies), immutable and
/// built fluently: <c>Role.Define().TrustedBy(Principal.Account("444455556666")).Attach(ReadMyBucket)</c>.
/// </summary>
public sealed class Role
{
    private readonly IdentityPolicy[] _attachedDeclared;

    private Role(RoleDraft draft, IdentityPolicy[] attachedDeclared)
    {
        Draft = draft;
        _attachedDeclared = attachedDeclared;
    }

    /// <summary>The declaration state (shared with the source generator).</summary>
    [DslMember(DslOp.RuntimeOnly)]
    public RoleDraft Draft { get; }

    /// <summary>Starts a role.</summary>
    [DslMember(DslOp.DefineRole)]
    public static Role Define() => new(RoleDraft.Empty, []);

    /// <summary>Lets the principals assume the role, each in its own trust statement.</summary>
    [DslMember(DslOp.TrustedBy)]
    public Role TrustedBy(params Principal[] principals)
        => new(Draft.TrustedBy((principals ?? throw new ArgumentNullException(nameof(principals))).Select(p => p.Spec)), _attachedDeclared);

    /// <summary>Attaches a customer managed policy declared in code (with <see cref="ManagedPolicyAttribute"/>).</summary>
    /// <remarks>At run time the policy's IAM name is not known; the generated manifest names it.</remarks>
    /// <exception cref="DslException">The same policy is already attached.</exception>
    [DslMember(DslOp.Attach)]
    public Role Attach(IdentityPolicy policy)
    {
        if (policy is null) throw new ArgumentNullException(nameof(policy));
        return new(Draft.AttachDeclared(null, policy.Document), [.. _attachedDeclared, policy]);
    }

    /// <summary>Attaches an AWS managed policy: <c>Attach(AwsManaged.ReadOnlyAccess)</c>.</summary>
    [DslMember(DslOp.Attach)]
    public Role Attach(AwsManagedPolicy policy) => new(Draft.Attach(new AttachedPolicy(policy.Name, policy.Arn)), _attachedDeclared);

    /// <summary>Attaches an existing managed policy by ARN.</summary>
    [DslMember(DslOp.AttachArn)]
    public Role AttachArn(string policyArn) => new(Draft.AttachArn(policyArn), _attachedDeclared);

    /// <summary>Adds an inline policy.</summary>
    [DslMember(DslOp.Inline)]
    public Role Inline(string name, IdentityPolicy policy) => new(Draft.WithInline(name, policy.Document), _attachedDeclared);

    /// <summary>Sets an AWS managed policy as the permissions boundary.</summary>
    [DslMember(DslOp.PermissionsBoundary)]
    public Role PermissionsBoundary(AwsManagedPolicy policy) => new(Draft.WithBoundary(new AttachedPolicy(policy.Name, policy.Arn)), _attachedDeclared);

    /// <summary>Sets the maximum session duration (1 to 12 hours).</summary>
    [DslMember(DslOp.MaxSession)]
    public Role MaxSession(TimeSpan duration) => new(Draft.WithMaxSession(duration.TotalSeconds), _attachedDeclared);

    /// <summary>Sets the role's path, e.g. <c>/service-roles/</c>.</summary>
    [DslMember(DslOp.RolePath)]
    public Role Path(string path) => new(Draft.WithPath(path), _attachedDeclared);

    /// <summary>Sets the role's description.</summary>
    [DslMember(DslOp.RoleDescription)]
    public Role Description(string description) => new(Draft.WithDescription(description), _attachedDeclared);

    /// <summary>The trust policy.</summary>
    [DslMember(DslOp.RuntimeOnly)]
    public PolicyDocument TrustPolicy => Draft.TrustPolicy();

    /// <summary>The trust policy as canonical JSON.</summary>
    [DslMember(DslOp.RuntimeOnly)]
    public string TrustPolicyJson => PolicyJson.Write(TrustPolicy);

    /// <summary>The policies declared in code and attached to the role.</summary>
    [DslMember(DslOp.RuntimeOnly)]
    public IReadOnlyList<IdentityPolicy> AttachedPolicies => _attachedDeclared;

    /// <summary>
    /// The role's permissions as AWS evaluates a request of one of its sessions: attached policies (declared and AWS
    /// managed) and inline policies as identity-based policies, the boundary if any.
    /// </summary>
    [DslMember(DslOp.RuntimeOnly)]
    public PolicySet SessionPolicySet()
    {
        var identity = new List<PreparedPolicy>();
        foreach (var declared in Draft.Declared) identity.Add(new PreparedPolicy(declared.Document));
        foreach (var attached in Draft.Attached)
        {
            if (AwsManagedPolicies.TryGetByArn(attached.Arn, out var managed)) identity.Add(new PreparedPolicy(managed.Document, managed.Name));
        }
        foreach (var inline in Draft.Inline) identity.Add(new PreparedPolicy(inline.Document, inline.Name));
        PreparedPolicy? boundary = Draft.Boundary?.Arn is { } boundaryArn && AwsManagedPolicies.TryGetByArn(boundaryArn, out var b)
            ? new PreparedPolicy(b.Document, b.Name) : null;
        return new PolicySet { IdentityPolicies = identity, PermissionsBoundary = boundary };
    }
}
