namespace PolicyAsCode.Dsl;

/// <summary>
/// Names the operation a public member of the DSL performs (<see cref="DslOp"/>), so that the source generator's
/// interpreter reads what a call means from the member itself instead of keeping a second copy of the DSL's names, as
/// ComputeSharp's <c>[HlslIntrinsicName]</c> feeds its known-methods table. On a type, it marks the type's constructors
/// and conversions. <c>tests/PolicyAsCode.Tests/Dsl/DslMemberMarkTests.cs</c> checks that every public member of the
/// DSL is marked, and that each marked member builds at run time what the interpreter builds for it.
/// </summary>
/// <param name="op">The operation.</param>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Constructor | AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class DslMemberAttribute(DslOp op) : Attribute
{
    /// <summary>The operation.</summary>
    public DslOp Op { get; } = op;

    /// <summary>For <see cref="DslOp.Start"/> and <see cref="DslOp.Effect"/>: the statement's effect.</summary>
    public Effect Effect { get; init; }

    /// <summary>For <see cref="DslOp.Condition"/>: the base operator, without set qualifier and <c>IfExists</c>.</summary>
    public string? Operator { get; init; }

    /// <summary>For a <see cref="DslOp.Condition"/> that takes no values (<c>Exists()</c>, <c>IsTrue()</c>): the value it writes.</summary>
    public string? Value { get; init; }
}
