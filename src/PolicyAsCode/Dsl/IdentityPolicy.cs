using PolicyAsCode.Dsl;
using PolicyAsCode.Json;

namespace PolicyAsCode;

/// <summary>Entry points of the policy DSL.</summary>
public static class Policy
{
    /// <summary>Starts an identity-based policy: <c>Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*"))</c>.</summary>
    public static IdentityPolicy Identity() => IdentityPolicy.Empty;

    /// <summary>Starts a resource-based policy: <c>Policy.Resource().Allow(S3.GetObject).For(Principal.Account("...")).On(...)</c>.</summary>
    public static ResourcePolicy Resource() => ResourcePolicy.Empty;
}

/// <summary>Members shared by the policy types of the DSL.</summary>
public abstract class PolicyBase
{
    private PreparedPolicy? _prepared;

    private protected PolicyBase(PolicyDraft draft) => Draft = draft;

    /// <summary>The declaration state (shared with the source generator).</summary>
    public PolicyDraft Draft { get; }

    /// <summary>The policy document.</summary>
    public PolicyDocument Document => Draft.ToDocument();

    /// <summary>The policy as canonical JSON, the same text the source generator emits.</summary>
    public string ToJson() => PolicyJson.Write(Document);

    /// <summary>Decides a request with this policy alone (the interpreter; generated code has a compiled evaluator too).</summary>
    public Decision Decide(Request request) => (_prepared ??= new PreparedPolicy(Document)).Decide(request);

    /// <summary>Decides a request with this policy alone and explains why.</summary>
    public AuthorizationResult Explain(Request request) => (_prepared ??= new PreparedPolicy(Document)).Explain(request);

    /// <inheritdoc/>
    public override string ToString() => ToJson();

    private protected static string[] Values(IamAction[] actions) => Array.ConvertAll(actions ?? throw new ArgumentNullException(nameof(actions)), a => a.Value);

    private protected static string[] Values(ResourceArn[] resources) => Array.ConvertAll(resources ?? throw new ArgumentNullException(nameof(resources)), r => r.Value);
}

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
    public ResourceStep<IdentityPolicy> Allow(params IamAction[] actions) => new(Draft.Start(Effect.Allow, Values(actions), false), d => new(d));

    /// <summary>Starts a statement denying the actions.</summary>
    public ResourceStep<IdentityPolicy> Deny(params IamAction[] actions) => new(Draft.Start(Effect.Deny, Values(actions), false), d => new(d));

    /// <summary>Starts a statement that allows every action but some: <c>Allow().AllExcept(...)</c> (<c>NotAction</c>).</summary>
    public EffectStep<IdentityPolicy> Allow() => new(Draft, Effect.Allow, d => new(d));

    /// <summary>Starts a statement that denies every action but some: <c>Deny().AllExcept(...)</c> (<c>NotAction</c>).</summary>
    public EffectStep<IdentityPolicy> Deny() => new(Draft, Effect.Deny, d => new(d));

    /// <summary>Adds conditions to the last statement; all must hold.</summary>
    public IdentityPolicy When(params Condition[] conditions) => new(Draft.WithConditions(conditions));

    /// <summary>Gives the last statement an id (<c>Sid</c>).</summary>
    public IdentityPolicy Named(string sid) => new(Draft.WithSid(sid));

    /// <summary>
    /// Appends the statements of another policy, e.g. a shared set of denies: <c>Policy.Identity().Include(DenyOutsideOrg)</c>.
    /// The statements are copied as they are; the analyzers report those an identity-based policy cannot have (a
    /// resource-based policy's principals: PAC001).
    /// </summary>
    /// <param name="other">The policy whose statements to append.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="Dsl.DslException">A statement id of <paramref name="other"/> is already used in this policy.</exception>
    public IdentityPolicy Include(PolicyBase other) => new(Draft.Include((other ?? throw new ArgumentNullException(nameof(other))).Draft));
}

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
    public TPolicy On(params ResourceArn[] resources) => _wrap(_draft.WithResources(Array.ConvertAll(resources, r => r.Value), false));

    /// <summary>On every resource (<c>"Resource": "*"</c>).</summary>
    public TPolicy OnAll() => _wrap(_draft.WithResources(["*"], false));

    /// <summary>On every resource except these (<c>NotResource</c>).</summary>
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
    public ResourceStep<TPolicy> AllExcept(params IamAction[] actions)
        => new(_draft.Start(_effect, Array.ConvertAll(actions, a => a.Value), true), _wrap);
}
