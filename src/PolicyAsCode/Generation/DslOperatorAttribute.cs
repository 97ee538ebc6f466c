namespace PolicyAsCode.Generation;

/// <summary>
/// Marks a method of a typed condition key with the base condition operator it writes (e.g. <c>StringLike</c> on
/// <see cref="StringConditionKey.Like"/>), so that the source generator reads the operator from the method instead of
/// keeping a second table of it. A test checks each mark against what the method builds.
/// </summary>
/// <param name="baseOperator">The operator without set qualifier and <c>IfExists</c>.</param>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class DslOperatorAttribute(string baseOperator) : Attribute
{
    /// <summary>The base operator.</summary>
    public string BaseOperator { get; } = baseOperator;
}
