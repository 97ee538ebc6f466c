using PolicyAsCode.Catalogue;

namespace PolicyAsCode.Analysis;

/// <summary>
/// Policy values made concrete for the automaton: literal <c>*</c> and <c>?</c> (StringEquals values, <c>${*}</c> and
/// <c>${?}</c>) and policy variables whose value the caller fixes.
/// </summary>
public static partial class PolicyAnalysis
{
    /// <summary>
    /// Private-use characters that stand for a literal <c>*</c> and <c>?</c> in the automaton's alphabet. The swap
    /// (<see cref="SwapLiteralWildcards"/>) is a bijection on strings that keeps every glob match: a wildcard matches
    /// either character, a literal matches only itself. A policy that itself holds one of them is not decided.
    /// </summary>
    private const char LiteralStar = '\uE010', LiteralQuestion = '\uE011';

    /// <summary>The keys the evaluator derives from the caller alone (<see cref="Request"/>): fixed once the caller is.</summary>
    private static readonly HashSet<string> PrincipalDerivedKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "aws:PrincipalArn", "aws:PrincipalAccount", "aws:PrincipalType", "aws:username", "aws:PrincipalIsAWSService",
    };

    /// <summary>Swaps <c>*</c> with <see cref="LiteralStar"/> and <c>?</c> with <see cref="LiteralQuestion"/> (its own inverse).</summary>
    private static string SwapLiteralWildcards(string text)
    {
        if (text.IndexOfAny(['*', '?', LiteralStar, LiteralQuestion]) < 0) return text;
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch { '*' => LiteralStar, LiteralStar => '*', '?' => LiteralQuestion, LiteralQuestion => '?', var c => c };
        }
        return new string(chars);
    }

    /// <summary>
    /// Adds to <paramref name="into"/> the glob patterns (in the automaton's alphabet) that a policy value stands for:
    /// the value itself, its literal <c>*</c>/<c>?</c> swapped when it is compared exactly; with policy variables, one
    /// pattern per caller, the variable replaced by the caller's value (or the variable's default), and none for a caller
    /// who cannot resolve it (the value then never matches that caller, whatever the request says).
    /// </summary>
    /// <returns>Null when decided; otherwise why not (a variable naming a key the request gives, an unfixed caller).</returns>
    private static string? Concretize(string value, bool wildcards, bool variables, IReadOnlyList<string?>? callers, List<string>? into)
    {
        if (value.IndexOfAny(['\uE000', '\uE001', LiteralStar, LiteralQuestion]) >= 0)
        {
            return "it holds one of the private-use characters U+E000, U+E001, U+E010, U+E011, which the automaton uses for wildcards";
        }
        if (!variables || !PolicyVariables.ContainsVariable(value))
        {
            into?.Add(wildcards ? value : SwapLiteralWildcards(value));
            return null;
        }
        var parts = PolicyVariables.Split(value);
        foreach (var part in parts)
        {
            if (!part.IsVariable) continue;
            if (!PrincipalDerivedKeys.Contains(part.Text))
            {
                return $"the policy variable ${{{part.Text}}} binds the context key {part.Text}; patterns that bind a key the request gives are not decided yet";
            }
            if (callers is null) return $"the policy variable ${{{part.Text}}} is derived from the caller; give the callers (AnalysisScope.Callers) to decide it";
        }
        if (into is null) return null;
        bool anyVariable = parts.Exists(p => p.IsVariable);
        foreach (var caller in anyVariable ? callers! : [null])
        {
            var derived = new Request(caller, "sts:GetCallerIdentity", "*");
            var text = new System.Text.StringBuilder();
            bool resolved = true;
            foreach (var part in parts)
            {
                if (part.IsEscape) text.Append(SwapLiteralWildcards(part.Text));
                else if (!part.IsVariable) text.Append(wildcards ? part.Text : SwapLiteralWildcards(part.Text));
                else if (derived.TryGetSingleValue(part.Text, out var known)) text.Append(SwapLiteralWildcards(known));
                else if (part.Default is { } fallback) text.Append(SwapLiteralWildcards(fallback));
                else resolved = false;
            }
            if (resolved) into.Add(text.ToString());
        }
        return null;
    }

    /// <summary>The glob patterns of a statement's Resource or NotResource, made concrete (<see cref="Concretize"/>).</summary>
    private static void AddResourcePatterns(PolicyDocument policy, Statement statement, IReadOnlyList<string?>? callers, List<string> into)
    {
        if (statement.Resource is not { } resource) return;
        foreach (var pattern in resource.Values.Items)
        {
            // Unsupported has already refused what cannot be made concrete.
            Concretize(pattern, wildcards: true, policy.SupportsPolicyVariables, callers, into);
        }
    }

    /// <summary>Whether the catalogue knows the key and gives it one value per request (not an <c>ArrayOf</c> type).</summary>
    private static bool IsSingleValued(string key)
        => ServiceCatalogue.Default.TryGetConditionKey(key, out var info) && !info.IsMultiValued;

    /// <summary>A copy of <paramref name="request"/> with another action, resource or context, keeping who owns the resource.</summary>
    private static Request Rebuild(Request request, string action, string resource, IEnumerable<KeyValuePair<string, string[]>> context)
        => new(request.Principal, action, resource, context, HasAccountField(resource) ? null : request.ResourceAccount, request.FederatingUser);

    private static bool HasAccountField(string resource)
    {
        var parts = resource.Split([':'], 6);
        return parts.Length == 6 && parts[0] == "arn" && parts[4].Length > 0;
    }
}
