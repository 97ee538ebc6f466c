using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyAsCode.Generators;

// Where each part of a value is written (DslSources), for the analyzer's findings: updates to the last statement, values
// read from other members (reported where they are read), and condition keys.
internal sealed partial class DslInterpreter
{
    /// <summary>Records where a change to the last statement is written.</summary>
    private static DraftValue Update(DraftValue value, Func<StatementSource, StatementSource> update)
    {
        if (value.Sources.IsEmpty) return value;
        int last = value.Sources.Length - 1;
        return value with { Sources = value.Sources.SetItem(last, update(value.Sources[last])) };
    }

    /// <summary>A value read from another member: its parts are reported on the expression that reads it.</summary>
    private static object Relocate(object value, Location at) => value switch
    {
        DraftValue draft => draft with { Sources = [.. draft.Sources.Select(_ => StatementSource.At(at))] },
        DeclaredPolicyValue declared => declared with { Draft = (DraftValue)Relocate(declared.Draft, at) },
        RoleValue role => role with
        {
            TrustSources = [.. role.TrustSources.Select(_ => StatementSource.At(at))],
            Inlines = [.. role.Inlines.Select(i => i with { Statements = [.. i.Statements.Select(_ => StatementSource.At(at))] })],
        },
        ConditionValue condition => condition with { Source = ConditionAt(condition.Condition, at) },
        object[] items => items.Select(item => Relocate(item, at)).ToArray(),
        _ => value,
    };

    private static ConditionSource ConditionAt(Condition condition, Location at)
        => new(condition, at, new ValueSource(condition.Key, at, false), [], null);

    /// <summary>Where a condition's key is written: the key expression without IfExists()/ForAnyValue/ForAllValues, or the string it is created from.</summary>
    private ValueSource KeySource(IOperation instance, string name)
    {
        var operation = instance;
        while (true)
        {
            if (operation is IInvocationOperation { Instance: { } receiver } call && _symbols.MarkOf(call.TargetMethod)?.Op == Dsl.DslOp.IfExists) operation = receiver;
            else if (operation is IPropertyReferenceOperation { Instance: { } key } property && _symbols.MarkOf(property.Property)?.Op is Dsl.DslOp.ForAnyValue or Dsl.DslOp.ForAllValues) operation = key;
            else break;
        }
        return operation is IObjectCreationOperation { Arguments.Length: 1 } creation
            ? SourceSpans.Of(name, creation.Arguments[0])
            : new ValueSource(name, operation.Syntax.GetLocation(), false);
    }
}
