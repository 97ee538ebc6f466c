using PolicyAsCode.Catalogue;

namespace PolicyAsCode.Analysis;

/// <summary>
/// The search, decomposed by action class: the representative requests are enumerated per class of actions that every
/// statement treats alike, each with only the resource patterns and conditions of the statements that apply to it.
/// </summary>
/// <remarks>
/// <para>Why this is exact. A statement's result for a request is "applies" only when its Action/NotAction element
/// matches the action, and then depends on the resource, the caller and the context alone; the evaluator reads the
/// action nowhere else. So every policy's decision for (action, resource, caller, context) is a function of the set
/// <c>S(action)</c> of statements whose action element matches, and of how the statements in <c>S</c> treat the rest.
/// Two actions with the same <c>S</c> (and the same membership in the check's action scope) get the same decisions
/// for every resource, caller and context: one action per class stands for all. Within a class, the statements outside
/// <c>S</c> decide nothing, so the resource regions need only the patterns of <c>S</c>'s Resource/NotResource
/// elements (and the check's resource scope), and the context regions only the conditions of <c>S</c>: every request
/// of the class falls in one of those regions, and each region's representative gets the decisions of every request
/// in it (the argument of <see cref="GlobRegions"/> and <see cref="ContextRepresentatives"/>, applied to fewer
/// patterns). The union over the classes of these representatives therefore decides every request.</para>
/// <para>The classes come from the action regions: one representative per reachable set of matched action patterns
/// (<see cref="ActionClasses"/>, per service prefix), each mapped to its statement set. The cost is the sum over the
/// classes of their regions, not the product over every pattern of the policies: <c>ReadOnlyAccess</c> against
/// <c>ViewOnlyAccess</c> is a few thousand action regions in a handful of classes, each with one resource.</para>
/// </remarks>
public static partial class PolicyAnalysis
{
    /// <summary>A statement of the policies under analysis, with the document it is in (its version decides variables).</summary>
    private sealed class ScopedStatement(PolicyDocument policy, Statement statement)
    {
        public PolicyDocument Policy { get; } = policy;

        public Statement Statement { get; } = statement;
    }

    /// <summary>Actions every statement treats alike: the statements that apply to them, and one of them.</summary>
    private sealed class ActionClass(string action, int[] statements, bool inScope)
    {
        /// <summary>The representative: a catalogue action when the class has one.</summary>
        public string Action { get; set; } = action;

        /// <summary>Indices of the statements whose Action/NotAction element matches the class, ascending.</summary>
        public int[] Statements { get; } = statements;

        /// <summary>Whether the class is in the check's action scope.</summary>
        public bool InScope { get; } = inScope;
    }

    /// <summary>
    /// Enumerates the representative requests class by class and returns the first violating one (made readable and
    /// minimal, and replayed) as the witness, or holds. <paramref name="actionScope"/>: action patterns of the check's
    /// scope (when nonempty, a request outside them never violates); <paramref name="resourceScope"/>: resource patterns
    /// the check itself reads (added to every class's patterns); <paramref name="callers"/>, when given, the callers
    /// that can violate at all (the others are not enumerated).
    /// </summary>
    private static Verdict Search(IReadOnlyList<PolicyDocument> policies, IReadOnlyList<string> actionScope,
        IReadOnlyList<string> resourceScope, bool identity, AnalysisOptions? options, Func<Request, bool> violates,
        Func<Request, bool> replay, string holds, string fails, Func<string?, bool>? callers = null)
    {
        options ??= AnalysisOptions.Default;
        var token = options.CancellationToken;
        if (token.IsCancellationRequested) return Verdict.Unknown("cancelled");
        if (Unsupported(policies, identity) is { } unsupported) return Verdict.Unknown(unsupported);
        var statements = new List<ScopedStatement>();
        foreach (var policy in policies)
        {
            foreach (var statement in policy.Statements.Items) statements.Add(new ScopedStatement(policy, statement));
        }
        var classes = ActionClasses(statements, actionScope, options.MaxAutomatonStates);
        if (classes is null) return Verdict.Unknown($"the action patterns need more than {options.MaxAutomatonStates} automaton states");
        var principals = identity ? [null] : PrincipalRepresentatives(policies);
        if (callers is not null) principals = principals.Where(callers).ToArray();

        // Plan every class first, so that the bound is checked before anything is evaluated.
        var resourcesByPatterns = new Dictionary<string, List<string>?>(StringComparer.Ordinal);
        var contextsByStatements = new Dictionary<string, List<Dictionary<string, string[]>>>(StringComparer.Ordinal);
        var plans = new List<(ActionClass Class, List<string>? Resources, List<Dictionary<string, string[]>> Contexts)>();
        long total = 0;
        foreach (var actionClass in classes)
        {
            if (actionScope.Count > 0 && !actionClass.InScope) continue;
            // One language per Resource/NotResource element of the statements that apply, and the check's own scope.
            var languages = new List<IReadOnlyList<string>>();
            if (resourceScope.Count > 0) languages.Add(resourceScope);
            var conditioned = new List<int>();
            foreach (int i in actionClass.Statements)
            {
                var statement = statements[i].Statement;
                if (statement.Resource is not null)
                {
                    var concrete = new List<string>();
                    AddResourcePatterns(statements[i].Policy, statement, null, concrete);
                    languages.Add(concrete);
                }
                if (statement.Conditions.Items.Length > 0) conditioned.Add(i);
            }
            string resourceKey = string.Join("\n\n", languages.Select(l => string.Join("\n", l)).Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal));
            if (!resourcesByPatterns.TryGetValue(resourceKey, out var resources))
            {
                if (ResourceRepresentatives(languages, options, out resources) is { } why) return Verdict.Unknown(why);
                resources = resources?.ConvertAll(SwapLiteralWildcards);
                resourcesByPatterns[resourceKey] = resources;
            }
            string contextKey = string.Join(",", conditioned);
            if (!contextsByStatements.TryGetValue(contextKey, out var contexts))
            {
                if (ContextRepresentatives(conditioned.Select(i => statements[i]), options, out contexts) is { } why) return Verdict.Unknown(why);
                contextsByStatements[contextKey] = contexts;
            }
            total += (long)(resources?.Count ?? 1) * principals.Length * contexts.Count;
            if (total > options.MaxRequests) return Verdict.Unknown($"more than {options.MaxRequests} representative requests (the bound) over {classes.Count} action classes");
            plans.Add((actionClass, resources, contexts));
        }

        long steps = 0;
        foreach (var (actionClass, resources, contexts) in plans)
        {
            string action = actionClass.Action;
            foreach (var resource in resources ?? [TrivialResource(action)])
            {
                foreach (var principal in principals)
                foreach (var context in contexts)
                {
                    if ((++steps & 1023) == 0 && token.IsCancellationRequested) return Verdict.Unknown("cancelled");
                    var request = new Request(principal, action, resource, context);
                    if (!violates(request)) continue;
                    var witness = Minimal(Readable(request, resources is null, violates), violates);
                    if (!replay(witness))
                    {
                        throw new InvalidOperationException($"Analysis bug: the witness {Verdict.Describe(witness)} does not replay through the evaluator.");
                    }
                    return Verdict.Fails(witness, fails, Given(witness), principalMatters: !identity);
                }
            }
        }
        return Verdict.Holds(holds);
    }

    /// <summary>
    /// The partition of all action names (the catalogue's and every other string) into classes by the set of statements
    /// whose Action/NotAction element matches them, plus membership in <paramref name="scope"/>: each statement's
    /// element (and the scope) is one language of <see cref="GlobLanguages"/>, so only the combinations the statements
    /// tell apart are enumerated. Null when an automaton exceeds its budget.
    /// </summary>
    /// <remarks>
    /// Per service, which is exact: a pattern whose service part (before the first colon) has no wildcard matches only
    /// actions of that service (case-insensitively), so an action of service s is matched only by s's patterns and the
    /// cross-service ones (<c>*</c>, <c>*:Get*</c>). Service s's automaton has, for each statement naming s or a
    /// cross-service pattern, that statement's patterns of s and cross-service ones, plus the marker <c>s:*</c>, and
    /// keeps the regions inside the marker; in it a statement that names neither matches nothing. The actions of no
    /// named service are matched by cross-service patterns only: their automaton has the cross-service patterns and one
    /// marker language of every <c>s:*</c>, and keeps the regions outside it (one fresh action when there are no
    /// cross-service patterns). Every action is in exactly one of these, so the union of their regions is every region.
    /// The work is the sum over services of their own patterns and the cross-service statements, not a product over
    /// the hundreds of services <c>ReadOnlyAccess</c> names.
    /// </remarks>
    private static List<ActionClass>? ActionClasses(List<ScopedStatement> statements, IReadOnlyList<string> scope, int maxStates)
    {
        // Owner -1 is the scope.
        var elements = new List<(int Owner, IReadOnlyList<string> Patterns)>();
        for (int i = 0; i < statements.Count; i++) elements.Add((i, statements[i].Statement.Action.Values.Items));
        if (scope.Count > 0) elements.Add((-1, scope));

        var byService = new SortedDictionary<string, Dictionary<int, List<string>>>(StringComparer.OrdinalIgnoreCase);
        var cross = new Dictionary<int, List<string>>();
        foreach (var (owner, list) in elements)
        {
            foreach (string pattern in list)
            {
                int colon = pattern.IndexOf(':');
                string service = colon < 0 ? "" : pattern.Substring(0, colon);
                Dictionary<int, List<string>> bucket;
                if (colon <= 0 || service.IndexOfAny(['*', '?']) >= 0) bucket = cross;
                else if (!byService.TryGetValue(service, out bucket!)) byService[service] = bucket = [];
                if (!bucket.TryGetValue(owner, out var own)) bucket[owner] = own = [];
                own.Add(pattern);
            }
        }

        var classes = new List<ActionClass>();
        var byKey = new Dictionary<string, ActionClass>(StringComparer.Ordinal);
        var notActions = Enumerable.Range(0, statements.Count).Where(i => statements[i].Statement.Action.IsNot).ToArray();
        var applies = new List<int>();
        var excludedBy = new HashSet<int>();
        foreach (var (service, own) in byService)
        {
            var owners = own.Keys.Union(cross.Keys).OrderBy(o => o).ToList();
            var languages = owners.Select(o => (IReadOnlyList<string>)[.. Get(own, o), .. Get(cross, o)]).ToList();
            languages.Add([service + ":*"]);
            if (!AddRegions(owners, languages, inside: true)) return null;
        }
        if (cross.Count == 0 || byService.Count == 0)
        {
            if (byService.Count > 0)
            {
                // Every action of an unnamed service matches no pattern at all: one fresh action stands for them.
                string fresh = "unnamed";
                while (byService.ContainsKey(fresh)) fresh += "x";
                Classify(fresh + ":Action", []);
            }
            else if (cross.Count == 0) Classify("unnamed:Action", []);
            else
            {
                var owners = cross.Keys.OrderBy(o => o).ToList();
                if (!AddRegions(owners, owners.Select(o => (IReadOnlyList<string>)cross[o]).ToList(), inside: null)) return null;
            }
        }
        else
        {
            var owners = cross.Keys.OrderBy(o => o).ToList();
            var languages = owners.Select(o => (IReadOnlyList<string>)cross[o]).ToList();
            languages.Add(byService.Keys.Select(s => s + ":*").ToList());
            if (!AddRegions(owners, languages, inside: false)) return null;
        }
        return classes;

        static List<string> Get(Dictionary<int, List<string>> bucket, int owner) => bucket.TryGetValue(owner, out var list) ? list : [];

        // Adds the regions whose marker bit (the last language) is 'inside' (null: no marker).
        bool AddRegions(List<int> owners, List<IReadOnlyList<string>> languages, bool? inside)
        {
            var regions = GlobLanguages.Regions(languages, ignoreCase: true, excluded: null, arn: false, maxStates);
            if (regions is null) return false;
            var matched = new List<int>();
            foreach (var region in regions)
            {
                string vector = region.Value;
                if (inside is { } wanted && (vector[owners.Count] == '1') != wanted) continue;
                matched.Clear();
                for (int k = 0; k < owners.Count; k++)
                {
                    if (vector[k] == '1') matched.Add(owners[k]);
                }
                Classify(region.Key, matched);
            }
            return true;
        }

        void Classify(string action, List<int> matched)
        {
            applies.Clear();
            excludedBy.Clear();
            bool inScope = false;
            foreach (int owner in matched)
            {
                if (owner < 0) inScope = true;
                else if (statements[owner].Statement.Action.IsNot) excludedBy.Add(owner);
                else applies.Add(owner);
            }
            foreach (int i in notActions)
            {
                if (!excludedBy.Contains(i)) applies.Add(i);
            }
            var ids = applies.ToArray();
            Array.Sort(ids);
            string key = (inScope ? "+" : "-") + string.Join(",", ids);
            if (!byKey.TryGetValue(key, out var actionClass))
            {
                byKey[key] = actionClass = new ActionClass(action, ids, inScope);
                classes.Add(actionClass);
            }
            else if (!ServiceCatalogue.Default.TryGetAction(actionClass.Action, out _) && ServiceCatalogue.Default.TryGetAction(action, out _))
            {
                actionClass.Action = action;
            }
        }
    }
}
