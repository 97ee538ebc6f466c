using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyAsCode.Dsl;

namespace PolicyAsCode.Generators;

// Conditions: typed keys (IfExists, ForAnyValue, ForAllValues), their operators as their marks name them, the values'
// IAM text (ConditionDraft, shared with the runtime), and dates written as new DateTimeOffset(...).
internal sealed partial class DslInterpreter
{
    private object InvokeKey(IInvocationOperation invocation, DslMark mark, KeyValue key)
    {
        if (mark.Op == DslOp.IfExists) return key with { IfExists = true };
        if (mark.Operator is not { } baseOperator) throw NotEvaluable(invocation);
        List<Item> values = mark.Value is { } fixedValue ? [new Item(fixedValue, invocation)] : Values(invocation.Arguments[0]);
        Condition condition;
        try
        {
            condition = ConditionDraft.Create(key.Name, baseOperator, key.Qualifier, key.IfExists, values.Select(v => (string)v.Value));
        }
        catch (ArgumentException e)
        {
            throw new DslException(e.Message);
        }
        return new ConditionValue(condition, new ConditionSource(condition, SourceSpans.NameThroughArguments(invocation.Syntax), KeySource(invocation.Instance!, key.Name),
            [.. values.Select(v => v.Origin == invocation ? new ValueSource(v.Value, invocation.Syntax.GetLocation(), false) : SourceSpans.Of(v.Value, v.Origin))], invocation.TargetMethod));
    }

    /// <summary>The conditions of an argument, each with where it is written (its own source, or the expression it comes from).</summary>
    private List<ConditionValue> Conditions(IArgumentOperation argument)
        => Items(argument).Select(i => i.Value is ConditionValue c
            ? (c.Source is null ? c with { Source = ConditionAt(c.Condition, i.Origin.Syntax.GetLocation()) } : c)
            : throw new EvaluationException("A condition is expected here.", argument.Syntax)).ToList();

    private List<Item> Values(IArgumentOperation argument)
        => Items(argument).Select(item => new Item(ConditionText(item.Value, argument), item.Origin)).ToList();

    private static string ConditionText(object value, IArgumentOperation argument)
        => value switch
        {
            string s => s,
            ResourceValue r => r.Value,
            IamActionValue a => a.Value,
            decimal d => ConditionDraft.Number(d),
            int or long or double or float => ConditionDraft.Number(System.Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
            DateValue date => ConditionDraft.Date(date.Value),
            _ => throw new EvaluationException("This condition value cannot be evaluated at compile time.", argument.Syntax),
        };

    /// <summary>
    /// A date for a date condition, written with its offset so that it does not depend on the machine's time zone:
    /// <c>new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)</c> (a millisecond argument is accepted too).
    /// </summary>
    private DateValue Date(IObjectCreationOperation creation)
    {
        var parts = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var argument in creation.Arguments) parts[argument.Parameter?.Name ?? ""] = Evaluate(argument.Value);
        // System.DateTimeOffset's constructor parameters.
        string[] known = ["year", "month", "day", "hour", "minute", "second", "millisecond", "offset"];
        if (!parts.Keys.All(known.Contains) || !parts.ContainsKey("year") || !parts.TryGetValue("offset", out var offsetValue) || offsetValue is not TimeSpanValue offset)
        {
            throw new EvaluationException("A date in a declaration is written new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).", creation.Syntax);
        }
        int Part(string name) => parts.TryGetValue(name, out var value) ? System.Convert.ToInt32(value, CultureInfo.InvariantCulture) : 0;
        try
        {
            return new DateValue(new DateTimeOffset(Part("year"), Part("month"), Part("day"), Part("hour"), Part("minute"), Part("second"), Part("millisecond"),
                System.TimeSpan.FromTicks((long)Math.Round(offset.Seconds * System.TimeSpan.TicksPerSecond))));
        }
        catch (ArgumentException e)
        {
            throw new EvaluationException(e.Message, creation.Syntax, DiagnosticIds.InvalidDeclaration);
        }
    }
}
