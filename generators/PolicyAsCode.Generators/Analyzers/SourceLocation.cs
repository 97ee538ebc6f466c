using Microsoft.CodeAnalysis;

namespace PolicyAsCode.Generators.Analyzers;

/// <summary>Where a finding is reported in source, and what a code fix needs to know about it.</summary>
/// <param name="Location">The span to report on.</param>
/// <param name="IsLiteral">Whether the span is a string literal holding exactly the value the finding is about.</param>
/// <param name="Condition">The condition the finding is about, when it is about one.</param>
internal readonly record struct SourceLocation(Location Location, bool IsLiteral, ConditionSource? Condition)
{
    /// <summary>The literal in a helper that wrote the value, when <see cref="Location"/> is the declaration's call of that helper.</summary>
    public Location? WrittenInHelper { get; init; }
}
