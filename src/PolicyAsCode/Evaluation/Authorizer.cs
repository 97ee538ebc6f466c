namespace PolicyAsCode;

/// <summary>
/// Decides requests over several policies with the evaluation logic of the IAM User Guide ("Policy evaluation logic",
/// "Cross-account policy evaluation logic").
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>An explicit Deny in any applicable policy denies.</item>
/// <item>Each service control policy level must allow.</item>
/// <item>
/// Same account: a resource-based policy that grants to the caller itself (a user, role session, federated user or
/// service) allows on its own; one that grants to the caller's role still needs the permissions boundary and session
/// policy to allow; one that grants to the account delegates to identity-based policies. Role trust policies (for
/// assuming the role) and KMS key policies must allow in one of these ways: identity-based policies alone do not.
/// </item>
/// <item>
/// Otherwise the identity-based policies must allow, and so must the permissions boundary and session policy. A federated
/// user session without a session policy has no permissions.
/// </item>
/// <item>Across accounts, both the resource-based policy and the caller's side (identity, boundary, session) must allow.</item>
/// </list>
/// Anything that cannot be evaluated fails closed: it never allows.
/// </remarks>
public static class Authorizer
{
    /// <summary>Decides a request.</summary>
    /// <returns>
    /// The decision. It never throws: anything that cannot be evaluated, including a null <paramref name="policies"/> or
    /// <paramref name="request"/>, gives <see cref="Decision.ImplicitDeny"/> (fail closed); <see cref="Explain"/> says why.
    /// </returns>
    public static Decision Authorize(PolicySet policies, Request request)
    {
        try
        {
            return Decide(policies, request, null, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Decision.ImplicitDeny;
        }
    }

    /// <summary>Decides a request and explains the decision.</summary>
    public static AuthorizationResult Explain(PolicySet policies, Request request)
    {
        var traces = new List<StatementTrace>();
        var steps = new List<string>();
        Decision decision;
        try
        {
            decision = Decide(policies, request, traces, steps);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            steps.Add($"evaluation failed ({e.GetType().Name}: {e.Message}); failing closed");
            decision = Decision.ImplicitDeny;
        }
        return new AuthorizationResult(decision, traces, steps);
    }

    private static Decision Decide(PolicySet set, Request request, List<StatementTrace>? traces, List<string>? steps)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(request);

        bool denied = false;
        bool identityAllowed = false;
        foreach (var policy in set.IdentityPolicies)
        {
            var o = policy.Evaluate(request, traces, traces is null ? null : "identity policy " + policy.Name);
            denied |= o.Denied;
            identityAllowed |= o.Allowed;
            if (denied && traces is null) return Decision.ExplicitDeny;
        }

        var resource = default(PolicyOutcome);
        if (set.ResourcePolicy is { } resourcePolicy)
        {
            resource = resourcePolicy.Evaluate(request, traces, traces is null ? null : "resource policy " + resourcePolicy.Name);
            denied |= resource.Denied;
            if (denied && traces is null) return Decision.ExplicitDeny;
        }

        bool boundaryAllows = true;
        if (set.PermissionsBoundary is { } boundary)
        {
            var o = boundary.Evaluate(request, traces, traces is null ? null : "permissions boundary " + boundary.Name);
            denied |= o.Denied;
            boundaryAllows = o.Allowed;
            if (denied && traces is null) return Decision.ExplicitDeny;
        }

        bool scpAllows = true;
        string? scpMissing = null;
        foreach (var scp in set.ServiceControlPolicies)
        {
            var o = scp.Evaluate(request, traces, traces is null ? null : "service control policy " + scp.Name);
            denied |= o.Denied;
            if (!o.Allowed && scpAllows)
            {
                scpAllows = false;
                scpMissing = scp.Name;
            }
            if (denied && traces is null) return Decision.ExplicitDeny;
        }

        // A federated user session (GetFederationToken) without a session policy has no permissions; a role session
        // without one keeps its role's.
        bool federatedWithoutSessionPolicy = set.SessionPolicies.Count == 0 && request.PrincipalInfo.Kind == PrincipalKind.FederatedUser;
        bool sessionAllows = !federatedWithoutSessionPolicy;
        if (set.SessionPolicies.Count > 0)
        {
            sessionAllows = false;
            foreach (var session in set.SessionPolicies)
            {
                var o = session.Evaluate(request, traces, traces is null ? null : "session policy " + session.Name);
                denied |= o.Denied;
                sessionAllows |= o.Allowed;
                if (denied && traces is null) return Decision.ExplicitDeny;
            }
        }

        if (denied)
        {
            steps?.Add("a Deny statement matches: explicit deny, whatever else allows");
            return Decision.ExplicitDeny;
        }
        if (!scpAllows)
        {
            steps?.Add($"the service control policy {scpMissing} does not allow the request: implicit deny");
            return Decision.ImplicitDeny;
        }

        bool callerSideAllows = identityAllowed && boundaryAllows && sessionAllows;
        if (steps is not null)
        {
            steps.Add(identityAllowed ? "identity-based policies allow" : "no identity-based policy allows");
            if (set.PermissionsBoundary is not null) steps.Add(boundaryAllows ? "the permissions boundary allows" : "the permissions boundary does not allow");
            if (set.SessionPolicies.Count > 0) steps.Add(sessionAllows ? "the session policy allows" : "the session policy does not allow");
            if (federatedWithoutSessionPolicy) steps.Add("a federated user session without a session policy has no permissions of its own");
            if (set.ResourcePolicy is not null)
            {
                steps.Add(resource.Grant switch
                {
                    PrincipalGrant.Identity => "the resource-based policy allows the caller itself",
                    PrincipalGrant.Role => "the resource-based policy allows the caller's role",
                    PrincipalGrant.Account => "the resource-based policy allows the caller's account, which delegates to the account's own policies",
                    _ => "the resource-based policy does not allow the caller",
                });
            }
        }

        Decision decision;
        if (!request.IsSameAccount)
        {
            // Cross-account: the resource side and the caller's side must both allow.
            decision = resource.Grant != PrincipalGrant.None && callerSideAllows ? Decision.Allow : Decision.ImplicitDeny;
            steps?.Add(decision == Decision.Allow
                ? "cross-account: both the resource-based policy and the caller's account allow"
                : $"cross-account ({request.PrincipalAccount} to {request.ResourceAccount}): the resource-based policy and the caller's identity-based policies must both allow: implicit deny");
            return decision;
        }

        if (resource.Grant == PrincipalGrant.Identity)
        {
            steps?.Add("same account: a resource-based policy grant to the caller is enough");
            return Decision.Allow;
        }
        if (resource.Grant == PrincipalGrant.Role && boundaryAllows && sessionAllows)
        {
            steps?.Add("same account: the resource-based policy grants to the caller's role, and no boundary or session policy limits it");
            return Decision.Allow;
        }
        if (resource.Grant == PrincipalGrant.None && ResourcePolicyMustAllow(request))
        {
            steps?.Add("same account: a role trust policy or KMS key policy must allow the caller or its account, and none does: implicit deny");
            return Decision.ImplicitDeny;
        }
        decision = callerSideAllows ? Decision.Allow : Decision.ImplicitDeny;
        steps?.Add(decision == Decision.Allow ? "same account: the identity-based policies allow" : "nothing allows the request: implicit deny");
        return decision;
    }

    /// <summary>
    /// Whether the request is one whose resource-based policy must allow even in the same account: IAM User Guide, "Policy
    /// evaluation logic": "IAM role trust policies and KMS key policies are exceptions to this logic, because they must
    /// explicitly allow access for principals". A role's trust policy governs the STS actions on the role (assuming it,
    /// tagging the session); a key policy governs every action on the key. Without that policy, nothing allows.
    /// </summary>
    private static bool ResourcePolicyMustAllow(Request request)
    {
        ref readonly var fields = ref request.ResourceFields;
        if (!fields.IsValid) return false;
        // Compared in place: a decision allocates nothing.
        var resource = request.Resource.AsSpan();
        fields.GetRange(request.Resource, 2, out int serviceStart, out int serviceEnd);
        var service = resource[serviceStart..serviceEnd];
        var resourcePart = resource[fields.ResourceStart..];
        return (service.SequenceEqual("iam") && resourcePart.StartsWith("role/", StringComparison.Ordinal)
                && request.Action.StartsWith("sts:", StringComparison.OrdinalIgnoreCase))
            || (service.SequenceEqual("kms") && resourcePart.StartsWith("key/", StringComparison.Ordinal));
    }
}
