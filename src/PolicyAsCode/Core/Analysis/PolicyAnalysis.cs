using PolicyAsCode.Catalogue;

namespace PolicyAsCode.Analysis;

/// <summary>
/// Exact checks over every request a set of policies can see: find an allowed request, no new access, access not
/// granted, no public access, equivalence and unused statements.
/// </summary>
/// <remarks>
/// <para>How it is exact. A statement's match on the action depends only on which of the policies' action patterns the
/// action matches (its <em>signature</em>), and likewise for the resource (per ARN field). <see cref="GlobRegions"/>
/// gives one representative for every signature that some string has, so evaluating the representative requests (their
/// product) through the evaluator itself (<see cref="PreparedPolicy"/>) decides every request. A check that finds no
/// violating representative has proved that none exists; a violating one is the witness, which is replayed through a
/// freshly prepared evaluator before it is reported.</para>
/// <para>The fragment decided (docs/analysis.md, "Exact fragment and bounds"): Action/NotAction, Resource/NotResource
/// with <c>*</c> and six-field ARN patterns, every condition operator family with IfExists and ForAllValues/ForAnyValue,
/// multi-valued keys, explicit Deny over Allow, Principal/NotPrincipal, and with the callers fixed the keys and policy
/// variables derived from the caller. A policy outside it (a variable naming a key the request gives, a non-ARN
/// resource pattern, two operator families on one key) gets <see cref="VerdictKind.Unknown"/> with the reason: never a
/// wrong <em>holds</em>.</para>
/// </remarks>
public static partial class PolicyAnalysis
{
    private const string FreshAccount = "999999999999";

    /// <summary>Is any request in the scope allowed by the identity policies (some Allow and no Deny)?</summary>
    /// <returns>Fails with the allowed request as witness when one exists; holds when none does.</returns>
    public static Verdict FindAllowed(IReadOnlyList<PolicyDocument> policies, IReadOnlyList<string>? actions = null,
        IReadOnlyList<string>? resources = null, AnalysisOptions? options = null)
        => AccessNotGranted(policies, actions ?? ["*"], resources ?? ["*"], options);

    /// <summary>Is any of <paramref name="actions"/> on any of <paramref name="resources"/> (wildcards allowed) ever allowed?</summary>
    public static Verdict AccessNotGranted(IReadOnlyList<PolicyDocument> policies, IReadOnlyList<string> actions,
        IReadOnlyList<string> resources, AnalysisOptions? options = null)
    {
        var prepared = Prepare(policies);
        bool identity = !policies.Any(HasPrincipals);
        var actionScope = actions.Select(ActionMatcher.CompilePattern).ToArray();
        var resourceScope = resources.Select(r => ArnPattern.Compile(r, variables: false)).ToArray();
        return Search(policies, actions, resources, identity, options,
            request => actionScope.Any(p => p.IsMatch(request.Action, 0, request.Action.Length, null))
                && resourceScope.Any(p => p.IsMatch(request.Resource))
                && Decide(prepared, request) == Decision.Allow,
            request => Decide(Prepare(policies), request) == Decision.Allow,
            "no request for these actions and resources is allowed",
            "this request is allowed");
    }

    /// <summary>Does <paramref name="candidate"/> allow any request that <paramref name="baseline"/> does not?</summary>
    public static Verdict NoNewAccess(IReadOnlyList<PolicyDocument> baseline, IReadOnlyList<PolicyDocument> candidate,
        AnalysisOptions? options = null)
    {
        var before = Prepare(baseline);
        var after = Prepare(candidate);
        var all = baseline.Concat(candidate).ToList();
        return Search(all, [], [], identity: !all.Any(HasPrincipals), options,
            request => Decide(after, request) == Decision.Allow && Decide(before, request) != Decision.Allow,
            request => Decide(Prepare(candidate), request) == Decision.Allow && Decide(Prepare(baseline), request) != Decision.Allow,
            "the candidate allows no request the baseline does not",
            "the candidate allows this request and the baseline does not");
    }

    /// <summary>Do the two policy sets allow exactly the same requests?</summary>
    public static Verdict Equivalent(IReadOnlyList<PolicyDocument> left, IReadOnlyList<PolicyDocument> right,
        AnalysisOptions? options = null)
    {
        var a = Prepare(left);
        var b = Prepare(right);
        var all = left.Concat(right).ToList();
        return Search(all, [], [], identity: !all.Any(HasPrincipals), options,
            request => (Decide(a, request) == Decision.Allow) != (Decide(b, request) == Decision.Allow),
            request => (Decide(Prepare(left), request) == Decision.Allow) != (Decide(Prepare(right), request) == Decision.Allow),
            "both allow exactly the same requests",
            "exactly one of them allows this request");
    }

    /// <summary>
    /// For each statement of <paramref name="policy"/>: is it unused, i.e. removing it changes no decision (Allow,
    /// explicit deny or implicit deny) for any request? A statement that never applies is one case of this.
    /// </summary>
    /// <returns>One verdict per statement: holds when the statement is unused; fails with a request whose decision it changes.</returns>
    public static IReadOnlyList<Verdict> UnusedStatements(PolicyDocument policy, AnalysisOptions? options = null)
    {
        var verdicts = new List<Verdict>();
        var statements = policy.Statements.Items;
        for (int i = 0; i < statements.Length; i++)
        {
            var without = policy with { Statements = EquatableArray.Create(statements.Where((_, j) => j != i).ToArray()) };
            var whole = new PreparedPolicy(policy);
            var rest = new PreparedPolicy(without);
            verdicts.Add(Search([policy], [], [], identity: !HasPrincipals(policy), options,
                request => whole.Decide(request) != rest.Decide(request),
                request => new PreparedPolicy(policy).Decide(request) != new PreparedPolicy(without).Decide(request),
                $"statement {Label(statements[i], i)} changes no decision (removing it is safe)",
                $"statement {Label(statements[i], i)} decides this request"));
        }
        return verdicts;
    }

    /// <summary>
    /// Does a resource-based or trust policy allow a caller outside every account it names, or an anonymous caller?
    /// </summary>
    /// <remarks>
    /// Follows IAM Access Analyzer's meaning of public access: a Principal of <c>*</c> (or <c>{"AWS": "*"}</c>), or a
    /// NotPrincipal, that lets an unknown account's principals in. Callers from the accounts the policy names
    /// (cross-account but not public) are not reported; service and federated principals are not modelled yet. An
    /// outside caller never has a value the policy names exactly for a zone-of-trust key (<c>aws:PrincipalOrgID</c>,
    /// <c>aws:SourceAccount</c>, <c>aws:SourceVpce</c>, ...: see <see cref="ZoneOfTrustKeys"/>), so a condition
    /// requiring one limits access to the owner; a wildcard value does not (it can match values of others).
    /// </remarks>
    public static Verdict NoPublicAccess(PolicyDocument policy, AnalysisOptions? options = null)
    {
        // An outside caller cannot present the owner's organization, accounts, source ARNs or VPCs as its own
        // (Access Analyzer's zone of trust; PolicyAnalysis.ZoneOfTrust.cs).
        var trusted = ZoneOfTrust(policy);
        var prepared = new PreparedPolicy(policy);
        return Search([policy], [], [], identity: false, options,
            request => IsOutsider(request) && !trusted(request) && prepared.Decide(request) == Decision.Allow,
            request => IsOutsider(request) && !trusted(request) && new PreparedPolicy(policy).Decide(request) == Decision.Allow,
            "no anonymous caller and no principal outside the accounts the policy names is allowed",
            "a caller outside every account the policy names is allowed",
            callers: principal => principal is null || PrincipalAccountOf(principal) == FreshAccount);
    }

    private static bool IsOutsider(Request request) => request.Principal is null || request.PrincipalAccount == FreshAccount;

    /// <summary>The account of a representative caller, as <see cref="Request.PrincipalAccount"/> reads it.</summary>
    private static string? PrincipalAccountOf(string principal) => new Request(principal, "sts:GetCallerIdentity", "*").PrincipalAccount;

    private static bool HasPrincipals(PolicyDocument policy) => policy.Statements.Items.Any(s => s.Principal is not null);

    private static string Label(Statement statement, int index) => statement.Sid is { Length: > 0 } sid ? $"#{index} ({sid})" : $"#{index}";

    private static PreparedPolicy[] Prepare(IReadOnlyList<PolicyDocument> policies) => policies.Select(p => new PreparedPolicy(p)).ToArray();

    /// <summary>The identity-policy union: an explicit deny in any wins; otherwise an Allow in any allows.</summary>
    private static Decision Decide(PreparedPolicy[] policies, Request request)
    {
        bool allowed = false;
        foreach (var policy in policies)
        {
            var decision = policy.Decide(request);
            if (decision == Decision.ExplicitDeny) return Decision.ExplicitDeny;
            if (decision == Decision.Allow) allowed = true;
        }
        return allowed ? Decision.Allow : Decision.ImplicitDeny;
    }

    /// <summary>
    /// One caller per way a Principal or NotPrincipal element can treat it. <c>PreparedPrincipal</c> looks only at the
    /// caller's kind, its account, its role name and whether its whole ARN (or service name) is one the policies name; so
    /// for every named account and one account nobody names, its root, a user, a role and a role session, with every
    /// role name named for that account and a fresh one, plus every named principal itself and the anonymous caller,
    /// meet every outcome.
    /// </summary>
    private static string?[] PrincipalRepresentatives(IReadOnlyList<PolicyDocument> policies)
    {
        var accounts = new SortedSet<string>(StringComparer.Ordinal) { FreshAccount };
        var roles = new SortedSet<(string Account, string Role)>();
        var exact = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var policy in policies)
        {
            foreach (var statement in policy.Statements.Items)
            {
                if (statement.Principal is not { } principal) continue;
                foreach (var id in principal.Ids.Items)
                {
                    if (id.Value == "*") continue;
                    if (id.Type != PrincipalType.Aws || Arn.IsAccountId(id.Value))
                    {
                        if (id.Type == PrincipalType.Aws) accounts.Add(id.Value);
                        else exact.Add(id.Value);
                        continue;
                    }
                    exact.Add(id.Value);
                    if (!Arn.TryParse(id.Value, out var arn, out _) || arn!.Account is not { Length: > 0 } account) continue;
                    accounts.Add(account);
                    if (arn.Service == "iam" && arn.Resource.StartsWith("role/", StringComparison.Ordinal))
                    {
                        roles.Add((account, arn.Resource.Substring(arn.Resource.LastIndexOf('/') + 1)));
                    }
                    else if (arn.Service == "sts" && arn.Resource.Split('/') is ["assumed-role", var role, _])
                    {
                        roles.Add((account, role));
                    }
                }
            }
        }
        var callers = new List<string?> { null, "unnamed.amazonaws.com" };
        foreach (var account in accounts)
        {
            callers.Add($"arn:aws:iam::{account}:root");
            callers.Add($"arn:aws:iam::{account}:user/external");
            callers.Add($"arn:aws:iam::{account}:role/external");
            callers.Add($"arn:aws:sts::{account}:assumed-role/external/session");
        }
        foreach (var (account, role) in roles)
        {
            callers.Add($"arn:aws:iam::{account}:role/{role}");
            callers.Add($"arn:aws:sts::{account}:assumed-role/{role}/external-session");
        }
        callers.AddRange(exact);
        return callers.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static string? Unsupported(IReadOnlyList<PolicyDocument> policies, bool identity, IReadOnlyList<string?>? callers = null)
    {
        foreach (var policy in policies)
        {
            var statements = policy.Statements.Items;
            for (int i = 0; i < statements.Length; i++)
            {
                var statement = statements[i];
                string where = $"statement {Label(statement, i)}";
                foreach (var condition in statement.Conditions.Items)
                {
                    if (UnsupportedCondition(policy, condition, callers) is { } why) return $"{where}: {why}";
                }
                if (identity && statement.Principal is not null) return $"{where} has a {statement.Principal.ElementName}; this check is for identity policies";
                if (statement.Resource is { } resource)
                {
                    foreach (var pattern in resource.Values.Items)
                    {
                        if (Concretize(pattern, wildcards: true, policy.SupportsPolicyVariables, callers, null) is { } why)
                        {
                            return $"{where}: the resource '{pattern}': {why}";
                        }
                    }
                }
            }
        }
        return null;
    }

    private static readonly HashSet<string> DerivedKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "aws:PrincipalArn", "aws:PrincipalAccount", "aws:PrincipalType", "aws:username", "aws:PrincipalIsAWSService", "aws:ResourceAccount",
    };

    /// <summary>
    /// The decided condition fragment: String, Arn, Numeric, Date, Bool, Binary, IpAddress and Null operators, with or
    /// without IfExists and ForAllValues/ForAnyValue, on keys the request gives. A condition's result depends only on
    /// whether its key is present and on which region of the values named for that key each request value is in (see
    /// <see cref="ContextRepresentatives"/>). StringEquals compares <c>*</c> and <c>?</c> literally: they become private
    /// characters of the automaton (<see cref="Concretize"/>). When the callers are fixed (<paramref name="callers"/>), the
    /// keys the evaluator derives from the caller are decided by evaluating each caller, and policy variables naming them
    /// are replaced by each caller's value. Not decided: variables naming other keys, aws:ResourceAccount, several operator
    /// families on one key.
    /// </summary>
    private static string? UnsupportedCondition(PolicyDocument policy, Condition condition, IReadOnlyList<string?>? callers = null)
    {
        var op = condition.Operator;
        string what = $"the condition {op.Name} on {condition.Key}";
        if (op.Family is not (ConditionOperatorFamily.String or ConditionOperatorFamily.Arn or ConditionOperatorFamily.Numeric
            or ConditionOperatorFamily.Date or ConditionOperatorFamily.Bool or ConditionOperatorFamily.IpAddress or ConditionOperatorFamily.Null
            or ConditionOperatorFamily.Binary))
        {
            return $"{what}: the operator family is not decided yet (decided: String, Arn, Numeric, Date, Bool, Binary, IpAddress and Null operators)";
        }
        if (DerivedKeys.Contains(condition.Key))
        {
            if (callers is null) return $"{what}: the key is derived from the principal or resource; give the callers (AnalysisScope.Callers) to decide it";
            if (!PrincipalDerivedKeys.Contains(condition.Key)) return $"{what}: the key is derived from the resource's account; not decided yet";
        }
        if (op.Kind == ConditionOperatorKind.Null || !IsReadable(policy, condition)) return null;
        if (op.Family is not (ConditionOperatorFamily.String or ConditionOperatorFamily.Arn)) return null;
        bool wildcards = op.Family == ConditionOperatorFamily.Arn || op.Kind is ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike;
        foreach (var value in condition.Values.Items)
        {
            if (Concretize(value, wildcards, policy.SupportsPolicyVariables, callers, null) is { } why) return $"{what}: '{value}': {why}";
        }
        return null;
    }

    /// <summary>
    /// A condition whose policy values the evaluator cannot read (a number that is not one) is an error whatever the
    /// request: it reads no key, so its values make no regions.
    /// </summary>
    private static bool IsReadable(PolicyDocument policy, Condition condition)
        => new PreparedCondition(condition, policy.SupportsPolicyVariables).InvalidReason is null;

    /// <summary>
    /// One context per combination of the condition keys' value sets (a key may also be missing). Per key: one value
    /// per region of the values its conditions name (<see cref="KeyRepresentatives"/>); a request may give a key several
    /// values, and when more than one condition reads the key, which of them hold depends on the set of regions its values
    /// fall in, so every nonempty set of representatives is tried (<see cref="ValueRegions.Sets"/>), smallest first.
    /// </summary>
    private static string? ContextRepresentatives(IEnumerable<ScopedStatement> statements, AnalysisOptions options, out List<Dictionary<string, string[]>> contexts,
        IReadOnlyList<string?>? callers = null)
    {
        contexts = [new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)];
        var byKey = new Dictionary<string, List<(Condition Condition, bool Variables)>>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var scoped in statements)
        {
            foreach (var condition in scoped.Statement.Conditions.Items)
            {
                // With the callers fixed, the derived keys are the evaluator's, never given by the request.
                if (callers is not null && DerivedKeys.Contains(condition.Key)) continue;
                if (!byKey.TryGetValue(condition.Key, out var conditions))
                {
                    byKey[condition.Key] = conditions = [];
                    order.Add(condition.Key);
                }
                if (condition.Operator.Kind != ConditionOperatorKind.Null && IsReadable(scoped.Policy, condition)) conditions.Add((condition, scoped.Policy.SupportsPolicyVariables));
            }
        }
        foreach (var key in order)
        {
            var conditions = byKey[key];
            if (KeyRepresentatives(key, conditions, options, out var reps, callers) is { } why) return why;
            // One condition is decided by one value; a key the catalogue knows as single-valued never has two (AWS sends one).
            bool single = conditions.Select(c => c.Condition.Operator.Name + "\u0001" + string.Join("\u0001", c.Condition.Values.Items)).Distinct(StringComparer.Ordinal).Count() <= 1
                || IsSingleValued(key);
            var sets = ValueRegions.Sets(reps!, single, options.MaxRequests);
            if (sets is null) return $"{key} is read by several conditions and its values fall in {reps!.Count} regions: the sets of them exceed the bound ({ValueRegions.MaxSetRepresentatives} regions, {options.MaxRequests} sets)";
            var next = new List<Dictionary<string, string[]>>();
            foreach (var context in contexts)
            {
                next.Add(context);
                foreach (var set in sets) next.Add(new Dictionary<string, string[]>(context, StringComparer.OrdinalIgnoreCase) { [key] = set });
                if (next.Count > options.MaxRequests) return $"the condition keys need more than {options.MaxRequests} contexts";
            }
            contexts = next;
        }
        return null;
    }

    /// <summary>One request value per region of the values the conditions on one key name (they must be of one family).</summary>
    private static string? KeyRepresentatives(string key, List<(Condition Condition, bool Variables)> conditions, AnalysisOptions options, out List<string>? reps,
        IReadOnlyList<string?>? callers = null)
    {
        reps = null;
        if (conditions.Count == 0)
        {
            // Only Null reads the key: any value stands for every present one.
            reps = ["present"];
            return null;
        }
        var families = conditions.Select(c => c.Condition.Operator.Family).Distinct().ToList();
        if (families.Count > 1) return $"the key {key} is read by operators of several families ({string.Join(", ", families)}); not decided yet";
        var values = conditions.SelectMany(c => c.Condition.Values.Items).Distinct(StringComparer.Ordinal).ToList();
        switch (families[0])
        {
            case ConditionOperatorFamily.String:
                var ignoreCase = conditions.Select(c => c.Condition.Operator.Kind is ConditionOperatorKind.StringEqualsIgnoreCase or ConditionOperatorKind.StringNotEqualsIgnoreCase).Distinct().ToList();
                if (ignoreCase.Count > 1) return $"the key {key} is compared both with and without case; not decided yet";
                var patterns = new List<string>();
                foreach (var (condition, variables) in conditions)
                {
                    bool like = condition.Operator.Kind is ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike;
                    foreach (var value in condition.Values.Items)
                    {
                        if (Concretize(value, like, variables, callers, patterns) is { } why) return $"the values of {key}: {why}";
                    }
                }
                reps = GlobRegions.Representatives(patterns.Distinct(StringComparer.Ordinal).ToList(), ignoreCase: ignoreCase[0], excluded: null, options.MaxAutomatonStates);
                if (reps is null) return $"the values of {key} need more than {options.MaxAutomatonStates} automaton states";
                reps = reps.ConvertAll(SwapLiteralWildcards);
                return null;
            case ConditionOperatorFamily.Arn:
                var arnPatterns = new List<string>();
                foreach (var (condition, variables) in conditions)
                {
                    foreach (var value in condition.Values.Items)
                    {
                        if (Concretize(value, wildcards: true, variables, callers, arnPatterns) is { } why) return $"the ARN values of {key}: {why}";
                    }
                }
                if (ResourceRepresentatives(arnPatterns.Distinct(StringComparer.Ordinal).Select(v => (IReadOnlyList<string>)[v]).ToList(), options, out var arns) is { } notArns) return $"the ARN values of {key}: {notArns}";
                reps = arns?.ConvertAll(SwapLiteralWildcards) ?? ["arn:aws:s3:::example", "not-an-arn"];
                return null;
            case ConditionOperatorFamily.Numeric:
                reps = ValueRegions.Numbers(values);
                return reps is null ? $"the numbers {key} is compared with leave no decimal between two of them" : null;
            case ConditionOperatorFamily.Date:
                reps = ValueRegions.Dates(values);
                return reps is null ? $"the dates {key} is compared with cannot be written back exactly" : null;
            case ConditionOperatorFamily.Bool:
                reps = ValueRegions.Bools();
                return null;
            case ConditionOperatorFamily.Binary:
                reps = ValueRegions.Binaries(values);
                return reps is null ? $"the values {key} is compared with are not base64" : null;
            default:
                reps = ValueRegions.Addresses(values);
                return reps is null ? $"the addresses {key} is compared with cannot be read" : null;
        }
    }

    /// <summary>
    /// One resource per reachable combination of the <paramref name="languages"/> (each a union of ARN patterns, such as
    /// one statement's Resource or NotResource element), from <see cref="GlobLanguages"/> over whole ARNs. Null
    /// <paramref name="resources"/> when every language holds <c>*</c> (the resource does not matter).
    /// </summary>
    private static string? ResourceRepresentatives(List<IReadOnlyList<string>> languages, AnalysisOptions options, out List<string>? resources)
    {
        resources = null;
        var kept = new List<IReadOnlyList<string>>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            // A language holding '*' holds every string: its bit is the same for every resource.
            if (language.Contains("*")) continue;
            foreach (var pattern in language)
            {
                if (!pattern.StartsWith("arn:", StringComparison.Ordinal)) return $"the resource pattern '{pattern}' is not an ARN; only ARN patterns and '*' are decided";
                if (pattern.Split(':').Length < 6) return $"the resource pattern '{pattern}' has fewer than six ARN fields; not decided yet";
            }
            if (keys.Add(string.Join("\n", language))) kept.Add(language);
        }
        if (kept.Count == 0) return null;
        var regions = GlobLanguages.Regions(kept, ignoreCase: false, excluded: null, arn: true, options.MaxAutomatonStates);
        if (regions is null) return $"the resource patterns need more than {options.MaxAutomatonStates} automaton states";
        resources = new List<string>(regions.Count);
        foreach (var region in regions)
        {
            // The region outside every pattern holds strings that are not ARNs: show one that says so.
            resources.Add(region.Value.IndexOf('1') < 0 ? "not-an-arn" : region.Key);
        }
        return null;
    }

    private static string TrivialResource(string action)
    {
        int colon = action.IndexOf(':');
        string service = colon > 0 ? action.Substring(0, colon) : "service";
        return $"arn:aws:{service}:us-east-1:111122223333:example";
    }

    /// <summary>
    /// Replaces the automaton's action by a catalogue action (of its service when the catalogue knows the service) for
    /// which the request still violates, when one exists; keeps the request otherwise. Any such request is a witness;
    /// trying the catalogue's actions costs one decision each, not a match against every pattern of the policies.
    /// </summary>
    private static Request Readable(Request request, bool resourceTrivial, Func<Request, bool> violates)
    {
        if (ServiceCatalogue.Default.TryGetAction(request.Action, out var exact))
        {
            var canonical = Rebuild(request, exact.FullName, resourceTrivial ? TrivialResource(exact.FullName) : request.Resource, Given(request));
            return violates(canonical) ? canonical : request;
        }
        int colon = request.Action.IndexOf(':');
        IEnumerable<ServiceInfo> services = colon > 0 && ServiceCatalogue.Default.TryGetService(request.Action.Substring(0, colon), out var known)
            ? [known] : ServiceCatalogue.Default.Services;
        foreach (var service in services)
        {
            foreach (var info in service.Actions.Items)
            {
                string name = info.FullName;
                var candidate = Rebuild(request, name, resourceTrivial ? TrivialResource(name) : request.Resource, Given(request));
                if (violates(candidate)) return candidate;
            }
        }
        return request;
    }

    /// <summary>The context keys the request was given (not the ones the evaluator derives from the principal).</summary>
    private static Dictionary<string, string[]> Given(Request request)
    {
        var given = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, values) in request.Context)
        {
            if (!DerivedKeys.Contains(key)) given[key] = values;
        }
        return given;
    }

    /// <summary>Drops every context key the witness does not need.</summary>
    private static Request Minimal(Request request, Func<Request, bool> violates)
    {
        var context = Given(request);
        foreach (var key in context.Keys.ToList())
        {
            var values = context[key];
            context.Remove(key);
            var smaller = Rebuild(request, request.Action, request.Resource, context);
            if (violates(smaller)) request = smaller;
            else context[key] = values;
        }
        return request;
    }
}
