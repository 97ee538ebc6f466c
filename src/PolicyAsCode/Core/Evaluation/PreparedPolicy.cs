namespace PolicyAsCode;

/// <summary>
/// A policy document made ready for evaluation: every pattern and condition value parsed once, so that deciding a
/// request allocates nothing.
/// </summary>
/// <remarks>
/// A prepared policy can carry the compiled evaluator the generator emitted for its declaration
/// (<see cref="PreparedPolicy(PolicyDocument, string?, Func{Request, Decision})"/>; each declaration's generated
/// <c>Compiled.NAME.Prepared</c> is one): decisions then run the compiled code, in <see cref="Decide"/> and as any part
/// of a <see cref="PolicySet"/> given to <see cref="Authorizer.Authorize"/> (identity-based, resource-based, boundary,
/// session, SCP or RCP), while explanations still trace the interpreted statements. So declared and run-time policies
/// (an SCP read from JSON) are decided together, each the fastest way it can be.
/// </remarks>
public sealed class PreparedPolicy
{
    private readonly PreparedStatement[] _statements;
    private readonly Func<Request, Decision>? _compiled;
    private readonly Func<Request, int>? _compiledGrant;
    private readonly bool _hasPrincipals;

    /// <summary>Prepares a document for evaluation.</summary>
    /// <param name="document">The policy.</param>
    /// <param name="name">A name for explanations, e.g. the policy's IAM name.</param>
    public PreparedPolicy(PolicyDocument document, string? name = null)
    {
        Document = document ?? throw new ArgumentNullException(nameof(document));
        Name = name ?? document.Id ?? "policy";
        bool variables = document.SupportsPolicyVariables;
        var statements = document.Statements.Items;
        _statements = new PreparedStatement[statements.Length];
        bool allowsEverything = false;
        bool denies = false;
        for (int i = 0; i < statements.Length; i++)
        {
            var statement = statements[i];
            _statements[i] = new PreparedStatement(statement, i, variables);
            denies |= statement.Effect == Effect.Deny;
            allowsEverything |= statement.Effect == Effect.Allow && statement.Principal is null && statement.Conditions.IsEmpty
                && !statement.Action.IsNot && Array.IndexOf(statement.Action.Values.Items, "*") >= 0
                && statement.Resource is { IsNot: false } resource && Array.IndexOf(resource.Values.Items, "*") >= 0;
        }
        AllowsEverything = allowsEverything && !denies;
    }

    /// <summary>Prepares a document together with its compiled evaluator, which decides every request this policy decides without an explanation.</summary>
    /// <param name="document">The policy.</param>
    /// <param name="name">A name for explanations, e.g. the policy's IAM name.</param>
    /// <param name="compiled">
    /// The generated evaluator of exactly this document (<c>Compiled.NAME.EvaluateDelegate</c>), with
    /// <see cref="Decide"/>'s semantics; differential tests prove the generated ones agree with the interpreter.
    /// </param>
    public PreparedPolicy(PolicyDocument document, string? name, Func<Request, Decision> compiled)
        : this(document, name, compiled, null)
    {
    }

    /// <summary>
    /// Prepares a document with its compiled evaluator and, for a policy with principals, the generated
    /// <c>EvaluateGrant</c> (how the caller matched): what the generated <c>Prepared</c> members call.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public PreparedPolicy(PolicyDocument document, string? name, Func<Request, Decision> compiled, Func<Request, int>? compiledGrant)
        : this(document, name)
    {
        _compiled = compiled ?? throw new ArgumentNullException(nameof(compiled));
        _compiledGrant = compiledGrant;
        foreach (var statement in document.Statements.Items) _hasPrincipals |= statement.Principal is not null;
    }

    /// <summary>Whether decisions run a compiled evaluator.</summary>
    public bool IsCompiled => _compiled is not null;

    /// <summary>The document.</summary>
    public PolicyDocument Document { get; }

    /// <summary>The name used in explanations.</summary>
    public string Name { get; }

    /// <summary>
    /// Whether the policy allows every request and denies none, as AWS's <c>FullAWSAccess</c> SCP does: an Allow statement
    /// with <c>"Action": "*"</c>, <c>"Resource": "*"</c>, no principal and no condition, and no Deny statement. An
    /// organization level holding it allows whatever its other policies say, so deciding without an explanation need not
    /// evaluate it.
    /// </summary>
    internal bool AllowsEverything { get; }

    /// <summary>
    /// Decides a request with this policy alone, as an identity-based policy: <see cref="Decision.ExplicitDeny"/> if a Deny
    /// statement matches, else <see cref="Decision.Allow"/> if an Allow statement matches, else
    /// <see cref="Decision.ImplicitDeny"/>.
    /// </summary>
    public Decision Decide(Request request)
    {
        if (_compiled is not null) return _compiled(request);
        var outcome = Evaluate(request, null, null);
        return outcome.Denied ? Decision.ExplicitDeny : outcome.Allowed ? Decision.Allow : Decision.ImplicitDeny;
    }

    /// <summary>Decides a request with this policy alone and explains which statements matched and why.</summary>
    public AuthorizationResult Explain(Request request)
    {
        var traces = new List<StatementTrace>();
        var outcome = Evaluate(request, traces, "policy " + Name);
        var decision = outcome.Denied ? Decision.ExplicitDeny : outcome.Allowed ? Decision.Allow : Decision.ImplicitDeny;
        string step = decision switch
        {
            Decision.ExplicitDeny => "a Deny statement matches: explicit deny",
            Decision.Allow => "an Allow statement matches and no Deny statement does",
            _ => "no statement allows the request: implicit deny",
        };
        return new AuthorizationResult(decision, traces, [step]);
    }

    internal PolicyOutcome Evaluate(Request request, List<StatementTrace>? traces, string? label)
    {
        var outcome = default(PolicyOutcome);
        if (traces is null && _compiled is not null)
        {
            switch (_compiled(request))
            {
                case Decision.ExplicitDeny:
                    outcome.Denied = true;
                    return outcome;
                case Decision.ImplicitDeny:
                    return outcome;
                default:
                    // A statement without a Principal grants nothing as a resource-based policy (Grant stays None). With
                    // principals, how the caller matched decides what else must allow: the generated grant method says,
                    // or else the interpreter's statements.
                    if (!_hasPrincipals || _compiledGrant is not null)
                    {
                        outcome.Allowed = true;
                        if (_compiledGrant is not null) outcome.Grant = (PrincipalGrant)_compiledGrant(request);
                        return outcome;
                    }
                    break;
            }
        }
        foreach (var statement in _statements)
        {
            var match = statement.Match(request, out var grant, traces, label);
            if (!match) continue;
            if (statement.Effect == Effect.Deny)
            {
                outcome.Denied = true;
                if (traces is null) return outcome;
            }
            else
            {
                outcome.Allowed = true;
                if (grant > outcome.Grant) outcome.Grant = grant;
            }
        }
        return outcome;
    }
}
