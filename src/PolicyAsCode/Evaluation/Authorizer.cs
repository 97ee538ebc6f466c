namespace PolicyAsCode;

/// <summary>
/// Decides requests over several policies with the evaluation logic of the IAM User Guide ("Policy evaluation logic",
/// "Cross-account policy evaluation logic").
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>An explicit Deny in any applicable policy denies.</item>
/// <item>
/// A few requests are decided by AWS whatever the policies say (<see cref="ServiceRules"/>): <c>sts:GetCallerIdentity</c>
/// is always allowed; changes to AWS managed policies and to service-linked and IAM Identity Center roles are refused.
/// </item>
/// <item>
/// Each service control policy level must allow (a level allows when one of its policies does); so must each resource
/// control policy level, for the services RCPs apply to. The exemptions AWS documents are in
/// <see cref="OrganizationScope"/>.
/// </item>
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

        // Whether a service rule decides depends on the request alone: it is found once per request and remembered there.
        if (request.ServiceRuleVerdict != Request.VerdictNo)
        {
            if (ServiceRules.TryDecide(request, out var ruled, out var rule))
            {
                request.ServiceRuleVerdict = Request.VerdictYes;
                steps?.Add(rule!);
                return ruled;
            }
            request.ServiceRuleVerdict = Request.VerdictNo;
        }

        bool denied = false;
        bool identityAllowed = false;
        // Arrays walked by index: foreach over an IReadOnlyList allocates an enumerator per decision, and its Count and
        // indexer are interface calls.
        var identityPolicies = set.IdentityArray;
        var sessionPolicies = set.SessionArray;
        for (int i = 0; i < identityPolicies.Length; i++)
        {
            var policy = identityPolicies[i];
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
        int scpMissing = -1;
        string? scpExemption = OrganizationScope.ScpExemption(set, request);
        var scpLevels = set.ScpLevels;
        if (scpLevels.Length > 0 && scpExemption is null)
        {
            scpAllows = EvaluateLevels(scpLevels, "service control policy", request, traces, ref denied, out scpMissing);
            if (denied && traces is null) return Decision.ExplicitDeny;
        }

        bool rcpAllows = true;
        int rcpMissing = -1;
        var rcpLevels = set.RcpLevels;
        string? rcpExemption = rcpLevels.Length > 0 ? OrganizationScope.RcpExemption(set, request) : null;
        if (rcpLevels.Length > 0 && rcpExemption is null)
        {
            rcpAllows = EvaluateLevels(rcpLevels, "resource control policy", request, traces, ref denied, out rcpMissing);
            if (denied && traces is null) return Decision.ExplicitDeny;
        }

        // A federated user session (GetFederationToken) without a session policy has no permissions; a role session
        // without one keeps its role's.
        bool federatedWithoutSessionPolicy = sessionPolicies.Length == 0 && request.PrincipalInfo.Kind == PrincipalKind.FederatedUser;
        bool sessionAllows = !federatedWithoutSessionPolicy;
        if (sessionPolicies.Length > 0)
        {
            sessionAllows = false;
            for (int i = 0; i < sessionPolicies.Length; i++)
            {
                var session = sessionPolicies[i];
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
        if (steps is not null && scpLevels.Length > 0 && scpExemption is not null) steps.Add($"service control policies do not apply: {scpExemption}");
        if (steps is not null && rcpLevels.Length > 0 && rcpExemption is not null) steps.Add($"resource control policies do not apply: {rcpExemption}");
        if (!scpAllows)
        {
            steps?.Add($"no service control policy at organization level {scpMissing + 1} ({Names(scpLevels[scpMissing])}) allows the request: implicit deny");
            return Decision.ImplicitDeny;
        }
        if (!rcpAllows)
        {
            steps?.Add($"no resource control policy at organization level {rcpMissing + 1} ({Names(rcpLevels[rcpMissing])}) allows the request: implicit deny");
            return Decision.ImplicitDeny;
        }

        bool callerSideAllows = identityAllowed && boundaryAllows && sessionAllows;
        if (steps is not null)
        {
            if (scpLevels.Length > 0 && scpExemption is null) steps.Add($"every organization level's service control policies allow ({scpLevels.Length} levels)");
            if (rcpLevels.Length > 0 && rcpExemption is null) steps.Add($"every organization level's resource control policies allow ({rcpLevels.Length} levels)");
            steps.Add(identityAllowed ? "identity-based policies allow" : "no identity-based policy allows");
            if (set.PermissionsBoundary is not null) steps.Add(boundaryAllows ? "the permissions boundary allows" : "the permissions boundary does not allow");
            if (sessionPolicies.Length > 0) steps.Add(sessionAllows ? "the session policy allows" : "the session policy does not allow");
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
    /// Evaluates organization levels (SCPs or RCPs): a Deny in any policy denies (<paramref name="denied"/>); a level allows
    /// when any policy attached there allows; returns whether every level allows, and otherwise the first that does not.
    /// </summary>
    private static bool EvaluateLevels(PreparedPolicy[][] levels, string kind, Request request, List<StatementTrace>? traces, ref bool denied, out int missing)
    {
        missing = -1;
        for (int i = 0; i < levels.Length; i++)
        {
            bool levelAllows = false;
            foreach (var policy in levels[i])
            {
                if (policy.AllowsEverything && traces is null)
                {
                    // FullAWSAccess: the level allows; a Deny can only come from its other policies.
                    levelAllows = true;
                    continue;
                }
                var o = policy.Evaluate(request, traces, traces is null ? null : $"{kind} {policy.Name}");
                denied |= o.Denied;
                levelAllows |= o.Allowed;
                if (denied && traces is null) return false;
            }
            // A later level's Deny still makes the decision an explicit deny, so all levels are evaluated.
            if (!levelAllows && missing < 0) missing = i;
        }
        return missing < 0;
    }

    private static string Names(PreparedPolicy[] level) => level.Length == 0 ? "none attached" : string.Join(", ", level.Select(p => p.Name));

    /// <summary>
    /// Whether the request is one whose resource-based policy must allow even in the same account: IAM User Guide, "Policy
    /// evaluation logic": "IAM role trust policies and KMS key policies are exceptions to this logic, because they must
    /// explicitly allow access for principals". A role's trust policy governs the STS actions on the role (assuming it,
    /// tagging the session); a key policy governs every action on the key. Without that policy, nothing allows.
    /// </summary>
    private static bool ResourcePolicyMustAllow(Request request)
    {
        // Found once per request and remembered there.
        int verdict = request.ResourcePolicyVerdict;
        if (verdict != Request.VerdictUnknown) return verdict == Request.VerdictYes;
        bool must = FindResourcePolicyMustAllow(request);
        request.ResourcePolicyVerdict = must ? Request.VerdictYes : Request.VerdictNo;
        return must;
    }

    private static bool FindResourcePolicyMustAllow(Request request)
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
