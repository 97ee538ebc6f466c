using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyAsCode.Generators;

// Operators over evaluated values, with C#'s meaning: conditionals (c ? a : b), switch expressions and patterns over
// constants, ==, !=, <, >, &&, ||, !, ??, string concatenation and integer arithmetic, list elements and lengths.
internal sealed partial class DslInterpreter
{
    /// <summary>A value that may be null (compared, coalesced, passed to a helper), as <see cref="s_null"/>.</summary>
    private object EvaluateNullable(IOperation operation)
        => operation.ConstantValue is { HasValue: true, Value: null } ? s_null : Evaluate(operation, nullable: true);

    private bool Condition(IOperation operation)
        => Evaluate(operation) is bool value ? value : throw new EvaluationException("A condition that can be evaluated at compile time (true or false) is expected here.", operation.Syntax);

    private object Binary(IBinaryOperation binary)
    {
        if (binary.OperatorMethod is { } method && method.ContainingType?.SpecialType is not (SpecialType.System_String or SpecialType.System_Decimal))
        {
            throw new EvaluationException($"'{Shorten(binary.Syntax.ToString())}' uses the operator of {method.ContainingType?.Name}, which cannot be run at compile time.", binary.Syntax);
        }
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.ConditionalAnd:
                return Condition(binary.LeftOperand) && Condition(binary.RightOperand);
            case BinaryOperatorKind.ConditionalOr:
                return Condition(binary.LeftOperand) || Condition(binary.RightOperand);
            case BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals:
            {
                bool equal = ValuesEqual(EvaluateNullable(binary.LeftOperand), EvaluateNullable(binary.RightOperand), binary);
                return binary.OperatorKind == BinaryOperatorKind.Equals ? equal : !equal;
            }
            case BinaryOperatorKind.Add when binary.Type?.SpecialType == SpecialType.System_String:
                return Text(binary.LeftOperand) + Text(binary.RightOperand);
        }
        var left = Evaluate(binary.LeftOperand);
        var right = Evaluate(binary.RightOperand);
        if (left is bool l && right is bool r)
        {
            switch (binary.OperatorKind)
            {
                case BinaryOperatorKind.And: return l & r;
                case BinaryOperatorKind.Or: return l | r;
                case BinaryOperatorKind.ExclusiveOr: return l ^ r;
            }
        }
        if (IsNumber(left) && IsNumber(right))
        {
            decimal a = System.Convert.ToDecimal(left, CultureInfo.InvariantCulture), b = System.Convert.ToDecimal(right, CultureInfo.InvariantCulture);
            switch (binary.OperatorKind)
            {
                case BinaryOperatorKind.LessThan: return a < b;
                case BinaryOperatorKind.LessThanOrEqual: return a <= b;
                case BinaryOperatorKind.GreaterThan: return a > b;
                case BinaryOperatorKind.GreaterThanOrEqual: return a >= b;
            }
            bool arithmetic = binary.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply
                || (binary.OperatorKind is BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder && b != 0);
            if (binary.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 && arithmetic)
            {
                decimal result = binary.OperatorKind switch
                {
                    BinaryOperatorKind.Add => a + b,
                    BinaryOperatorKind.Subtract => a - b,
                    BinaryOperatorKind.Multiply => a * b,
                    BinaryOperatorKind.Divide => decimal.Truncate(a / b),
                    _ => a % b,
                };
                bool int32 = binary.Type.SpecialType == SpecialType.System_Int32;
                if (int32 ? result is >= int.MinValue and <= int.MaxValue : result is >= long.MinValue and <= long.MaxValue) return int32 ? (int)result : (long)result;
            }
        }
        throw new EvaluationException($"'{Shorten(binary.Syntax.ToString())}' cannot be evaluated at compile time: operators apply to constants, strings, numbers and true/false.", binary.Syntax);
    }

    private object Unary(IUnaryOperation unary)
    {
        var operand = Evaluate(unary.Operand);
        return (unary.OperatorKind, operand) switch
        {
            (UnaryOperatorKind.Not, bool b) => !b,
            (UnaryOperatorKind.Plus, _) when IsNumber(operand) => operand,
            (UnaryOperatorKind.Minus, int i) when i != int.MinValue => -i,
            (UnaryOperatorKind.Minus, long l) when l != long.MinValue => -l,
            (UnaryOperatorKind.Minus, decimal d) => -d,
            (UnaryOperatorKind.Minus, double d) => -d,
            _ => throw new EvaluationException($"'{Shorten(unary.Syntax.ToString())}' cannot be evaluated at compile time.", unary.Syntax),
        };
    }

    /// <summary>A string operand of <c>+</c>: strings and the DSL's string-like values, integers as C# formats them.</summary>
    private string Text(IOperation operation)
    {
        var value = EvaluateNullable(operation);
        return value switch
        {
            NullValue => "",
            int or long => System.Convert.ToString(value, CultureInfo.InvariantCulture)!,
            bool b => b ? "True" : "False",
            _ => AsString(value, operation),
        };
    }

    private static bool IsNumber(object value) => value is int or long or decimal or double or float or short or byte or uint or ulong or ushort or sbyte;

    /// <summary><c>==</c> as C# decides it for the values a helper compares: strings ordinally, numbers by value, and null.</summary>
    private static bool ValuesEqual(object left, object right, IOperation at) => (left, right) switch
    {
        (NullValue, NullValue) => true,
        (NullValue, _) or (_, NullValue) => false,
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (bool a, bool b) => a == b,
        (char a, char b) => a == b,
        _ when IsNumber(left) && IsNumber(right) => System.Convert.ToDecimal(left, CultureInfo.InvariantCulture) == System.Convert.ToDecimal(right, CultureInfo.InvariantCulture),
        _ => throw new EvaluationException($"'{Shorten(at.Syntax.ToString())}' compares values that cannot be compared at compile time: compare strings, numbers, true/false or null.", at.Syntax),
    };

    private object Conditional(IConditionalOperation conditional)
        => Evaluate(Condition(conditional.Condition) ? conditional.WhenTrue : conditional.WhenFalse!, nullable: true);

    private object Coalesce(ICoalesceOperation coalesce)
    {
        var value = EvaluateNullable(coalesce.Value);
        return value is NullValue ? EvaluateNullable(coalesce.WhenNull) : value;
    }

    private object Switch(ISwitchExpressionOperation switchExpression)
    {
        var value = EvaluateNullable(switchExpression.Value);
        foreach (var arm in switchExpression.Arms)
        {
            var saved = _scope;
            _scope = new Scope(saved);
            try
            {
                if (Matches(arm.Pattern, value) && (arm.Guard is null || Condition(arm.Guard))) return Evaluate(arm.Value, nullable: true);
            }
            finally
            {
                _scope = saved;
            }
        }
        throw new EvaluationException($"No arm of this switch expression matches {Describe(value)}.", switchExpression.Syntax);
    }

    private object IsPattern(IIsPatternOperation isPattern) => Matches(isPattern.Pattern, EvaluateNullable(isPattern.Value));

    private bool Matches(IPatternOperation pattern, object value)
    {
        switch (pattern)
        {
            case IDiscardPatternOperation:
                return true;
            case IConstantPatternOperation constant:
                return ValuesEqual(value, EvaluateNullable(constant.Value), constant);
            case IRelationalPatternOperation relational when IsNumber(value) && Evaluate(relational.Value) is var bound && IsNumber(bound):
            {
                decimal a = System.Convert.ToDecimal(value, CultureInfo.InvariantCulture), b = System.Convert.ToDecimal(bound, CultureInfo.InvariantCulture);
                return relational.OperatorKind switch
                {
                    BinaryOperatorKind.LessThan => a < b,
                    BinaryOperatorKind.LessThanOrEqual => a <= b,
                    BinaryOperatorKind.GreaterThan => a > b,
                    BinaryOperatorKind.GreaterThanOrEqual => a >= b,
                    _ => throw NotEvaluable(pattern),
                };
            }
            case INegatedPatternOperation negated:
                return !Matches(negated.Pattern, value);
            case IBinaryPatternOperation binary:
                return binary.OperatorKind == BinaryOperatorKind.And
                    ? Matches(binary.LeftPattern, value) && Matches(binary.RightPattern, value)
                    : Matches(binary.LeftPattern, value) || Matches(binary.RightPattern, value);
            case IDeclarationPatternOperation { MatchesNull: true, DeclaredSymbol: var symbol }:
                // var x: always matches, and names the value.
                if (symbol is not null) _scope!.Declare(symbol, value);
                return true;
            default:
                throw new EvaluationException($"The pattern '{Shorten(pattern.Syntax.ToString())}' cannot be evaluated at compile time: use constants, 'not', 'and', 'or', relational patterns, 'var' and '_'.", pattern.Syntax);
        }
    }

    private static string Describe(object value) => value switch
    {
        NullValue => "null",
        string s => $"\"{s}\"",
        _ => System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "the value",
    };

    /// <summary><c>list[i]</c> of an evaluated list.</summary>
    private object Element(IArrayElementReferenceOperation element)
    {
        var array = List(element.ArrayReference);
        if (element.Indices.Length != 1 || Evaluate(element.Indices[0]) is not int index) throw NotEvaluable(element);
        if (index < 0 || index >= array.Length) throw new EvaluationException($"The index {index} is outside the list, which has {array.Length} elements.", element.Syntax);
        return array[index];
    }

    /// <summary>An operand that must be a list (an array, a collection expression, a LINQ result).</summary>
    private object[] List(IOperation operation)
        => Evaluate(operation) as object[] ?? throw new EvaluationException("A list that can be evaluated at compile time is expected here.", operation.Syntax);
}
