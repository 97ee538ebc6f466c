using System.ComponentModel;

namespace PolicyAsCode.Compiled;

/// <summary>
/// A whole <c>Resource</c> or <c>NotResource</c> element with policy variables for a compiled evaluator, matched by the
/// interpreter's own rules, including failing closed when the request cannot resolve a variable the element needs.
/// Created once into a static field of the generated code; not meant to be used by hand.
/// </summary>
/// <remarks>
/// The element is decided as a whole, not pattern by pattern, because an unresolvable variable makes the element an
/// error, which an Allow statement and a Deny statement treat differently (IAM User Guide, "IAM policy elements: Variables
/// and tags": "If AWS cannot resolve a variable this might cause the entire statement to be invalid"). Code generated
/// before this type existed matched such patterns one by one with <see cref="CompiledArnPattern"/>, which does not fail
/// closed; regenerating it gives the interpreter's answer.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CompiledResources
{
    private readonly PreparedResources _resources;

    private CompiledResources(PreparedResources resources) => _resources = resources;

    /// <summary>Prepares a resource element.</summary>
    /// <param name="isNot">True for <c>NotResource</c>.</param>
    /// <param name="policyVariables">Whether <c>${...}</c> is a policy variable: the policy's version is 2012-10-17.</param>
    /// <param name="patterns">The element's patterns, as written.</param>
    public static CompiledResources Create(bool isNot, bool policyVariables, params string[] patterns)
        => new(new PreparedResources(
            Array.ConvertAll(patterns ?? throw new ArgumentNullException(nameof(patterns)), p => ArnPattern.Compile(p ?? throw new ArgumentNullException(nameof(patterns)), policyVariables)),
            isNot));

    /// <summary>Whether an Allow statement's element applies: it matches and needs no variable the request lacks. Allocates nothing.</summary>
    public bool AllowApplies(Request request) => ConditionResults.Applies(_resources.Match(request), Effect.Allow);

    /// <summary>Whether a Deny statement's element applies: it matches, or it cannot be evaluated (failing closed). Allocates nothing.</summary>
    public bool DenyApplies(Request request) => ConditionResults.Applies(_resources.Match(request), Effect.Deny);
}
