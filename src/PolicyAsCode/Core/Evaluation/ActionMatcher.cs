namespace PolicyAsCode;

/// <summary>
/// The <c>Action</c>/<c>NotAction</c> patterns of one statement, indexed by service prefix so that a statement listing
/// thousands of actions (AWS's <c>ReadOnlyAccess</c>) is checked against the few patterns of the request's service only.
/// </summary>
/// <remarks>
/// IAM User Guide, "IAM JSON policy elements: Action": actions are <c>service:name</c>, case-insensitive, with <c>*</c> and
/// <c>?</c> wildcards. Patterns whose service prefix itself has a wildcard (such as <c>*</c>) are checked for every action.
/// Lookups use the span of the request's prefix, so matching allocates nothing.
/// </remarks>
internal sealed class ActionMatcher
{
    private const int IndexThreshold = 8;

    private readonly GlobPattern[] _all;
    private readonly GlobPattern[] _anyService;
#if POLICYASCODE_GENERATOR
    private readonly Dictionary<string, GlobPattern[]> _byService;
#else
    private readonly Dictionary<string, GlobPattern[]>.AlternateLookup<ReadOnlySpan<char>> _byService;
#endif
    private readonly bool _indexed;

    public ActionMatcher(EquatableArray<string> patterns)
    {
        _all = Array.ConvertAll(patterns.Items, CompilePattern);
        _anyService = [];
        var byService = new Dictionary<string, GlobPattern[]>(StringComparer.OrdinalIgnoreCase);
#if POLICYASCODE_GENERATOR
        _byService = byService;
#else
        _byService = byService.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
        if (_all.Length < IndexThreshold) return;
        _indexed = true;
        var groups = new Dictionary<string, List<GlobPattern>>(StringComparer.OrdinalIgnoreCase);
        var anyService = new List<GlobPattern>();
        foreach (var pattern in _all)
        {
            string source = pattern.Source;
            int colon = source.IndexOf(':');
            string? service = colon > 0 ? source[..colon] : null;
            if (service is null || service.AsSpan().IndexOfAny('*', '?') >= 0)
            {
                anyService.Add(pattern);
                continue;
            }
            if (!groups.TryGetValue(service, out var list)) groups[service] = list = [];
            list.Add(pattern);
        }
        foreach (var (service, list) in groups) byService[service] = [.. list];
        _anyService = [.. anyService];
    }

    /// <summary>Compiles one action pattern: <c>*</c> and <c>?</c> are wildcards, case is ignored, <c>${...}</c> is literal.</summary>
    public static GlobPattern CompilePattern(string pattern)
        => GlobPattern.Compile(pattern, wildcards: true, variables: false, ignoreCase: true);

    /// <summary>Whether any pattern matches the action.</summary>
    public bool IsListed(string action)
    {
        if (!_indexed) return AnyMatch(_all, action);
        if (AnyMatch(_anyService, action)) return true;
        int colon = action.IndexOf(':');
        if (colon <= 0) return false;
#if POLICYASCODE_GENERATOR
        return _byService.TryGetValue(action.Substring(0, colon), out var patterns) && AnyMatch(patterns, action);
#else
        return _byService.TryGetValue(action.AsSpan(0, colon), out var patterns) && AnyMatch(patterns, action);
#endif
    }

    private static bool AnyMatch(GlobPattern[] patterns, string action)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.IsMatch(action, 0, action.Length, null)) return true;
        }
        return false;
    }
}
