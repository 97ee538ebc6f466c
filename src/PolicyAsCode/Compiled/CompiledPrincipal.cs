using System.ComponentModel;

namespace PolicyAsCode.Compiled;

/// <summary>
/// A statement's <c>Principal</c> or <c>NotPrincipal</c> element for a compiled evaluator, matched by the interpreter's
/// own principal matching. Created once into a static field of the generated code; not meant to be used by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CompiledPrincipal
{
    private readonly PreparedPrincipal _principal;

    private CompiledPrincipal(PreparedPrincipal principal) => _principal = principal;

    /// <summary>Prepares a principal element.</summary>
    /// <param name="isNot">True for <c>NotPrincipal</c>.</param>
    /// <param name="isWildcard">True for the bare <c>"*"</c>.</param>
    /// <param name="ids">The principals named in the object form.</param>
    public static CompiledPrincipal Create(bool isNot, bool isWildcard, params PrincipalId[] ids)
        => new(new PreparedPrincipal(new PrincipalElement(isNot, isWildcard, EquatableArray.Create(ids ?? []))));

    /// <summary>Whether the request's caller matches the element (for <c>NotPrincipal</c>: is not left out). Allocates nothing.</summary>
    public bool Matches(Request request) => _principal.Match(request.PrincipalInfo) != PrincipalGrant.None;

    /// <summary>How the request's caller matches the element (0 when it does not), as multi-policy evaluation weighs it. Allocates nothing.</summary>
    public int Grant(Request request) => (int)_principal.Match(request.PrincipalInfo);
}
