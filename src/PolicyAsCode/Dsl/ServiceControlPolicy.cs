using PolicyAsCode.Dsl;

namespace PolicyAsCode;

/// <summary>
/// An AWS Organizations service control policy (SCP): the most the IAM users and roles of the accounts it is attached to
/// (directly or through an OU or the root) may do. It grants nothing by itself. Built fluently and immutable, with what
/// AWS's current SCP grammar allows (AWS Organizations User Guide, "SCP syntax"): Allow and Deny statements with
/// <c>Action</c> or <c>NotAction</c>, <c>Resource</c> or <c>NotResource</c>, conditions and a Sid; no principals.
/// <c>Policy.ServiceControl().Deny(IamAction.All).OnAll().When(Keys.Aws.RequestedRegion.IsNot("eu-west-1"))</c>.
/// </summary>
public sealed class ServiceControlPolicy : PolicyBase
{
    internal static ServiceControlPolicy Empty { get; } = new(PolicyDraft.Empty);

    private ServiceControlPolicy(PolicyDraft draft) : base(draft)
    {
    }

    /// <summary>
    /// AWS's <c>FullAWSAccess</c> policy (<c>p-FullAWSAccess</c>), attached to the root, every OU and every account when
    /// SCPs are enabled: it allows every action on every resource, so that guardrails beside it only deny.
    /// </summary>
    [DslMember(DslOp.RuntimeOnly)]
    public static ServiceControlPolicy FullAwsAccess { get; } = Empty.Allow(IamAction.All).OnAll();

    /// <summary>Starts a statement allowing the actions; say on what with <c>On(...)</c> or <c>OnAll()</c>.</summary>
    [DslMember(DslOp.Start, Effect = Effect.Allow)]
    public ResourceStep<ServiceControlPolicy> Allow(params IamAction[] actions) => new(Draft.Start(Effect.Allow, Values(actions), false), d => new(d));

    /// <summary>Starts a statement denying the actions.</summary>
    [DslMember(DslOp.Start, Effect = Effect.Deny)]
    public ResourceStep<ServiceControlPolicy> Deny(params IamAction[] actions) => new(Draft.Start(Effect.Deny, Values(actions), false), d => new(d));

    /// <summary>Starts a statement that allows every action but some: <c>Allow().AllExcept(...)</c> (<c>NotAction</c>).</summary>
    [DslMember(DslOp.Effect, Effect = Effect.Allow)]
    public EffectStep<ServiceControlPolicy> Allow() => new(Draft, Effect.Allow, d => new(d));

    /// <summary>Starts a statement that denies every action but some: <c>Deny().AllExcept(...)</c> (<c>NotAction</c>).</summary>
    [DslMember(DslOp.Effect, Effect = Effect.Deny)]
    public EffectStep<ServiceControlPolicy> Deny() => new(Draft, Effect.Deny, d => new(d));

    /// <summary>Adds conditions to the last statement; all must hold.</summary>
    [DslMember(DslOp.Conditions)]
    public ServiceControlPolicy When(params Condition[] conditions) => new(Draft.WithConditions(conditions));

    /// <summary>Gives the last statement an id (<c>Sid</c>).</summary>
    [DslMember(DslOp.Sid)]
    public ServiceControlPolicy Named(string sid) => new(Draft.WithSid(sid));

    /// <summary>Appends the statements of another service control policy, e.g. a shared guardrail.</summary>
    /// <param name="other">The policy whose statements to append.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="DslException">A statement id of <paramref name="other"/> is already used in this policy.</exception>
    [DslMember(DslOp.Include)]
    public ServiceControlPolicy Include(ServiceControlPolicy other) => new(Draft.Include((other ?? throw new ArgumentNullException(nameof(other))).Draft));
}
