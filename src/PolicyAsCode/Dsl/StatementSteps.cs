using PolicyAsCode.Dsl;

namespace PolicyAsCode;

/// <summary>A statement whose actions are set, waiting for its resources.</summary>
/// <typeparam name="TPolicy">The policy type the statement belongs to.</typeparam>
public readonly struct ResourceStep<TPolicy>
{
    private readonly PolicyDraft _draft;
    private readonly Func<PolicyDraft, TPolicy> _wrap;

    internal ResourceStep(PolicyDraft draft, Func<PolicyDraft, TPolicy> wrap)
    {
        _draft = draft;
        _wrap = wrap;
    }

    /// <summary>On these resources (<c>Resource</c>).</summary>
    [DslMember(DslOp.Resources)]
    public TPolicy On(params ResourceArn[] resources) => _wrap(_draft.WithResources(Array.ConvertAll(resources, r => r.Value), false));

    /// <summary>On every resource (<c>"Resource": "*"</c>).</summary>
    [DslMember(DslOp.AllResources)]
    public TPolicy OnAll() => _wrap(_draft.WithResources(["*"], false));

    /// <summary>On every resource except these (<c>NotResource</c>).</summary>
    [DslMember(DslOp.NotResources)]
    public TPolicy OnAllExcept(params ResourceArn[] resources) => _wrap(_draft.WithResources(Array.ConvertAll(resources, r => r.Value), true));
}

/// <summary>The effect of a statement that will list the actions it does not apply to.</summary>
/// <typeparam name="TPolicy">The policy type the statement belongs to.</typeparam>
public readonly struct EffectStep<TPolicy>
{
    private readonly PolicyDraft _draft;
    private readonly Effect _effect;
    private readonly Func<PolicyDraft, TPolicy> _wrap;

    internal EffectStep(PolicyDraft draft, Effect effect, Func<PolicyDraft, TPolicy> wrap)
    {
        _draft = draft;
        _effect = effect;
        _wrap = wrap;
    }

    /// <summary>Every action except these (<c>NotAction</c>).</summary>
    [DslMember(DslOp.StartNotAction)]
    public ResourceStep<TPolicy> AllExcept(params IamAction[] actions)
        => new(_draft.Start(_effect, Array.ConvertAll(actions, a => a.Value), true), _wrap);
}
