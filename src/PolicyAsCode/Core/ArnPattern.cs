namespace PolicyAsCode;

/// <summary>
/// A compiled resource pattern (a <c>Resource</c> value or an <c>ArnLike</c> value): <c>*</c>, or an ARN whose fields
/// may contain <c>*</c>, <c>?</c> and policy variables.
/// </summary>
/// <remarks>
/// IAM User Guide, "IAM JSON policy elements: Resource": wildcards may be used within any ARN segment (the parts
/// separated by colons); a <c>*</c> that ends the last segment written can expand beyond the colon boundaries. So the
/// pattern is matched field by field against the request ARN's first five fields, and its last field against the rest.
/// Matching is case-sensitive.
/// </remarks>
public sealed class ArnPattern
{
    private readonly GlobPattern[]? _fields;
    private readonly GlobPattern? _whole;

    private ArnPattern(string source, GlobPattern[]? fields, GlobPattern? whole, bool matchAll)
    {
        Source = source;
        _fields = fields;
        _whole = whole;
        IsMatchAll = matchAll;
        HasVariables = whole?.HasVariables == true || (fields is not null && Array.Exists(fields, f => f.HasVariables));
    }

    /// <summary>Whether the pattern contains policy variables (where they are variables: see <see cref="Compile"/>).</summary>
    public bool HasVariables { get; }

    /// <summary>
    /// Whether every policy variable of the pattern resolves in <paramref name="context"/> (see
    /// <see cref="GlobPattern.VariablesResolve"/>). Allocates nothing.
    /// </summary>
    public bool VariablesResolve(IContextValueSource? context)
    {
        if (!HasVariables) return true;
        if (_whole is not null) return _whole.VariablesResolve(context);
        foreach (var field in _fields!)
        {
            if (!field.VariablesResolve(context)) return false;
        }
        return true;
    }

    /// <summary>The pattern text.</summary>
    public string Source { get; }

    /// <summary>Whether the pattern is <c>*</c>.</summary>
    public bool IsMatchAll { get; }

    /// <summary>Compiles a resource pattern.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="variables">Whether <c>${...}</c> is a policy variable.</param>
    /// <param name="variablesInAllFields">
    /// Whether variables may stand in any field (ARN condition values) or only in the resource field (the <c>Resource</c>
    /// element, as the IAM User Guide specifies).
    /// </param>
    public static ArnPattern Compile(string pattern, bool variables, bool variablesInAllFields = false)
    {
        if (pattern == "*") return new ArnPattern(pattern, null, null, true);
        if (!pattern.StartsWith("arn:", StringComparison.Ordinal))
        {
            return new ArnPattern(pattern, null, GlobPattern.Compile(pattern, wildcards: true, variables, ignoreCase: false), false);
        }
        var fields = new List<GlobPattern>(6);
        int start = 0;
        for (int i = 0; i < 5; i++)
        {
            int colon = FieldEnd(pattern, start, variables);
            if (colon < 0) break;
            fields.Add(GlobPattern.Compile(pattern.Substring(start, colon - start), wildcards: true, variables && variablesInAllFields, ignoreCase: false));
            start = colon + 1;
        }
        fields.Add(GlobPattern.Compile(pattern.Substring(start), wildcards: true, variables, ignoreCase: false));
        return new ArnPattern(pattern, fields.ToArray(), null, false);
    }

    /// <summary>
    /// The colon that ends the field starting at <paramref name="start"/>, or -1. A policy variable's key has a colon of its
    /// own (<c>${aws:PrincipalAccount}</c>), which does not end a field.
    /// </summary>
    private static int FieldEnd(string pattern, int start, bool variables)
    {
        for (int i = start; i < pattern.Length; i++)
        {
            if (pattern[i] == ':') return i;
            if (variables && pattern[i] == '$' && i + 1 < pattern.Length && pattern[i + 1] == '{')
            {
                // As in PolicyVariables.Split, a "${" without a closing brace is literal text.
                int close = pattern.IndexOf('}', i + 2);
                if (close < 0) return pattern.IndexOf(':', i);
                i = close;
            }
        }
        return -1;
    }

    /// <summary>Whether <paramref name="resource"/> matches.</summary>
    public bool IsMatch(string resource, IContextValueSource? context = null)
    {
        ArnFields.TrySplit(resource, out var fields);
        return IsMatch(resource, fields, context);
    }

    /// <summary>Whether <paramref name="resource"/>, whose fields were found beforehand, matches.</summary>
    public bool IsMatch(string resource, in ArnFields resourceFields, IContextValueSource? context)
    {
        if (IsMatchAll) return true;
        if (_whole is not null) return _whole.IsMatch(resource, 0, resource.Length, context);
        var patternFields = _fields!;
        if (!resourceFields.IsValid) return false;
        int last = patternFields.Length - 1;
        for (int i = 0; i < last; i++)
        {
            resourceFields.GetRange(resource, i, out int start, out int end);
            if (!patternFields[i].IsMatch(resource, start, end, context)) return false;
        }
        resourceFields.GetRange(resource, last, out int lastStart, out _);
        if (last == 5)
        {
            return patternFields[5].IsMatch(resource, lastStart, resource.Length, context);
        }
        // A pattern with fewer than six fields matches only when its last field ends with '*', which then also covers
        // the colons and fields that follow.
        return patternFields[last].Source.EndsWith("*", StringComparison.Ordinal)
            && patternFields[last].IsMatch(resource, lastStart, resource.Length, context);
    }

    /// <inheritdoc/>
    public override string ToString() => Source;
}
