namespace PolicyAsCode;

/// <summary>
/// A policy document made ready for evaluation: every pattern and condition value parsed once, so that deciding a
/// request allocates nothing.
/// </summary>
public sealed class PreparedPolicy
{
    private readonly PreparedStatement[] _statements;

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
        for (int i = 0; i < statements.Length; i++)
        {
            _statements[i] = new PreparedStatement(statements[i], i, variables);
        }
    }

    /// <summary>The document.</summary>
    public PolicyDocument Document { get; }

    /// <summary>The name used in explanations.</summary>
    public string Name { get; }

    /// <summary>
    /// Decides a request with this policy alone, as an identity-based policy: <see cref="Decision.ExplicitDeny"/> if a Deny
    /// statement matches, else <see cref="Decision.Allow"/> if an Allow statement matches, else
    /// <see cref="Decision.ImplicitDeny"/>.
    /// </summary>
    public Decision Decide(Request request)
    {
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
