using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using PolicyAsCode.Dsl;

namespace PolicyAsCode.Generators;

// Where in source each part of an interpreted policy comes from, recorded by DslInterpreter (for the analyzer, which
// also takes the generator's evaluations through EvaluationShare) and read by FindingLocator. Never part of a generator spec: these hold Locations.

/// <summary>One value of an element (an action, a resource, a principal id, a condition value or key) and where it is written.</summary>
/// <param name="Value">The value as the document holds it (a string, or a <see cref="PrincipalId"/>).</param>
/// <param name="Location">The expression that produced it inside the declaration.</param>
/// <param name="IsLiteral">Whether <paramref name="Location"/> is a string literal holding exactly the value.</param>
internal sealed record ValueSource(object Value, Location Location, bool IsLiteral)
{
    /// <summary>
    /// For a value a helper writes as a literal (<c>Allow("s3:GetObjet")</c> inside a method the declaration calls), that
    /// literal; <see cref="Location"/> is then the declaration's call of the helper.
    /// </summary>
    public Location? WrittenInHelper { get; init; }
}

/// <summary>Where a condition comes from: the operator call (<c>Is("x")</c>), its key (<c>Keys.Aws.Username</c>) and values.</summary>
/// <param name="Method">The DSL operator method called, for a fix that calls another one.</param>
internal sealed record ConditionSource(Condition Condition, Location Operator, ValueSource Key, ImmutableArray<ValueSource> Values, IMethodSymbol? Method);

/// <summary>Where one statement comes from.</summary>
/// <param name="Statement">The call that started it (<c>Allow(...)</c> from its name through its arguments), or the principal of a trust statement.</param>
internal sealed record StatementSource(Location Statement)
{
    public ImmutableArray<ValueSource> Actions { get; init; } = ImmutableArray<ValueSource>.Empty;

    /// <summary>The <c>On(...)</c>, <c>OnAll()</c> or <c>OnAllExcept(...)</c> call.</summary>
    public Location? ResourceCall { get; init; }

    public ImmutableArray<ValueSource> Resources { get; init; } = ImmutableArray<ValueSource>.Empty;

    /// <summary>The <c>For(...)</c> or <c>ForAllExcept(...)</c> call.</summary>
    public Location? PrincipalCall { get; init; }

    public ImmutableArray<ValueSource> Principals { get; init; } = ImmutableArray<ValueSource>.Empty;

    public ImmutableArray<ConditionSource> Conditions { get; init; } = ImmutableArray<ConditionSource>.Empty;

    public ValueSource? Sid { get; init; }

    /// <summary>
    /// The kind of the declaration this statement was included from (<c>Include(OtherDeclaration)</c>), which reports the
    /// statement's own findings itself; null for statements written here or included from a plain member.
    /// </summary>
    public DeclarationKind? IncludedFrom { get; init; }

    /// <summary>This statement, every part of it written at <paramref name="location"/> (a statement that came from another member).</summary>
    public static StatementSource At(Location location) => new(location);
}

/// <summary>An inline policy of a role and where its statements come from; <paramref name="Declared"/> when it is another declaration (which reports its own findings).</summary>
internal sealed record InlineSource(string Name, ImmutableArray<StatementSource> Statements, bool Declared);

/// <summary>The argument of <c>PermissionsBoundary(...)</c> that sets a declared policy as the boundary, and where that policy's statements are written.</summary>
internal sealed record BoundarySource(Location Argument, ImmutableArray<StatementSource> Statements);
