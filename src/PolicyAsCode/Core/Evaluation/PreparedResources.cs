namespace PolicyAsCode;

/// <summary>
/// A statement's <c>Resource</c> or <c>NotResource</c> element, matched against a request with three outcomes: it applies,
/// it does not, or it cannot be evaluated because it needs a policy variable the request cannot resolve.
/// </summary>
/// <remarks>
/// IAM User Guide, "IAM policy elements: Variables and tags": "If AWS cannot resolve a variable this might cause the
/// entire statement to be invalid." An element that contains a variable whose key the request does not have (or has
/// several values for) and that has no default is therefore an error, whichever of its patterns the request would match:
/// an Allow statement with it does not apply, a Deny statement with it does (fail closed). Without that rule
/// <c>"NotResource": "arn:aws:iam::*:user/${aws:username}"</c> in an Allow statement would grant every user to a role
/// session, which has no <c>aws:username</c>. Shared by the interpreter and compiled evaluators.
/// </remarks>
internal sealed class PreparedResources
{
    private readonly ArnPattern[] _patterns;
    private readonly bool _isNot;
    private readonly bool _hasVariables;

    public PreparedResources(ArnPattern[] patterns, bool isNot)
    {
        _patterns = patterns;
        _isNot = isNot;
        _hasVariables = Array.Exists(patterns, p => p.HasVariables);
    }

    public bool IsNot => _isNot;

    /// <summary>Whether the element applies to the request's resource; an error when it needs a variable the request lacks.</summary>
    public ConditionResult Match(Request request)
    {
        if (_hasVariables)
        {
            foreach (var pattern in _patterns)
            {
                if (!pattern.VariablesResolve(request)) return ConditionResult.Error;
            }
        }
        bool listed = false;
        foreach (var pattern in _patterns)
        {
            if (request.ResourceMatches(pattern))
            {
                listed = true;
                break;
            }
        }
        return ConditionResults.From(listed != _isNot);
    }

    /// <summary>The first variable of the element that the request cannot resolve, for explanations.</summary>
    public string? UnresolvedPattern(Request request)
    {
        foreach (var pattern in _patterns)
        {
            if (!pattern.VariablesResolve(request)) return pattern.Source;
        }
        return null;
    }
}
