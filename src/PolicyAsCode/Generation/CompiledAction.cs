using System.ComponentModel;

namespace PolicyAsCode.Generation;

/// <summary>
/// Action matching for compiled evaluators (the code the PolicyAsCode source generator emits for a policy). Not meant to be
/// called by hand.
/// </summary>
/// <remarks>
/// A compiled evaluator checks simple action patterns with <see cref="string.Equals(string, string, StringComparison)"/>,
/// <see cref="string.StartsWith(string, StringComparison)"/> and <see cref="string.EndsWith(string, StringComparison)"/>
/// ignoring case, and a statement listing many actions with a <c>switch</c> over the request's service prefix, found once
/// per decision by <see cref="ServiceKey"/>. Other patterns use <see cref="Pattern"/>, the interpreter's own matcher.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CompiledAction
{
    /// <summary>
    /// Compiles an action pattern exactly as the interpreter does: <c>*</c> and <c>?</c> are wildcards, case is ignored and
    /// <c>${...}</c> is literal text.
    /// </summary>
    /// <param name="pattern">The pattern, e.g. <c>s3:Get*Tag?</c>.</param>
    public static GlobPattern Pattern(string pattern) => ActionMatcher.CompilePattern(pattern);

    /// <summary>
    /// The service prefix of <paramref name="action"/> (the text before its first colon) in lowercase, for a <c>switch</c>
    /// over the lowercase ASCII service prefixes of a statement's patterns. Allocates nothing.
    /// </summary>
    /// <param name="action">The request's action, e.g. <c>S3:GetObject</c>.</param>
    /// <param name="buffer">
    /// Room for the lowercased prefix when it has uppercase letters; at least as long as the longest prefix switched on.
    /// </param>
    /// <returns>
    /// The prefix (<c>s3</c>), a slice of <paramref name="action"/> or of <paramref name="buffer"/>; empty when the action
    /// has no prefix, when the prefix has a character outside ASCII, or when it must be lowercased and does not fit the
    /// buffer. None of those can match an ASCII service prefix ignoring case: the interpreter compares with
    /// <see cref="StringComparison.OrdinalIgnoreCase"/>, under which no character outside ASCII equals one inside it.
    /// </returns>
    public static ReadOnlySpan<char> ServiceKey(string action, Span<char> buffer)
    {
        int colon = action.IndexOf(':');
        if (colon <= 0) return default;
        var prefix = action.AsSpan(0, colon);
        bool upper = false;
        foreach (char c in prefix)
        {
            if (c > '\u007f') return default;
            upper |= c is >= 'A' and <= 'Z';
        }
        if (!upper) return prefix;
        if (prefix.Length > buffer.Length) return default;
        for (int i = 0; i < prefix.Length; i++)
        {
            char c = prefix[i];
            buffer[i] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        }
        return buffer[..prefix.Length];
    }
}
