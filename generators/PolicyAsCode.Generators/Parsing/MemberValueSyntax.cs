using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PolicyAsCode.Generators;

/// <summary>Finds the expression that gives a declared member its value.</summary>
internal static class MemberValueSyntax
{
    /// <summary>A property's <c>=&gt; expr</c>, <c>= expr</c>, or a getter returning one expression; a field's initializer.</summary>
    public static ExpressionSyntax? ValueOf(SyntaxNode node) => node switch
    {
        PropertyDeclarationSyntax { ExpressionBody: { } body } => body.Expression,
        PropertyDeclarationSyntax { Initializer: { } initializer } => initializer.Value,
        PropertyDeclarationSyntax { AccessorList: { } accessors } => Getter(accessors),
        VariableDeclaratorSyntax { Initializer: { } initializer } => initializer.Value,
        _ => null,
    };

    private static ExpressionSyntax? Getter(AccessorListSyntax accessors)
    {
        var get = accessors.Accessors.FirstOrDefault(a => a.Keyword.Text == "get");
        if (get?.ExpressionBody is { } body) return body.Expression;
        if (get?.Body is { Statements.Count: 1 } block && block.Statements[0] is ReturnStatementSyntax { Expression: { } returned }) return returned;
        return null;
    }
}
