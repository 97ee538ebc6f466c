using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyAsCode.Analysis;
using PolicyAsCode.Dsl;

namespace PolicyAsCode.Generators.Analyzers;

/// <summary>The properties a declaration may state (<c>[NeverAllows]</c>, ...): the runtime's attribute types, resolved once per compilation.</summary>
internal sealed class PropertyAttributes
{
    private readonly INamedTypeSymbol?[] _types;

    private static readonly string[] s_names =
    [
        "PolicyAsCode.NeverAllowsAttribute",
        "PolicyAsCode.NoPublicAccessAttribute",
        "PolicyAsCode.NoNewAccessThanAttribute",
        "PolicyAsCode.AllowsAttribute",
        "PolicyAsCode.DeniesAttribute",
    ];

    private PropertyAttributes(INamedTypeSymbol?[] types) => _types = types;

    /// <summary>The attribute types, or null when the runtime referenced has none of them.</summary>
    public static PropertyAttributes? Resolve(Compilation compilation)
    {
        var types = Array.ConvertAll(s_names, compilation.GetTypeByMetadataName);
        return types.Any(t => t is not null) ? new PropertyAttributes(types) : null;
    }

    /// <summary>The property attributes on a member, in source order.</summary>
    public List<(PropertyKind Kind, AttributeData Attribute)>? Of(ISymbol member)
    {
        List<(PropertyKind, AttributeData)>? found = null;
        foreach (var attribute in member.GetAttributes())
        {
            for (int i = 0; i < _types.Length; i++)
            {
                if (_types[i] is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _types[i])) (found ??= []).Add(((PropertyKind)i, attribute));
            }
        }
        return found;
    }
}

/// <summary>The properties, in the order of <see cref="PropertyAttributes"/>' names.</summary>
internal enum PropertyKind
{
    NeverAllows,
    NoPublicAccess,
    NoNewAccessThan,
    Allows,
    Denies,
}

/// <summary>
/// Proves the properties stated on a declaration (<c>[NeverAllows]</c>, <c>[NoPublicAccess]</c>,
/// <c>[NoNewAccessThan]</c>) with the analysis engine and decides its golden requests (<c>[Allows]</c>,
/// <c>[Denies]</c>) with the evaluator, both the runtime's own code (Core/Analysis, Core/Evaluation), on the documents
/// the analyzer has just evaluated. Each check runs within a budget (<see cref="Budget"/>); every property gets an
/// answer: nothing when it holds, PAC400 (fails, with the witness), PAC401 (not decided: unknown or out of budget),
/// PAC402 (not checked: the declaration has no value), PAC403 (no meaning here, or a bad argument).
/// </summary>
internal static class PropertyChecks
{
    /// <summary>The .editorconfig keys of the budget (per file, like any analyzer option).</summary>
    public const string TimeoutKey = "policyascode_property_timeout_ms";

    public const string MaxRequestsKey = "policyascode_property_max_requests";

    /// <summary>The default budget: one check stops after this many milliseconds or representative requests.</summary>
    public const int DefaultTimeoutMs = 2000;

    public const int DefaultMaxRequests = 1_000_000;

    public static void Check(SymbolAnalysisContext context, List<(PropertyKind Kind, AttributeData Attribute)> properties, DeclarationKind kind,
        DeclarationTarget target, object? value, DslSymbols symbols, ConcurrentDictionary<ISymbol, object> evaluated, Location declaration, List<Diagnostic> diagnostics)
    {
        var budget = Budget(context, target.Node.SyntaxTree);
        foreach (var (property, attribute) in properties)
        {
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken);
            var at = syntax?.GetLocation() ?? declaration;
            string label = syntax?.ToString() ?? property.ToString();
            try
            {
                if (value is null)
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.PropertyNotChecked, at, label,
                        "the declaration cannot be evaluated at compile time (its PAC200 or PAC201 says why)"));
                    continue;
                }
                if (Meaningless(property, kind) is { } why)
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.PropertyMisused, at, label, why));
                    continue;
                }
                var outcome = property switch
                {
                    PropertyKind.NeverAllows => NeverAllows(attribute, kind, value, budget, context.CancellationToken),
                    PropertyKind.NoPublicAccess => NoPublicAccess(kind, value, budget, context.CancellationToken),
                    PropertyKind.NoNewAccessThan => NoNewAccessThan(attribute, kind, value, target, symbols, evaluated, budget, context.CancellationToken),
                    _ => Golden(property == PropertyKind.Allows, attribute, kind, value),
                };
                if (outcome.Descriptor is { } descriptor) diagnostics.Add(Diagnostic.Create(descriptor, at, label, outcome.Message));
            }
            catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                // A bug of ours (an analysis whose witness does not replay throws): never into the compiler, never silent.
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InternalError, at, $"analyzer: {label}: {e.GetType().Name}: {e.Message}"));
            }
        }
    }

    /// <summary>Properties on a member that declares nothing: there is no policy to check them on (PAC403).</summary>
    public static void ReportWithoutDeclaration(SymbolAnalysisContext context, List<(PropertyKind Kind, AttributeData Attribute)> properties)
    {
        foreach (var (property, attribute) in properties)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not { } syntax) continue;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.PropertyMisused, syntax.GetLocation(), syntax.ToString(),
                "the member declares no policy; put it beside [ManagedPolicy], [ResourcePolicy], [Role], [ServiceControlPolicy] or [ResourceControlPolicy]"));
        }
    }

    /// <summary>The answer for one property: no descriptor when it holds.</summary>
    private readonly record struct Outcome(DiagnosticDescriptor? Descriptor, string Message)
    {
        public static Outcome Holds => default;

        public static Outcome Fails(string message) => new(DiagnosticDescriptors.PropertyFails, message);

        public static Outcome Unknown(string message) => new(DiagnosticDescriptors.PropertyNotDecided, message);

        public static Outcome Misused(string message) => new(DiagnosticDescriptors.PropertyMisused, message);

        public static Outcome Of(Verdict verdict, bool timedOut, int timeoutMs) => verdict.Kind switch
        {
            VerdictKind.Holds => Holds,
            VerdictKind.Fails => Fails($"{verdict.Reason}: {verdict.DescribeWitness()}"),
            _ when timedOut => Unknown($"the check ran out of its time budget ({timeoutMs} ms)"),
            _ => Unknown(verdict.Reason),
        };
    }

    /// <summary>Where a property means nothing (docs/analysis.md, "In the editor and the build").</summary>
    private static string? Meaningless(PropertyKind property, DeclarationKind kind) => (property, kind) switch
    {
        (PropertyKind.NoPublicAccess, DeclarationKind.ManagedPolicy or DeclarationKind.ServiceControlPolicy or DeclarationKind.ResourceControlPolicy)
            => $"a {Word(kind)} names no principals, so no one is public through it; NoPublicAccess applies to resource policies and roles (their trust policy)",
        (PropertyKind.NeverAllows or PropertyKind.NoNewAccessThan, DeclarationKind.ResourceControlPolicy)
            => "a resource control policy only denies (RCPFullAWSAccess lets the rest through), so it never allows anything; state [Denies(...)] requests instead",
        _ => null,
    };

    private static string Word(DeclarationKind kind) => kind switch
    {
        DeclarationKind.ManagedPolicy => "managed policy",
        DeclarationKind.ResourcePolicy => "resource policy",
        DeclarationKind.Role => "role",
        DeclarationKind.ServiceControlPolicy => "service control policy",
        _ => "resource control policy",
    };

    private static Outcome NeverAllows(AttributeData attribute, DeclarationKind kind, object value, (int TimeoutMs, int MaxRequests) budget, CancellationToken cancellationToken)
    {
        var actions = Strings(attribute.ConstructorArguments.FirstOrDefault());
        if (actions.Count == 0) return Outcome.Misused("name at least one action: [NeverAllows(\"iam:PassRole\")]");
        string on = Named(attribute, "On") ?? "*";
        if (on != "*" && !on.StartsWith("arn:", StringComparison.Ordinal)) return Outcome.Misused($"On = \"{on}\" is not an ARN pattern (arn:partition:service:region:account:resource, or \"*\")");
        if (Permissions(kind, value, out string? missing) is not { } policies) return Outcome.Unknown(missing!);
        return Run(budget, cancellationToken, options => PolicyAnalysis.AccessNotGranted(policies, actions, [on], options));
    }

    private static Outcome NoPublicAccess(DeclarationKind kind, object value, (int TimeoutMs, int MaxRequests) budget, CancellationToken cancellationToken)
    {
        PolicyDocument? policy = kind == DeclarationKind.Role
            ? value is RoleValue role && !role.Draft.Trust.Statements.IsEmpty ? role.Draft.TrustPolicy() : null
            : Document(value);
        if (policy is null) return Outcome.Holds;
        return Run(budget, cancellationToken, options => PolicyAnalysis.NoPublicAccess(policy, options));
    }

    private static Outcome NoNewAccessThan(AttributeData attribute, DeclarationKind kind, object value, DeclarationTarget target, DslSymbols symbols,
        ConcurrentDictionary<ISymbol, object> evaluated, (int TimeoutMs, int MaxRequests) budget, CancellationToken cancellationToken)
    {
        if (attribute.ConstructorArguments.FirstOrDefault().Value is not string name || name.Length == 0) return Outcome.Misused("name the baseline declaration: [NoNewAccessThan(nameof(Baseline))]");
        var baseline = target.Symbol.ContainingType?.GetMembers(name).FirstOrDefault(m => symbols.DeclarationKindOf(m) is not null);
        if (baseline is null) return Outcome.Misused($"{target.Symbol.ContainingType?.Name} has no declaration named '{name}'");
        if (SymbolEqualityComparer.Default.Equals(baseline, target.Symbol)) return Outcome.Misused("the baseline is the declaration itself");
        var (baselineKind, baselineAttribute) = symbols.DeclarationAttribute(baseline)!.Value;
        if (baselineKind != kind) return Outcome.Misused($"'{name}' is a {Word(baselineKind)}, and this is a {Word(kind)}: compare declarations of one kind");
        if (baseline.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not { } node) return Outcome.Unknown($"the source of '{name}' is not in this compilation");
        EvaluationShare.TryGet(target.Compilation, node, out var shared);
        DeclarationParser.Parse(new DeclarationTarget(baseline, node, baselineAttribute, target.Compilation, null), baselineKind, cancellationToken, readMembers: null, out var baselineValue, shared, evaluated);
        if (baselineValue is null) return new Outcome(DiagnosticDescriptors.PropertyNotChecked, $"the baseline '{name}' cannot be evaluated at compile time (its PAC200 or PAC201 says why)");
        if (Permissions(kind, value, out string? missing) is not { } candidate) return Outcome.Unknown(missing!);
        if (Permissions(kind, baselineValue, out missing) is not { } before) return Outcome.Unknown($"the baseline: {missing}");
        return Run(budget, cancellationToken, options => PolicyAnalysis.NoNewAccess(before, candidate, options));
    }

    /// <summary>A golden request, decided by the evaluator (the policy alone, as <see cref="PreparedPolicy.Decide"/> decides it).</summary>
    private static Outcome Golden(bool allows, AttributeData attribute, DeclarationKind kind, object value)
    {
        var arguments = attribute.ConstructorArguments;
        if (arguments.Length != 2 || arguments[0].Value is not string action || arguments[1].Value is not string resource) return Outcome.Misused("give the request's action and resource");
        var context = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in NamedStrings(attribute, "Context"))
        {
            int equals = pair.IndexOf('=');
            if (equals <= 0) return Outcome.Misused($"the context entry \"{pair}\" is not \"key=value\"");
            string key = pair.Substring(0, equals);
            if (!context.TryGetValue(key, out var values)) context[key] = values = [];
            values.Add(pair.Substring(equals + 1));
        }
        var request = new Request(Named(attribute, "Principal"), action, resource, context.Select(p => new KeyValuePair<string, string[]>(p.Key, p.Value.ToArray())));
        if (Permissions(kind, value, out string? missing) is not { } policies) return Outcome.Unknown(missing!);
        var decision = Decision.ImplicitDeny;
        foreach (var policy in policies)
        {
            var one = new PreparedPolicy(policy).Decide(request);
            if (one == Decision.ExplicitDeny) decision = one;
            else if (one == Decision.Allow && decision == Decision.ImplicitDeny) decision = one;
        }
        // An RCP only denies: it lets a request through unless a Deny applies.
        bool allowed = kind == DeclarationKind.ResourceControlPolicy ? decision != Decision.ExplicitDeny : decision == Decision.Allow;
        if (allowed == allows) return Outcome.Holds;
        string what = kind == DeclarationKind.ResourceControlPolicy
            ? allows ? "a Deny of the RCP applies (ExplicitDeny)" : "no Deny of the RCP applies"
            : $"the {Word(kind)} decides {decision}";
        return Outcome.Fails($"{what} for {Verdict.Describe(request, request.Context.Where(p => context.ContainsKey(p.Key)).ToDictionary(p => p.Key, p => p.Value), includePrincipal: request.Principal is not null)}");
    }

    /// <summary>Runs one analysis within the budget: the time limit cancels it (an unknown answer), and so does the compiler.</summary>
    private static Outcome Run((int TimeoutMs, int MaxRequests) budget, CancellationToken cancellationToken, Func<AnalysisOptions, Verdict> check)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // 0 ms gives every check no time at all (each answers PAC401): a way to see which properties a build states.
        if (budget.TimeoutMs == 0) timeout.Cancel();
        else timeout.CancelAfter(budget.TimeoutMs);
        var verdict = check(new AnalysisOptions { MaxRequests = budget.MaxRequests, CancellationToken = timeout.Token });
        cancellationToken.ThrowIfCancellationRequested();
        return Outcome.Of(verdict, timeout.IsCancellationRequested, budget.TimeoutMs);
    }

    private static (int TimeoutMs, int MaxRequests) Budget(SymbolAnalysisContext context, SyntaxTree tree)
    {
        var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        return (Read(options, TimeoutKey, DefaultTimeoutMs, 0), Read(options, MaxRequestsKey, DefaultMaxRequests, 1));

        static int Read(AnalyzerConfigOptions options, string key, int fallback, int least)
            => options.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= least ? n : fallback;
    }

    /// <summary>The single document of a policy declaration.</summary>
    private static PolicyDocument? Document(object value) => value switch
    {
        DeclaredPolicyValue declared when !declared.Draft.Draft.Statements.IsEmpty => declared.Draft.Draft.ToDocument(),
        DraftValue draft when !draft.Draft.Statements.IsEmpty => draft.Draft.ToDocument(),
        _ => null,
    };

    /// <summary>
    /// The policies that grant: the declaration's document, or a role's inline and declared attached policies. Null
    /// (with why) when a role attaches policies the analyzer has no document of, or has a permissions boundary (which
    /// the single-level checks do not combine yet).
    /// </summary>
    private static List<PolicyDocument>? Permissions(DeclarationKind kind, object value, out string? missing)
    {
        missing = null;
        if (kind != DeclarationKind.Role) return Document(value) is { } document ? [document] : [];
        if (value is not RoleValue role) return [];
        var draft = role.Draft;
        if (!draft.Attached.IsEmpty)
        {
            missing = $"the role attaches {string.Join(", ", draft.Attached.Select(a => a.Name))} by ARN, whose document the analyzer does not have";
            return null;
        }
        if (draft.Boundary is not null || draft.DeclaredBoundary is not null)
        {
            missing = "the role has a permissions boundary, which this check does not combine with its permissions yet";
            return null;
        }
        return [.. draft.Declared.Select(d => d.Document), .. draft.Inline.Select(i => i.Document)];
    }

    private static List<string> Strings(TypedConstant constant)
        => constant.Kind == TypedConstantKind.Array ? constant.Values.Select(v => v.Value as string).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList()
            : constant.Value is string single && single.Length > 0 ? [single] : [];

    private static string? Named(AttributeData attribute, string name)
        => attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

    private static List<string> NamedStrings(AttributeData attribute, string name)
        => attribute.NamedArguments.Where(a => a.Key == name).Select(a => Strings(a.Value)).FirstOrDefault() ?? [];
}
