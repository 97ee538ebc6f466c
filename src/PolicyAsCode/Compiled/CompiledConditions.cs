using System.ComponentModel;

namespace PolicyAsCode.Compiled;

/// <summary>
/// The <c>Condition</c> element of one statement for a compiled evaluator: its conditions in document order, evaluated by
/// the interpreter's own rules, including failing closed. Created once into a static field of the generated code; not
/// meant to be used by hand.
/// </summary>
/// <remarks>
/// A statement's conditions are decided together rather than one by one because failing closed depends on their order:
/// the interpreter stops at the first condition that is not true, so in a Deny statement an error before a false
/// condition applies the statement and an error after it does not.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CompiledConditions
{
    private readonly PreparedCondition[] _conditions;

    private CompiledConditions(PreparedCondition[] conditions) => _conditions = conditions;

    /// <summary>The conditions of one statement, in document order.</summary>
    public static CompiledConditions Create(params CompiledCondition[] conditions)
        => new(Array.ConvertAll(conditions ?? throw new ArgumentNullException(nameof(conditions)), c => c.Prepared));

    /// <summary>Whether an Allow statement with these conditions applies: every condition is true. Allocates nothing.</summary>
    public bool AllowApplies(Request request) => Applies(request, Effect.Allow);

    /// <summary>
    /// Whether a Deny statement with these conditions applies: every condition is true, or the first one that is not true
    /// cannot be evaluated (failing closed). Allocates nothing.
    /// </summary>
    public bool DenyApplies(Request request) => Applies(request, Effect.Deny);

    private bool Applies(Request request, Effect effect)
        => ConditionResults.Applies(PreparedCondition.EvaluateAll(_conditions, request, out _), effect);
}
