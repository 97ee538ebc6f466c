using PolicyAsCode.Dsl;

namespace PolicyAsCode;

/// <summary>
/// A resource-based policy: each statement names who it applies to. <c>Policy.Resource().Allow(S3.GetObject)
/// .For(Principal.Account("444455556666")).On(S3.Arn.Object("my-bucket", "*"))</c>.
/// </summary>
public sealed class ResourcePolicy : PolicyBase
{
    internal static ResourcePolicy Empty { get; } = new(PolicyDraft.Empty);

    private ResourcePolicy(PolicyDraft draft) : base(draft)
    {
    }

    /// <summary>Starts a statement allowing the actions; say to whom with <c>For(...)</c>.</summary>
    [DslMember(DslOp.Start, Effect = Effect.Allow)]
    public PrincipalStep Allow(params IamAction[] actions) => new(Draft.Start(Effect.Allow, Values(actions), false));

    /// <summary>Starts a statement denying the actions; say to whom with <c>For(...)</c>.</summary>
    [DslMember(DslOp.Start, Effect = Effect.Deny)]
    public PrincipalStep Deny(params IamAction[] actions) => new(Draft.Start(Effect.Deny, Values(actions), false));

    /// <summary>Starts a statement that allows every action but some: <c>Allow().AllExcept(...)</c> (<c>NotAction</c>); then say to whom with <c>For(...)</c>.</summary>
    [DslMember(DslOp.Effect, Effect = Effect.Allow)]
    public AllExceptStep Allow() => new(Draft, Effect.Allow);

    /// <summary>Starts a statement that denies every action but some: <c>Deny().AllExcept(...)</c> (<c>NotAction</c>).</summary>
    [DslMember(DslOp.Effect, Effect = Effect.Deny)]
    public AllExceptStep Deny() => new(Draft, Effect.Deny);

    /// <summary>Adds conditions to the last statement; all must hold.</summary>
    [DslMember(DslOp.Conditions)]
    public ResourcePolicy When(params Condition[] conditions) => new(Draft.WithConditions(conditions));

    /// <summary>Gives the last statement an id (<c>Sid</c>).</summary>
    [DslMember(DslOp.Sid)]
    public ResourcePolicy Named(string sid) => new(Draft.WithSid(sid));

    /// <summary>Sets the policy's <c>Id</c> element (a policy has at most one; SQS and SNS policies usually carry one).</summary>
    /// <exception cref="Dsl.DslException">The id is empty, or the policy has one already.</exception>
    [DslMember(DslOp.PolicyId)]
    public ResourcePolicy Id(string id) => new(Draft.WithId(id));

    /// <summary>
    /// Appends the statements of another policy, as they are. Statements without principals (from an identity-based
    /// policy) are reported by the analyzers (PAC005).
    /// </summary>
    /// <param name="other">The policy whose statements to append.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="Dsl.DslException">A statement id of <paramref name="other"/> is already used in this policy.</exception>
    [DslMember(DslOp.Include)]
    public ResourcePolicy Include(PolicyBase other) => new(Draft.Include((other ?? throw new ArgumentNullException(nameof(other))).Draft));

    /// <summary>A statement whose actions are set, waiting for its principals.</summary>
    public readonly struct PrincipalStep
    {
        private readonly PolicyDraft _draft;

        internal PrincipalStep(PolicyDraft draft) => _draft = draft;

        /// <summary>For these principals (<c>Principal</c>).</summary>
        [DslMember(DslOp.Principals)]
        public ResourceStep<ResourcePolicy> For(params Principal[] principals)
            => new(_draft.WithPrincipals(principals.Select(p => p.Spec), notPrincipal: false), d => new ResourcePolicy(d));

        /// <summary>For everyone but these principals (<c>NotPrincipal</c>; AWS recommends a condition on <c>aws:PrincipalArn</c> instead).</summary>
        [DslMember(DslOp.NotPrincipals)]
        public ResourceStep<ResourcePolicy> ForAllExcept(params Principal[] principals)
            => new(_draft.WithPrincipals(principals.Select(p => p.Spec), notPrincipal: true), d => new ResourcePolicy(d));
    }

    /// <summary>The effect of a statement that will list the actions it does not apply to.</summary>
    public readonly struct AllExceptStep
    {
        private readonly PolicyDraft _draft;
        private readonly Effect _effect;

        internal AllExceptStep(PolicyDraft draft, Effect effect)
        {
            _draft = draft;
            _effect = effect;
        }

        /// <summary>Every action except these (<c>NotAction</c>); say to whom with <c>For(...)</c>.</summary>
        [DslMember(DslOp.StartNotAction)]
        public PrincipalStep AllExcept(params IamAction[] actions) => new(_draft.Start(_effect, Values(actions), true));
    }
}
