using PolicyAsCode.Compiled;
using PolicyAsCode.Dsl;
using PolicyAsCode.Json;

namespace PolicyAsCode;

/// <summary>Members shared by the policy types of the DSL.</summary>
public abstract class PolicyBase
{
    private PreparedPolicy? _prepared;
    private PreparedPolicy? _named;

    private protected PolicyBase(PolicyDraft draft) => Draft = draft;

    /// <summary>The declaration state (shared with the source generator).</summary>
    [DslMember(DslOp.RuntimeOnly)]
    public PolicyDraft Draft { get; }

    /// <summary>The policy document.</summary>
    [DslMember(DslOp.RuntimeOnly)]
    public PolicyDocument Document => Draft.ToDocument();

    /// <summary>The policy as canonical JSON, the same text the source generator emits.</summary>
    [DslMember(DslOp.RuntimeOnly)]
    public string ToJson() => PolicyJson.Write(Document);

    /// <summary>Decides a request with this policy alone (the interpreter; generated code has a compiled evaluator too).</summary>
    [DslMember(DslOp.RuntimeOnly)]
    public Decision Decide(Request request) => (_prepared ??= new PreparedPolicy(Document)).Decide(request);

    /// <summary>
    /// Decides a request with this policy alone and explains why. A policy declared with <see cref="ManagedPolicyAttribute"/>
    /// or <see cref="ResourcePolicyAttribute"/> is named in the explanation as its attribute names it (from the generated
    /// registry of the loaded assemblies, <see cref="IamRegistry"/>).
    /// </summary>
    [DslMember(DslOp.RuntimeOnly)]
    public AuthorizationResult Explain(Request request)
        => (_named ??= new PreparedPolicy(Document, IamRegistry.NameOf(Document, this is ResourcePolicy ? IamDeclarationKind.ResourcePolicy : IamDeclarationKind.ManagedPolicy))).Explain(request);

    /// <inheritdoc/>
    [DslMember(DslOp.RuntimeOnly)]
    public override string ToString() => ToJson();

    private protected static string[] Values(IamAction[] actions) => Array.ConvertAll(actions ?? throw new ArgumentNullException(nameof(actions)), a => a.Value);

    private protected static string[] Values(ResourceArn[] resources) => Array.ConvertAll(resources ?? throw new ArgumentNullException(nameof(resources)), r => r.Value);
}
