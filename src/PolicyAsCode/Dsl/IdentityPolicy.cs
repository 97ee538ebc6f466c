using PolicyAsCode.Dsl;

namespace PolicyAsCode;

/// <summary>
/// An identity-based policy, built fluently and immutable: each call returns a new policy. After <c>On(...)</c>, the
/// last statement can still take <see cref="When"/> and <see cref="Named"/>.
/// </summary>
public sealed class IdentityPolicy : PolicyBase
{
    internal static IdentityPolicy Empty { get; } = new(PolicyDraft.Empty);

    private IdentityPolicy(PolicyDraft draft) : base(draft)
    {
    }

    /// <summary>Starts a statement allowing the actions; say on what with <c>On(...)</c> or <c>OnAll()</c>.</summary>
    [DslMember(DslOp.Start, Effect = Effect.Allow)]
    public ResourceStep<IdentityPolicy> Allow(params IamAction[] actions) => new(Draft.Start(Effect.Allow, Values(actions), false), d => new(d));

    /// <summary>Starts a statement denying the actions.</summary>
    [DslMember(DslOp.Start, Effect = Effect.Deny)]
    public ResourceStep<IdentityPolicy> Deny(params IamAction[] actions) => new(Draft.Start(Effect.Deny, Values(actions), false), d => new(d));

    /// <summary>Starts a statement that allows every action but some: <c>Allow().AllExcept(...)</c> (<c>NotAction</c>).</summary>
    [DslMember(DslOp.Effect, Effect = Effect.Allow)]
    public EffectStep<IdentityPolicy> Allow() => new(Draft, Effect.Allow, d => new(d));

    /// <summary>Starts a statement that denies every action but some: <c>Deny().AllExcept(...)</c> (<c>NotAction</c>).</summary>
    [DslMember(DslOp.Effect, Effect = Effect.Deny)]
    public EffectStep<IdentityPolicy> Deny() => new(Draft, Effect.Deny, d => new(d));

    /// <summary>Adds conditions to the last statement; all must hold.</summary>
    [DslMember(DslOp.Conditions)]
    public IdentityPolicy When(params Condition[] conditions) => new(Draft.WithConditions(conditions));

    /// <summary>Gives the last statement an id (<c>Sid</c>).</summary>
    [DslMember(DslOp.Sid)]
    public IdentityPolicy Named(string sid) => new(Draft.WithSid(sid));

    /// <summary>Sets the policy's <c>Id</c> element (a policy has at most one).</summary>
    /// <exception cref="Dsl.DslException">The id is empty, or the policy has one already.</exception>
    [DslMember(DslOp.PolicyId)]
    public IdentityPolicy Id(string id) => new(Draft.WithId(id));

    /// <summary>
    /// Appends the statements of another policy, e.g. a shared set of denies: <c>Policy.Identity().Include(DenyOutsideOrg)</c>.
    /// The statements are copied as they are; the analyzers report those an identity-based policy cannot have (a
    /// resource-based policy's principals: PAC001).
    /// </summary>
    /// <param name="other">The policy whose statements to append.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="Dsl.DslException">A statement id of <paramref name="other"/> is already used in this policy.</exception>
    [DslMember(DslOp.Include)]
    public IdentityPolicy Include(PolicyBase other) => new(Draft.Include((other ?? throw new ArgumentNullException(nameof(other))).Draft));
}
