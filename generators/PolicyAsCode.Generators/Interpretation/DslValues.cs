using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Dsl;

namespace PolicyAsCode.Generators;

// The values the interpreter works on: the DSL's objects as data. Constants stay as the compiler gives them (string,
// decimal, int, ...), lists as object[], principals as PrincipalSpec; everything else is a DslValue.

/// <summary>A DSL object evaluated at compile time.</summary>
internal abstract record DslValue;

/// <summary>An action (<c>IamAction</c>).</summary>
internal sealed record IamActionValue(string Value) : DslValue;

/// <summary>A resource (<c>ResourceArn</c>).</summary>
internal sealed record ResourceValue(string Value) : DslValue;

/// <summary>A condition key with the qualifier and <c>IfExists</c> its next condition gets.</summary>
internal sealed record KeyValue(string Name, SetQualifier Qualifier, bool IfExists) : DslValue;

/// <summary>A policy being written, with where each of its statements is written (one source per statement).</summary>
internal sealed record DraftValue(DeclarationKind Kind, PolicyDraft Draft) : DslValue
{
    public ImmutableArray<StatementSource> Sources { get; init; } = ImmutableArray<StatementSource>.Empty;
}

/// <summary>A statement waiting for its resources (<c>ResourceStep</c>).</summary>
internal sealed record StepValue(DraftValue Draft) : DslValue;

/// <summary>An effect waiting for <c>AllExcept(...)</c> (<c>EffectStep</c>).</summary>
internal sealed record EffectStepValue(DraftValue Draft, Effect Effect) : DslValue;

/// <summary>A resource policy's statement waiting for its principals (<c>PrincipalStep</c>).</summary>
internal sealed record PrincipalStepValue(DraftValue Draft) : DslValue;

/// <summary>A role being written, with where its trust statements and inline policies are written.</summary>
internal sealed record RoleValue(RoleDraft Draft) : DslValue
{
    public ImmutableArray<StatementSource> TrustSources { get; init; } = ImmutableArray<StatementSource>.Empty;

    public ImmutableArray<InlineSource> Inlines { get; init; } = ImmutableArray<InlineSource>.Empty;

    /// <summary>Where a permissions boundary declared in code is set, when it is.</summary>
    public BoundarySource? Boundary { get; init; }
}

/// <summary>A policy declared with <c>[ManagedPolicy(Name)]</c>, read from its member.</summary>
internal sealed record DeclaredPolicyValue(string Name, DraftValue Draft) : DslValue;

/// <summary>An AWS managed policy (<c>AwsManaged.ReadOnlyAccess</c>).</summary>
internal sealed record ManagedPolicyValue(string Name, string Arn) : DslValue;

/// <summary>A <c>TimeSpan</c>, in seconds.</summary>
internal sealed record TimeSpanValue(double Seconds) : DslValue;

/// <summary>A <c>DateTimeOffset</c>.</summary>
internal sealed record DateValue(DateTimeOffset Value) : DslValue;

/// <summary>A condition, with where it is written.</summary>
internal sealed record ConditionValue(Condition Condition, ConditionSource? Source) : DslValue;

/// <summary>One value of a list argument and the expression it comes from.</summary>
internal readonly record struct Item(object Value, IOperation Origin);
