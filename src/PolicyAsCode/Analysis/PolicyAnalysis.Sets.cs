namespace PolicyAsCode.Analysis;

/// <summary>
/// Checks over a <see cref="PolicySet"/>: identity-based policies, resource-based policy (same account or across
/// accounts), permissions boundary, session policies, SCP and RCP levels, decided by <see cref="Authorizer"/> itself.
/// </summary>
/// <remarks>
/// Exact for the same reason as the single-policy checks: <see cref="Authorizer"/> reads a request only through which
/// action and resource patterns of the set's policies it matches, the caller, the resource's account and the context
/// values' regions. The patterns the evaluation logic itself tests are added to the policies' own (the actions and
/// resources <c>ServiceRules</c> names, <c>sts:*</c> and <c>role/*</c> for trust policies, <c>key/*</c> for key
/// policies, the RCP services, each caller's account and the empty account field), so every distinction the logic makes
/// has its own representative.
/// </remarks>
public static partial class PolicyAnalysis
{
    /// <summary>Is any request in the scope allowed by the whole set (<see cref="Authorizer.Authorize"/>)?</summary>
    /// <returns>Fails with an allowed request as witness; holds when the set allows nothing.</returns>
    public static Verdict FindAllowed(PolicySet set, AnalysisScope? scope = null, AnalysisOptions? options = null)
        => AccessNotGranted(set, ["*"], ["*"], scope, options);

    /// <summary>Does the set allow any of <paramref name="actions"/> on any of <paramref name="resources"/> (wildcards allowed)?</summary>
    public static Verdict AccessNotGranted(PolicySet set, IReadOnlyList<string> actions, IReadOnlyList<string> resources,
        AnalysisScope? scope = null, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(resources);
        var interpreted = Interpreted(set);
        var actionScope = actions.Select(ActionMatcher.CompilePattern).ToArray();
        var resourceScope = resources.Select(r => ArnPattern.Compile(r, variables: false)).ToArray();
        bool InScope(Request r) => actionScope.Any(p => p.IsMatch(r.Action, 0, r.Action.Length, null)) && resourceScope.Any(p => p.IsMatch(r.Resource));
        return SearchSets([set], actions, resources, scope, options,
            r => InScope(r) && Authorizer.Authorize(interpreted, r) == Decision.Allow,
            r => InScope(r) && Allows(set, r),
            "the set allows no request for these actions and resources",
            "the set allows this request");
    }

    /// <summary>Does <paramref name="candidate"/> allow any request that <paramref name="baseline"/> does not?</summary>
    public static Verdict NoNewAccess(PolicySet baseline, PolicySet candidate, AnalysisScope? scope = null, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        var before = Interpreted(baseline);
        var after = Interpreted(candidate);
        return SearchSets([baseline, candidate], [], [], scope, options,
            r => Authorizer.Authorize(after, r) == Decision.Allow && Authorizer.Authorize(before, r) != Decision.Allow,
            r => Allows(candidate, r) && Denies(baseline, r),
            "the candidate set allows no request the baseline set does not",
            "the candidate set allows this request and the baseline set does not");
    }

    /// <summary>Do the two sets allow exactly the same requests?</summary>
    public static Verdict Equivalent(PolicySet left, PolicySet right, AnalysisScope? scope = null, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var a = Interpreted(left);
        var b = Interpreted(right);
        return SearchSets([left, right], [], [], scope, options,
            r => (Authorizer.Authorize(a, r) == Decision.Allow) != (Authorizer.Authorize(b, r) == Decision.Allow),
            r => (Allows(left, r) && Denies(right, r)) || (Allows(right, r) && Denies(left, r)),
            "both sets allow exactly the same requests",
            "exactly one of the sets allows this request");
    }

    /// <summary>
    /// Whether the set allows the request, decided twice: by the set as given (whose policies may carry compiled
    /// evaluators) and by a freshly interpreted copy. They must agree; a disagreement is a bug and throws.
    /// </summary>
    private static bool Allows(PolicySet set, Request request)
    {
        bool given = Authorizer.Authorize(set, request) == Decision.Allow;
        bool interpreted = Authorizer.Authorize(Interpreted(set), request) == Decision.Allow;
        if (given != interpreted)
        {
            throw new InvalidOperationException($"Analysis bug: the set's evaluators and the interpreter disagree on {Verdict.Describe(request)}.");
        }
        return given;
    }

    private static bool Denies(PolicySet set, Request request) => !Allows(set, request);

    /// <summary>The set with every policy prepared again from its document (the interpreter, no compiled evaluator).</summary>
    private static PolicySet Interpreted(PolicySet set)
    {
        static PreparedPolicy Fresh(PreparedPolicy p) => new(p.Document, p.Name);
        static PreparedPolicy[] All(IReadOnlyList<PreparedPolicy> list) => list.Select(Fresh).ToArray();
        return new PolicySet
        {
            IdentityPolicies = All(set.IdentityPolicies),
            ResourcePolicy = set.ResourcePolicy is { } resource ? Fresh(resource) : null,
            PermissionsBoundary = set.PermissionsBoundary is { } boundary ? Fresh(boundary) : null,
            SessionPolicies = All(set.SessionPolicies),
            ServiceControlPolicyLevels = set.ScpLevels.Select(l => (IReadOnlyList<PreparedPolicy>)All(l)).ToArray(),
            ResourceControlPolicyLevels = set.RcpLevels.Select(l => (IReadOnlyList<PreparedPolicy>)All(l)).ToArray(),
            ManagementAccount = set.ManagementAccount,
            ResourceIsAwsManagedKey = set.ResourceIsAwsManagedKey,
        };
    }

    /// <summary>The policies a caller's identity stands behind (no principals allowed) and the resource side's (principals).</summary>
    private static (List<PolicyDocument> CallerSide, List<PolicyDocument> ResourceSide) Sides(PolicySet set)
    {
        var caller = set.IdentityPolicies.Concat(set.SessionPolicies).Concat(set.ScpLevels.SelectMany(l => l)).Select(p => p.Document).ToList();
        if (set.PermissionsBoundary is { } boundary) caller.Add(boundary.Document);
        var resource = set.RcpLevels.SelectMany(l => l).Select(p => p.Document).ToList();
        if (set.ResourcePolicy is { } policy) resource.Add(policy.Document);
        return (caller, resource);
    }

    private static Verdict SearchSets(PolicySet[] sets, IReadOnlyList<string> extraActions, IReadOnlyList<string> extraResources,
        AnalysisScope? scope, AnalysisOptions? options, Func<Request, bool> violates, Func<Request, bool> replay, string holds, string fails)
    {
        options ??= AnalysisOptions.Default;
        var token = options.CancellationToken;
        if (token.IsCancellationRequested) return Verdict.Unknown("cancelled");
        var callers = scope?.Callers;
        var documents = new List<PolicyDocument>();
        var resourceSide = new List<PolicyDocument>();
        bool rcps = false;
        string? managementAccount = null;
        foreach (var set in sets)
        {
            var (caller, resource) = Sides(set);
            if (Unsupported(caller, identity: true, callers) is { } callerWhy) return Verdict.Unknown(callerWhy);
            if (Unsupported(resource, identity: false, callers) is { } resourceWhy) return Verdict.Unknown(resourceWhy);
            documents.AddRange(caller);
            documents.AddRange(resource);
            resourceSide.AddRange(resource);
            rcps |= set.RcpLevels.Length > 0;
            managementAccount ??= set.ManagementAccount;
        }

        // RCPs name every principal ("*"): only a resource-based policy tells callers apart.
        var resourcePolicies = sets.Where(s => s.ResourcePolicy is not null).Select(s => s.ResourcePolicy!.Document).ToList();
        string?[] principals = callers is not null ? [.. callers]
            : resourcePolicies.Any(HasPrincipals) ? SetCallerRepresentatives(resourcePolicies, organization: sets.Any(s => s.ScpLevels.Length + s.RcpLevels.Length > 0), managementAccount) : [null];

        var actionPatterns = new List<string>(extraActions);
        var resourcePatterns = new List<string>(extraResources);
        foreach (var policy in documents)
        {
            foreach (var statement in policy.Statements.Items)
            {
                actionPatterns.AddRange(statement.Action.Values.Items);
                AddResourcePatterns(policy, statement, callers, resourcePatterns);
            }
        }
        // What the evaluation logic itself tells apart (Authorizer, ServiceRules, OrganizationScope).
        actionPatterns.AddRange(ServiceRules.NamedActions);
        actionPatterns.Add("sts:*");
        actionPatterns.Add("kms:RetireGrant");
        if (rcps) actionPatterns.AddRange(RcpSupportedServices.All.Select(s => s + ":*"));
        resourcePatterns.AddRange(EvaluationLogicResources);
        var accounts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var principal in principals)
        {
            if (new Request(principal, "sts:GetCallerIdentity", "*").PrincipalAccount is { } account) accounts.Add(account);
        }
        if (managementAccount is not null) accounts.Add(managementAccount);
        foreach (var account in accounts)
        {
            if (account.IndexOfAny([':', '*', '?']) < 0) resourcePatterns.Add($"arn:*:*:*:{account}:*");
        }

        var actions = ActionRepresentatives(actionPatterns, options.MaxAutomatonStates);
        if (actions is null) return Verdict.Unknown($"the action patterns need more than {options.MaxAutomatonStates} automaton states");
        if (ResourceRepresentatives(resourcePatterns.Distinct(StringComparer.Ordinal).Select(p => (IReadOnlyList<string>)[p]).ToList(), options, out var resources) is { } why) return Verdict.Unknown(why);
        var resourceList = resources!.ConvertAll(SwapLiteralWildcards);
        if (ContextRepresentatives(documents.SelectMany(d => d.Statements.Items.Select(s => new ScopedStatement(d, s))), options, out var contexts, callers) is { } noContexts) return Verdict.Unknown(noContexts);
        long total = (long)actions.Count * resourceList.Count * principals.Length * contexts.Count;
        if (total > options.MaxRequests) return Verdict.Unknown($"{total} representative requests exceed the bound of {options.MaxRequests}");
        long steps = 0;
        foreach (var action in actions)
        {
            foreach (var resource in resourceList)
            {
                string? resourceAccount = HasAccountField(resource) ? null : scope?.ResourceAccount;
                foreach (var principal in principals)
                foreach (var context in contexts)
                {
                    if ((++steps & 1023) == 0 && token.IsCancellationRequested) return Verdict.Unknown("cancelled");
                    var request = new Request(principal, action, resource, context, resourceAccount);
                    if (!violates(request)) continue;
                    var witness = Minimal(Readable(request, resourceTrivial: false, violates), violates);
                    if (!replay(witness))
                    {
                        throw new InvalidOperationException($"Analysis bug: the witness {Verdict.Describe(witness)} does not replay through the evaluator.");
                    }
                    return Verdict.Fails(witness, fails, Given(witness), principalMatters: principals is not [null]);
                }
            }
        }
        return Verdict.Holds(holds);
    }

    /// <summary>
    /// The callers of <see cref="PrincipalRepresentatives"/>, and what else the evaluation logic tells apart: a federated
    /// user session in each account (no permissions without a session policy), and with organization levels a
    /// service-linked role session in each account (SCPs and RCPs do not restrict it) and the management account's callers.
    /// </summary>
    private static string?[] SetCallerRepresentatives(List<PolicyDocument> resourceSide, bool organization, string? managementAccount)
    {
        var callers = new List<string?>(PrincipalRepresentatives(resourceSide));
        var accounts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var caller in callers)
        {
            if (new Request(caller, "sts:GetCallerIdentity", "*").PrincipalAccount is { } account) accounts.Add(account);
        }
        if (organization && managementAccount is not null && accounts.Add(managementAccount))
        {
            callers.Add($"arn:aws:iam::{managementAccount}:root");
            callers.Add($"arn:aws:iam::{managementAccount}:user/external");
            callers.Add($"arn:aws:sts::{managementAccount}:assumed-role/external/session");
        }
        foreach (var account in accounts)
        {
            callers.Add($"arn:aws:sts::{account}:federated-user/external");
            if (organization) callers.Add($"arn:aws:sts::{account}:assumed-role/AWSServiceRoleForAnalysis/session");
        }
        return callers.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Resources the evaluation logic treats apart: roles (trust policies must allow <c>sts:</c> actions), service-linked
    /// and Identity Center roles and AWS managed policies (<c>ServiceRules</c>), KMS keys (key policies must allow) and AWS
    /// managed key aliases (no RCPs), and ARNs without an account field (the resource is then the caller's, or
    /// <see cref="AnalysisScope.ResourceAccount"/>'s).
    /// </summary>
    private static readonly string[] EvaluationLogicResources =
    [
        "arn:*:iam:*:*:role/*", "arn:*:iam:*:*:role/aws-service-role/*", "arn:*:iam:*:*:role/aws-reserved/sso.amazonaws.com/*",
        "arn:*:iam:*:aws:policy/*", "arn:*:kms:*:*:key/*", "arn:*:kms:*:*:alias/aws/*", "arn:*:*:*::*",
    ];

    /// <summary>
    /// One action per reachable set of matched action patterns, computed per service: a pattern whose service part
    /// (before the first colon) has no wildcard matches only actions of that service, so an action of service s matches
    /// only s's patterns and the cross-service ones (<c>*</c>, <c>s3*:Get*</c>). Each service's automaton has its own
    /// patterns, the cross-service ones and the marker <c>s:*</c>, and keeps the actions inside the marker; one more has
    /// the cross-service patterns and every marker, and keeps the actions outside all of them. The sum of these is far
    /// smaller than the product over every pattern (<c>ReadOnlyAccess</c> names hundreds of services).
    /// </summary>
    private static List<string>? ActionRepresentatives(List<string> patterns, int maxStates)
    {
        var byService = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var crossService = new List<string>();
        foreach (var pattern in patterns.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            int colon = pattern.IndexOf(':');
            string service = colon < 0 ? "" : pattern.Substring(0, colon);
            if (colon <= 0 || service.IndexOfAny(['*', '?']) >= 0) crossService.Add(pattern);
            else
            {
                if (!byService.TryGetValue(service, out var list)) byService[service] = list = [];
                list.Add(pattern);
            }
        }
        if (byService.Count <= 1) return GlobRegions.Representatives(patterns.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), ignoreCase: true, excluded: null, maxStates);
        var result = new List<string>();
        var markers = byService.Keys.Select(s => s + ":*").ToList();
        foreach (var (service, own) in byService.OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase))
        {
            string marker = service + ":*";
            var reps = GlobRegions.Representatives([.. own, .. crossService, marker], ignoreCase: true, excluded: null, maxStates);
            if (reps is null) return null;
            var inside = ActionMatcher.CompilePattern(marker);
            result.AddRange(reps.Where(r => inside.IsMatch(r, 0, r.Length, null)));
        }
        var outside = GlobRegions.Representatives([.. crossService, .. markers], ignoreCase: true, excluded: null, maxStates);
        if (outside is null) return null;
        var compiledMarkers = markers.Select(ActionMatcher.CompilePattern).ToArray();
        result.AddRange(outside.Where(r => !compiledMarkers.Any(m => m.IsMatch(r, 0, r.Length, null))));
        return result;
    }
}
