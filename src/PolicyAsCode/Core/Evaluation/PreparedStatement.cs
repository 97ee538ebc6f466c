namespace PolicyAsCode;

/// <summary>One statement with its patterns, principals and conditions parsed for evaluation.</summary>
internal sealed class PreparedStatement
{
    private readonly ActionMatcher _actions;
    private readonly bool _notAction;
    private readonly PreparedResources? _resources;
    private readonly PreparedPrincipal? _principal;
    private readonly PreparedCondition[] _conditions;

    public PreparedStatement(Statement statement, int index, bool variables)
    {
        Statement = statement;
        Index = index;
        Effect = statement.Effect;
        _actions = new ActionMatcher(statement.Action.Values);
        _notAction = statement.Action.IsNot;
        if (statement.Resource is { } resource)
        {
            _resources = new PreparedResources(Array.ConvertAll(resource.Values.Items, r => ArnPattern.Compile(r, variables)), resource.IsNot);
        }
        if (statement.Principal is { } principal) _principal = new PreparedPrincipal(principal);
        _conditions = Array.ConvertAll(statement.Conditions.Items, c => new PreparedCondition(c, variables));
    }

    public Statement Statement { get; }

    public int Index { get; }

    public Effect Effect { get; }

    /// <summary>
    /// Whether the statement applies to the request. A condition that cannot be evaluated makes an Allow statement not
    /// apply and a Deny statement apply: evaluation fails closed.
    /// </summary>
    public bool Match(Request request, out PrincipalGrant grant, List<StatementTrace>? traces, string? label)
    {
        grant = PrincipalGrant.None;
        if (!MatchesAction(request.Action))
        {
            if (traces is not null) Trace(traces, label, false, _notAction ? $"{request.Action} is excluded by NotAction" : $"{request.Action} is not in Action");
            return false;
        }
        // A statement with no Resource element (a trust policy, or a resource policy where the service implies it)
        // applies to the resource the policy is attached to.
        var resource = _resources?.Match(request) ?? ConditionResult.True;
        if (resource == ConditionResult.False)
        {
            if (traces is not null) Trace(traces, label, false, _resources!.IsNot ? $"{request.Resource} is excluded by NotResource" : $"{request.Resource} is not in Resource");
            return false;
        }
        if (resource == ConditionResult.Error && Effect == Effect.Allow)
        {
            if (traces is not null) Trace(traces, label, false, UnresolvedReason(request) + "; an Allow statement that cannot be evaluated does not apply");
            return false;
        }
        if (_principal is not null)
        {
            grant = _principal.Match(request.PrincipalInfo);
            if (grant == PrincipalGrant.None)
            {
                if (traces is not null) Trace(traces, label, false, $"the caller {request.Principal ?? "(anonymous)"} is not in {_principal.ElementName}");
                return false;
            }
        }
        var conditions = PreparedCondition.EvaluateAll(_conditions, request, out int decisive);
        if (conditions != ConditionResult.True)
        {
            var condition = _conditions[decisive];
            bool applies = ConditionResults.Applies(conditions, Effect);
            if (traces is not null)
            {
                if (conditions == ConditionResult.Error)
                {
                    string why = condition.InvalidReason
                        ?? (condition.HasUnresolvedVariable(request) ? $"a value of {condition.Operator.Name} {condition.Key} needs a policy variable the request cannot resolve" : null)
                        ?? $"a request value of {condition.Key} cannot be read for {condition.Operator.Name}";
                    Trace(traces, label, applies, $"condition cannot be evaluated ({why}); failing closed");
                }
                else
                {
                    Trace(traces, label, false, $"condition {condition.Operator.Name} {condition.Key} {Describe(condition.Condition)} is false");
                }
            }
            if (!applies) grant = PrincipalGrant.None;
            return applies;
        }
        if (resource == ConditionResult.Error)
        {
            // A Deny statement whose resource element cannot be evaluated applies when nothing else rules it out.
            if (traces is not null) Trace(traces, label, true, UnresolvedReason(request) + "; a Deny statement that cannot be evaluated applies (failing closed)");
            return true;
        }
        if (traces is not null) Trace(traces, label, true, "action, resource" + (_principal is null ? "" : ", principal") + (_conditions.Length == 0 ? "" : " and conditions") + " match");
        return true;
    }

    private bool MatchesAction(string action) => _actions.IsListed(action) != _notAction;

    private string UnresolvedReason(Request request)
        => $"{(_resources!.IsNot ? "NotResource" : "Resource")} {_resources.UnresolvedPattern(request)} needs a policy variable the request cannot resolve";

    private void Trace(List<StatementTrace> traces, string? label, bool matched, string reason)
        => traces.Add(new StatementTrace(label ?? "policy", Index, Statement.Sid, Effect, matched, reason));

    private static string Describe(Condition condition)
        => condition.Values.Count == 1 ? $"\"{condition.Values[0]}\"" : "[" + string.Join(", ", condition.Values.Select(v => $"\"{v}\"")) + "]";
}
