using System.ComponentModel;

namespace PolicyAsCode.Compiled;

/// <summary>
/// One condition (an operator, a key and its values) for a compiled evaluator, with its policy values read once by the
/// interpreter's own condition evaluator. Created once into a static field of the generated code, as part of a
/// <see cref="CompiledConditions"/>; not meant to be used by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CompiledCondition
{
    private CompiledCondition(PreparedCondition prepared) => Prepared = prepared;

    internal PreparedCondition Prepared { get; }

    /// <summary>Prepares a condition.</summary>
    /// <param name="operatorName">The operator as written, e.g. <c>ForAnyValue:StringLikeIfExists</c>.</param>
    /// <param name="key">The condition key, e.g. <c>aws:SourceIp</c>.</param>
    /// <param name="values">The policy values (ORed).</param>
    /// <param name="policyVariables">Whether <c>${...}</c> is a policy variable: the policy's version is 2012-10-17.</param>
    /// <exception cref="FormatException"><paramref name="operatorName"/> is not a condition operator.</exception>
    /// <remarks>
    /// A value that cannot be read for the operator (<c>NumericEquals</c> with <c>"abc"</c>) does not throw: the condition
    /// then always evaluates to an error, which fails closed, as in the interpreter.
    /// </remarks>
    public static CompiledCondition Create(string operatorName, string key, string[] values, bool policyVariables)
    {
        var condition = new Condition(ConditionOperator.Parse(operatorName), key ?? throw new ArgumentNullException(nameof(key)),
            EquatableArray.Create(values ?? throw new ArgumentNullException(nameof(values))));
        return new CompiledCondition(new PreparedCondition(condition, policyVariables));
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Prepared.Operator.Name} {Prepared.Key}";
}
