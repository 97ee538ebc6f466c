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

    /// <summary>Adds conditions to the last statement; all must hold.</summary>
    [DslMember(DslOp.Conditions)]
    public ResourcePolicy When(params Condition[] conditions) => new(Draft.WithConditions(conditions));

    /// <summary>Gives the last statement an id (<c>Sid</c>).</summary>
    [DslMember(DslOp.Sid)]
    public ResourcePolicy Named(string sid) => new(Draft.WithSid(sid));

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
}
