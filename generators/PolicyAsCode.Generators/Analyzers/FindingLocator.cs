using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Rules;

namespace PolicyAsCode.Generators.Analyzers;

/// <summary>
/// Maps a finding's <see cref="PolicyLocation"/> (statement, element, value index) to the syntax that wrote it, from the
/// sources the interpreter recorded. Values are matched by value, not only by index, so that the mapping stays right if
/// a document ever reorders or merges values; whatever cannot be matched goes to the nearest enclosing syntax: the
/// element's call, the statement's call, and for document-level findings the declaration's name.
/// </summary>
internal static class FindingLocator
{
    public static SourceLocation Locate(Finding finding, PolicyDocument document, ImmutableArray<StatementSource> sources, Location declaration)
    {
        var at = finding.Location;
        if (at.Statement < 0 || at.Statement >= document.Statements.Count || at.Statement >= sources.Length) return new(declaration, false, null);
        var statement = document.Statements[at.Statement];
        var source = sources[at.Statement];
        switch (at.Element)
        {
            case PolicyElementKind.Sid:
                return source.Sid is { } sid ? Value(sid) : new(source.Statement, false, null);
            case PolicyElementKind.Action when at.ValueIndex >= 0 && at.ValueIndex < statement.Action.Values.Count:
                return Match(source.Actions, at.ValueIndex, statement.Action.Values[at.ValueIndex], source.Statement);
            case PolicyElementKind.Resource when statement.Resource is { } resource:
                var call = source.ResourceCall ?? source.Statement;
                return at.ValueIndex >= 0 && at.ValueIndex < resource.Values.Count
                    ? Match(source.Resources, at.ValueIndex, resource.Values[at.ValueIndex], call)
                    : new(call, false, null);
            case PolicyElementKind.Principal when statement.Principal is { } principal:
                var principalCall = source.PrincipalCall ?? source.Statement;
                return at.ValueIndex >= 0 && at.ValueIndex < principal.Ids.Count
                    ? Match(source.Principals, at.ValueIndex, principal.Ids[at.ValueIndex], principalCall)
                    : new(principalCall, false, null);
            case PolicyElementKind.ConditionOperator or PolicyElementKind.ConditionKey or PolicyElementKind.ConditionValue
                when at.ValueIndex >= 0 && at.ValueIndex < statement.Conditions.Count:
                return Condition(source, statement.Conditions[at.ValueIndex], at);
            default:
                return new(source.Statement, false, null);
        }
    }

    private static SourceLocation Condition(StatementSource source, Condition condition, PolicyLocation at)
    {
        ConditionSource? match = null;
        if (at.ValueIndex < source.Conditions.Length && source.Conditions[at.ValueIndex].Condition == condition) match = source.Conditions[at.ValueIndex];
        match ??= source.Conditions.FirstOrDefault(c => c.Condition == condition);
        // Conditions a principal brings into a trust statement (a web identity's audience) are written as the principal.
        if (match is null) return new(source.Statement, false, null);
        return at.Element switch
        {
            PolicyElementKind.ConditionKey => Value(match.Key) with { Condition = match },
            PolicyElementKind.ConditionValue when at.ConditionValueIndex >= 0 && at.ConditionValueIndex < condition.Values.Count
                => Match(match.Values, at.ConditionValueIndex, condition.Values[at.ConditionValueIndex], match.Operator) with { Condition = match },
            _ => new(match.Operator, false, match),
        };
    }

    private static SourceLocation Match(ImmutableArray<ValueSource> values, int index, object value, Location fallback)
    {
        if (index < values.Length && Equals(values[index].Value, value)) return Value(values[index]);
        foreach (var candidate in values)
        {
            if (Equals(candidate.Value, value)) return Value(candidate);
        }
        return new(fallback, false, null);
    }

    private static SourceLocation Value(ValueSource value) => new(value.Location, value.IsLiteral, null) { WrittenInHelper = value.WrittenInHelper };
}
