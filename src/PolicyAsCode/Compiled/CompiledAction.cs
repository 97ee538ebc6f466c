using System.ComponentModel;

namespace PolicyAsCode.Compiled;

/// <summary>
/// Action matching for compiled evaluators (the code the PolicyAsCode source generator emits for a policy). Not meant to be
/// called by hand.
/// </summary>
/// <remarks>
/// A compiled evaluator checks simple action patterns with <see cref="string.Equals(string, string, StringComparison)"/>,
/// <see cref="string.StartsWith(string, StringComparison)"/> and <see cref="string.EndsWith(string, StringComparison)"/>
/// ignoring case, and statements listing many actions with a <c>switch</c> over the number of the request's service, which
/// it finds once per decision by comparing the service prefix with the policy's lowercase prefixes, and only when that
/// fails, with <see cref="LowercaseServicePrefix"/>'s copy. Other patterns use <see cref="Pattern"/>, the interpreter's own
/// matcher.
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
    /// The service prefix of an action (<c>S3</c> in <c>S3:GetObject</c>) in lowercase, when it has uppercase letters and
    /// may therefore equal, ignoring case, a lowercase prefix it does not equal exactly. Allocates nothing.
    /// </summary>
    /// <param name="prefix">The text before the action's first colon.</param>
    /// <param name="buffer">Room for the copy; at least as long as the longest prefix compared with.</param>
    /// <returns>
    /// The lowercase copy, a slice of <paramref name="buffer"/>; empty when <paramref name="prefix"/> has no uppercase ASCII
    /// letter, has a character outside ASCII, or does not fit the buffer. In none of those cases can it equal an ASCII
    /// lowercase prefix it does not equal exactly: the interpreter compares with
    /// <see cref="StringComparison.OrdinalIgnoreCase"/>, under which no character outside ASCII equals one inside it.
    /// </returns>
    public static ReadOnlySpan<char> LowercaseServicePrefix(ReadOnlySpan<char> prefix, Span<char> buffer)
    {
        // Checked first without copying: most prefixes that get here are lowercase services the policy does not name.
        bool upper = false;
        foreach (char c in prefix)
        {
            if (c > '\u007f') return default;
            upper |= c is >= 'A' and <= 'Z';
        }
        if (!upper || prefix.Length > buffer.Length) return default;
        for (int i = 0; i < prefix.Length; i++)
        {
            char c = prefix[i];
            buffer[i] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        }
        return buffer[..prefix.Length];
    }
}
