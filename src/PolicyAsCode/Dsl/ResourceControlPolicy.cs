using PolicyAsCode.Dsl;

namespace PolicyAsCode;

/// <summary>
/// An AWS Organizations resource control policy (RCP): the most anyone may do to the resources of the accounts it is
/// attached to. It grants nothing by itself. Built fluently and immutable, with what AWS's RCP grammar allows (AWS
/// Organizations User Guide, "RCP syntax"): Deny statements only (Allow is supported only in AWS's own
/// <c>RCPFullAWSAccess</c>, <see cref="FullAwsAccess"/>), whose Principal is always <c>"*"</c> (the DSL writes it;
/// conditions such as <c>aws:PrincipalOrgID</c> narrow it), with <c>Action</c> (no <c>NotAction</c>), <c>Resource</c>
/// or <c>NotResource</c>, conditions and a Sid.
/// <c>Policy.ResourceControl().Deny("s3:*").OnAll().When(Keys.Aws.SecureTransport.IsFalse())</c>.
/// </summary>
public sealed class ResourceControlPolicy : PolicyBase
{
    internal static ResourceControlPolicy Empty { get; } = new(PolicyDraft.Empty);

    private ResourceControlPolicy(PolicyDraft draft) : base(draft)
    {
    }

    /// <summary>
    /// AWS's <c>RCPFullAWSAccess</c> policy, attached to the root, every OU and every account when RCPs are enabled, and
    /// which cannot be detached: it lets every request through RCP evaluation, so that the RCPs beside it only deny.
    /// </summary>
    [DslMember(DslOp.RuntimeOnly)]
    public static ResourceControlPolicy FullAwsAccess { get; } = new(PolicyDraft.Empty.StartForEveryone(Effect.Allow, ["*"]).WithResources(["*"], false));

    /// <summary>Starts a statement denying the actions to everyone (<c>"Principal": "*"</c>); narrow it with <c>When(...)</c>.</summary>
    [DslMember(DslOp.Start, Effect = Effect.Deny)]
    public ResourceStep<ResourceControlPolicy> Deny(params IamAction[] actions) => new(Draft.StartForEveryone(Effect.Deny, Values(actions)), d => new(d));

    /// <summary>Adds conditions to the last statement; all must hold.</summary>
    [DslMember(DslOp.Conditions)]
    public ResourceControlPolicy When(params Condition[] conditions) => new(Draft.WithConditions(conditions));

    /// <summary>Gives the last statement an id (<c>Sid</c>).</summary>
    [DslMember(DslOp.Sid)]
    public ResourceControlPolicy Named(string sid) => new(Draft.WithSid(sid));

    /// <summary>Appends the statements of another resource control policy.</summary>
    /// <param name="other">The policy whose statements to append.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="DslException">A statement id of <paramref name="other"/> is already used in this policy.</exception>
    [DslMember(DslOp.Include)]
    public ResourceControlPolicy Include(ResourceControlPolicy other) => new(Draft.Include((other ?? throw new ArgumentNullException(nameof(other))).Draft));
}
