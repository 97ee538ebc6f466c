using System.Diagnostics.CodeAnalysis;

namespace PolicyAsCode.Catalogue;

/// <summary>
/// A set of condition keys found by name: exact names in a dictionary, then names with placeholders as patterns, the
/// most specific (most literal characters) winning. Each name keeps its first definition.
/// </summary>
internal sealed class ConditionKeySet
{
    private readonly Dictionary<string, ConditionKeyInfo> _exact;
    private readonly ConditionKeyPattern[] _patterns;

    public ConditionKeySet(IEnumerable<ConditionKeyInfo> keys)
    {
        _exact = new Dictionary<string, ConditionKeyInfo>(StringComparer.OrdinalIgnoreCase);
        var patterns = new List<ConditionKeyPattern>();
        foreach (var key in keys)
        {
            if (_exact.ContainsKey(key.Name)) continue;
            _exact.Add(key.Name, key);
            if (key.HasPlaceholders && ConditionKeyPattern.TryCompile(key) is { } pattern) patterns.Add(pattern);
        }
        // Most literal characters first, so the first match is the most specific; equal lengths keep their order
        // (an insertion sort: the lists are short, and it is stable).
        _patterns = patterns.ToArray();
        for (int i = 1; i < _patterns.Length; i++)
        {
            var pattern = _patterns[i];
            int j = i - 1;
            for (; j >= 0 && _patterns[j].LiteralLength < pattern.LiteralLength; j--) _patterns[j + 1] = _patterns[j];
            _patterns[j + 1] = pattern;
        }
    }

    public bool TryGet(string key, [NotNullWhen(true)] out ConditionKeyInfo? info)
    {
        if (_exact.TryGetValue(key, out info)) return true;
        foreach (var pattern in _patterns)
        {
            if (pattern.Pattern.IsMatch(key))
            {
                info = pattern.Key;
                return true;
            }
        }
        info = null;
        return false;
    }
}
