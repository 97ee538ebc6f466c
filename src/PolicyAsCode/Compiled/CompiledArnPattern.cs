using System.ComponentModel;

namespace PolicyAsCode.Compiled;

/// <summary>
/// A <c>Resource</c> or <c>NotResource</c> pattern that a compiled evaluator cannot check with a plain string comparison
/// (wildcards before the resource field, <c>?</c>, policy variables, fewer than six fields), matched by the interpreter's
/// own <see cref="ArnPattern"/>. Created once into a static field of the generated code; not meant to be used by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CompiledArnPattern
{
    private readonly ArnPattern _pattern;

    private CompiledArnPattern(ArnPattern pattern) => _pattern = pattern;

    /// <summary>Compiles a resource pattern.</summary>
    /// <param name="pattern">The pattern as written in the policy.</param>
    /// <param name="policyVariables">Whether <c>${...}</c> is a policy variable: the policy's version is 2012-10-17.</param>
    public static CompiledArnPattern Create(string pattern, bool policyVariables)
        => new(ArnPattern.Compile(pattern ?? throw new ArgumentNullException(nameof(pattern)), policyVariables));

    /// <summary>
    /// Whether the request's resource matches, field by field, with policy variables read from the request. Allocates
    /// nothing.
    /// </summary>
    public bool IsMatch(Request request) => request.ResourceMatches(_pattern);

    /// <inheritdoc/>
    public override string ToString() => _pattern.Source;
}
