namespace PolicyAsCode;

/// <summary>What one policy says about a request.</summary>
internal struct PolicyOutcome
{
    /// <summary>A Deny statement matched (or could not be evaluated).</summary>
    public bool Denied;

    /// <summary>An Allow statement matched.</summary>
    public bool Allowed;

    /// <summary>For resource-based policies: the strongest way an Allow statement's Principal matched the caller.</summary>
    public PrincipalGrant Grant;
}
