using System.ComponentModel;

namespace PolicyAsCode.Compiled;

/// <summary>
/// Action matching for compiled evaluators (the code the PolicyAsCode source generator emits for a policy). Not meant to be
/// called by hand.
/// </summary>
/// <remarks>
/// A compiled evaluator checks simple ASCII action patterns (literal, <c>prefix*</c>, <c>*suffix</c>) by comparing their
/// lowercase text ordinally with <see cref="Request.NormalizedAction"/>, the request's action with its ASCII letters
/// lowercased once per request, which is exactly comparing with the action ignoring case; patterns with other characters
/// with <see cref="StringComparison.OrdinalIgnoreCase"/> on <see cref="Request.Action"/>. Statements listing many actions
/// switch over the number of the normalized action's service prefix. Other patterns use <see cref="Pattern"/>, the
/// interpreter's own matcher.
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
}
