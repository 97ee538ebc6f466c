using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using PolicyAsCode.Dsl;

namespace PolicyAsCode.Generators;

// Where the values a helper returns are written, mapped out of the helper to its call (MapOut): to the argument that
// carried a value, else to the declaration's call of the helper.
internal sealed partial class DslInterpreter
{
    /// <summary>
    /// Where the parts of a helper's value are written, moved out of the helper to its call: a value that comes from one
    /// parameter goes to that argument at the call site (<c>ReadBucket("s4-bucket")</c>: the element of a list argument
    /// holding it, the literal itself when it holds exactly the value); everything else the helper writes itself goes to
    /// the call (<c>ReadBucket("s4-bucket")</c> as a whole).
    /// </summary>
    /// <remarks>
    /// A helper is usually shared by many declarations, and each declaration is a policy of its own: a finding is about
    /// the policy the declaration writes, so it is reported on that declaration's call, where it can be suppressed for
    /// that policy. Values a helper writes as literals are also judged where they are written by the per-value checks
    /// (an unknown action in the helper is reported once, on the literal); the analyzer leaves those findings to them
    /// (<see cref="ValueSource.WrittenInHelper"/>).
    /// </remarks>
    private object MapOut(object value, Frame frame)
    {
        if (frame.Call is null) return value;
        return value switch
        {
            DraftValue draft => draft with { Sources = [.. draft.Sources.Select(s => MapStatement(s, frame))] },
            StepValue step => new StepValue((DraftValue)MapOut(step.Draft, frame)),
            PrincipalStepValue step => new PrincipalStepValue((DraftValue)MapOut(step.Draft, frame)),
            EffectStepValue step => step with { Draft = (DraftValue)MapOut(step.Draft, frame) },
            DeclaredPolicyValue declared => declared with { Draft = (DraftValue)MapOut(declared.Draft, frame) },
            RoleValue role => role with
            {
                TrustSources = [.. role.TrustSources.Select(s => MapStatement(s, frame))],
                Inlines = [.. role.Inlines.Select(i => i with { Statements = [.. i.Statements.Select(s => MapStatement(s, frame))] })],
            },
            ConditionValue condition when condition.Source is { } source => condition with { Source = MapCondition(source, frame) },
            object[] items => items.Select(item => MapOut(item, frame)).ToArray(),
            _ => value,
        };
    }

    private StatementSource MapStatement(StatementSource source, Frame frame) => source with
    {
        Statement = MapLocation(source.Statement, frame),
        Actions = MapValues(source.Actions, frame),
        ResourceCall = source.ResourceCall is { } resourceCall ? MapLocation(resourceCall, frame) : null,
        Resources = MapValues(source.Resources, frame),
        PrincipalCall = source.PrincipalCall is { } principalCall ? MapLocation(principalCall, frame) : null,
        Principals = MapValues(source.Principals, frame),
        Conditions = [.. source.Conditions.Select(c => MapCondition(c, frame))],
        Sid = source.Sid is { } sid ? MapValue(sid, frame) : null,
    };

    private ConditionSource MapCondition(ConditionSource source, Frame frame)
        => source with { Operator = MapLocation(source.Operator, frame), Key = MapValue(source.Key, frame), Values = MapValues(source.Values, frame) };

    private ImmutableArray<ValueSource> MapValues(ImmutableArray<ValueSource> values, Frame frame) => [.. values.Select(v => MapValue(v, frame))];

    private Location MapLocation(Location location, Frame frame)
        => location.SourceTree is { } tree && Inside(tree, location.SourceSpan, frame) ? frame.Call!.Syntax.GetLocation() : location;

    private ValueSource MapValue(ValueSource value, Frame frame)
    {
        if (value.Location.SourceTree is not { } tree || !Inside(tree, value.Location.SourceSpan, frame)) return value;
        if (SingleParameter(value.Location.SourceSpan, frame) is { } parameter && frame.Arguments.TryGetValue(parameter, out var argument) && argument.Operation is { } written)
        {
            if (argument.Elements is { } elements)
            {
                foreach (var element in elements)
                {
                    if (Equals(TextOf(element.Value), value.Value)) return WrittenAt(value.Value, element.Origin);
                }
            }
            return WrittenAt(value.Value, written);
        }
        return new ValueSource(value.Value, frame.Call!.Syntax.GetLocation(), false) { WrittenInHelper = value.IsLiteral ? value.Location : value.WrittenInHelper };
    }

    /// <summary>The expression a value is written with, which is a literal for the analyzer only if it holds exactly that value.</summary>
    private static ValueSource WrittenAt(object value, IOperation origin)
    {
        var operation = origin;
        while (operation is IConversionOperation or IParenthesizedOperation or IArgumentOperation)
        {
            operation = operation switch
            {
                IConversionOperation conversion => conversion.Operand,
                IParenthesizedOperation parenthesized => parenthesized.Operand,
                _ => ((IArgumentOperation)operation).Value,
            };
        }
        bool literal = operation is ILiteralOperation { Syntax: LiteralExpressionSyntax, ConstantValue: { HasValue: true, Value: string text } } && Equals(text, value);
        return new ValueSource(value, (literal ? operation : origin).Syntax.GetLocation(), literal);
    }

    /// <summary>A value as a document holds it, to find it among an argument's elements.</summary>
    private static object? TextOf(object value) => value switch
    {
        IamActionValue action => action.Value,
        ResourceValue resource => resource.Value,
        PrincipalSpec principal => principal.Id,
        _ => value,
    };

    private static bool Inside(SyntaxTree tree, TextSpan span, Frame frame) => frame.Call is not null && tree == frame.Syntax.SyntaxTree && frame.Syntax.Span.Contains(span);

    /// <summary>The one parameter of the helper read within <paramref name="span"/>, or null for none or several.</summary>
    private static IParameterSymbol? SingleParameter(TextSpan span, Frame frame)
    {
        IParameterSymbol? found = null;
        foreach (var read in frame.ParameterReads)
        {
            if (!span.Contains(read.Key)) continue;
            if (found is not null && !SymbolEqualityComparer.Default.Equals(found, read.Value)) return null;
            found = read.Value;
        }
        return found;
    }
}
