using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace PolicyAsCode.Generators;

/// <summary>Spans the analyzers report on.</summary>
internal static class SourceSpans
{
    /// <summary>A call from its method's name through its arguments: <c>Allow(S3.GetObject)</c> in <c>Policy.Identity().Allow(S3.GetObject)</c>.</summary>
    public static Location NameThroughArguments(SyntaxNode syntax)
    {
        if (syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, invocation.ArgumentList.Span.End));
        }
        return syntax.GetLocation();
    }

    /// <summary>The value's location: a string literal when the value is written as one (through conversions), else the expression.</summary>
    public static ValueSource Of(object value, IOperation origin)
    {
        var operation = origin;
        while (true)
        {
            if (operation is IArgumentOperation argument) operation = argument.Value;
            else if (operation is IConversionOperation conversion) operation = conversion.Operand;
            else if (operation is IParenthesizedOperation parenthesized) operation = parenthesized.Operand;
            else break;
        }
        return operation is ILiteralOperation { ConstantValue: { HasValue: true, Value: string } }
            ? new ValueSource(value, operation.Syntax.GetLocation(), true)
            : new ValueSource(value, origin.Syntax.GetLocation(), false);
    }
}
