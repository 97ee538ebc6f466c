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

    /// <summary>Sets an AWS managed policy as the permissions boundary: <c>PermissionsBoundary(AwsManaged.PowerUserAccess)</c>.</summary>
    /// <exception cref="DslException">The role has a permissions boundary already.</exception>
    [DslMember(DslOp.PermissionsBoundary)]
    public Role PermissionsBoundary(AwsManagedPolicy policy)
        => new(Draft.WithBoundary(new AttachedPolicy((policy ?? throw new ArgumentNullException(nameof(policy))).Name, policy.Arn)), _attachedDeclared);

    /// <summary>
    /// Sets a customer managed policy declared in code (with <see cref="ManagedPolicyAttribute"/>) as the permissions
    /// boundary: <c>PermissionsBoundary(DeveloperBoundary)</c>. AWS then allows the role's sessions only what both its
    /// policies and the boundary allow; the manifest and the deployment outputs reference the declared policy.
    /// </summary>
    /// <exception cref="DslException">The role has a permissions boundary already.</exception>
    [DslMember(DslOp.PermissionsBoundary)]
    public Role PermissionsBoundary(IdentityPolicy policy)
        => new(Draft.WithDeclaredBoundary(null, (policy ?? throw new ArgumentNullException(nameof(policy))).Document), _attachedDeclared);

    /// <summary>Sets an existing managed policy as the permissions boundary, by its ARN (<c>arn:aws:iam::ACCOUNT:policy/NAME</c>).</summary>
    /// <exception cref="DslException">The ARN is not a managed policy's, or the role has a permissions boundary already.</exception>
    [DslMember(DslOp.PermissionsBoundaryArn)]
    public Role PermissionsBoundaryArn(string policyArn) => new(Draft.WithBoundaryArn(policyArn), _attachedDeclared);

    /// <summary>Sets an existing managed policy as the permissions boundary, by its ARN: <c>PermissionsBoundaryArn(Iam.Arn.Policy(account, "boundary"))</c>.</summary>
    /// <exception cref="DslException">The ARN is not a managed policy's, or the role has a permissions boundary already.</exception>
    [DslMember(DslOp.PermissionsBoundaryArn)]
    public Role PermissionsBoundaryArn(ResourceArn policyArn) => new(Draft.WithBoundaryArn(policyArn.Value), _attachedDeclared);

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
    /// The role's permissions as AWS evaluates a request of one of its sessions (IAM User Guide, "Policy evaluation
    /// logic"): its attached policies (declared in code and AWS managed) and inline policies as identity-based policies,
    /// and its permissions boundary. Decide with it as it is, <c>Authorizer.Explain(request, role.SessionPolicySet())</c>,
    /// or copy its <see cref="PolicySet.IdentityPolicies"/> and <see cref="PolicySet.PermissionsBoundary"/> into a new
    /// <see cref="PolicySet"/> beside a resource policy, SCPs or session policies.
    /// </summary>
    /// <remarks>
    /// Policies appear in explanations under their IAM names: a policy declared with <see cref="ManagedPolicyAttribute"/>
    /// under its attribute's name (looked up in the generated registry of the loaded assemblies, <see cref="IamRegistry"/>),
    /// AWS managed and inline policies under theirs. A policy attached (or a boundary set) by the ARN of an existing
    /// customer managed policy has a document only AWS knows: this overload throws for it; pass the documents to
    /// <see cref="SessionPolicySet(IReadOnlyDictionary{string, PolicyDocument})"/>.
    /// </remarks>
    /// <exception cref="InvalidOperationException">A policy attached or set as boundary by ARN is neither AWS managed nor given.</exception>
    [DslMember(DslOp.RuntimeOnly)]
    public PolicySet SessionPolicySet() => SessionPolicySet(new Dictionary<string, PolicyDocument>());

    /// <summary>
    /// <see cref="SessionPolicySet()"/>, with the documents of the existing managed policies the role attaches (or uses as
    /// its boundary) by ARN: <c>SessionPolicySet(new Dictionary&lt;string, PolicyDocument&gt; { ["arn:aws:iam::111122223333:policy/legacy"] = legacy })</c>.
    /// </summary>
    /// <param name="policiesByArn">Documents by policy ARN (exact). AWS managed policies come from the embedded catalogue and need not be given.</param>
    /// <exception cref="InvalidOperationException">A policy attached or set as boundary by ARN is neither AWS managed nor given.</exception>
    [DslMember(DslOp.RuntimeOnly)]
    public PolicySet SessionPolicySet(IReadOnlyDictionary<string, PolicyDocument> policiesByArn)
    {
        if (policiesByArn is null) throw new ArgumentNullException(nameof(policiesByArn));
        var identity = new List<PreparedPolicy>();
        foreach (var declared in Draft.Declared) identity.Add(new PreparedPolicy(declared.Document, declared.Name ?? IamRegistry.ManagedPolicyName(declared.Document)));
        foreach (var attached in Draft.Attached) identity.Add(ByArn(attached, "attaches", policiesByArn));
        foreach (var inline in Draft.Inline) identity.Add(new PreparedPolicy(inline.Document, inline.Name));
        PreparedPolicy? boundary = Draft.DeclaredBoundary is { } declaredBoundary
            ? new PreparedPolicy(declaredBoundary.Document, declaredBoundary.Name ?? IamRegistry.ManagedPolicyName(declaredBoundary.Document))
            : Draft.Boundary is { } byArn ? ByArn(byArn, "has the permissions boundary", policiesByArn) : null;
        return new PolicySet { IdentityPolicies = identity, PermissionsBoundary = boundary };
    }

    private static PreparedPolicy ByArn(AttachedPolicy policy, string what, IReadOnlyDictionary<string, PolicyDocument> policiesByArn)
    {
        if (policiesByArn.TryGetValue(policy.Arn, out var given) && given is not null) return new PreparedPolicy(given, policy.Name);
        if (AwsManagedPolicies.TryGetByArn(policy.Arn, out var managed)) return new PreparedPolicy(managed.Document, managed.Name);
        throw new InvalidOperationException(
            $"The role {what} {policy.Arn}, whose document is not known here (it is not an AWS managed policy in the embedded catalogue): pass it to SessionPolicySet(policiesByArn), or the evaluation would leave the policy out.");
    }
}
