using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyAsCode.Rules;

namespace PolicyAsCode.CodeFixes;

/// <summary>
/// PAC001, a Principal in an identity-based policy (it comes from a resource policy's statements included with
/// <c>Include(...)</c>): drop that <c>Include</c>; or, when the policy is only includes, declare it as a resource policy
/// (<c>[ResourcePolicy]</c>, <c>ResourcePolicy</c>, <c>Policy.Resource()</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PrincipalInIdentityPolicyCodeFixProvider)), Shared]
public sealed class PrincipalInIdentityPolicyCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [PolicyRules.PrincipalInIdentityPolicy.Id];

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node?.FirstAncestorOrSelf<ArgumentSyntax>()?.Parent?.Parent is InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Include" } include,
                } invocation)
            {
                context.RegisterCodeFix(CodeAction.Create("Remove the Include of statements with a Principal",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(invocation, include.Expression.WithTriviaFrom(invocation)))),
                    equivalenceKey: "RemoveInclude"),
                    diagnostic);
            }
            if (node?.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } member && ManagedPolicyAttribute(member) is { } attribute
                && IsIncludesOnly(Value(member)))
            {
                context.RegisterCodeFix(CodeAction.Create("Declare it as a resource-based policy",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(member, new ToResourcePolicy(attribute).Visit(member)!))),
                    equivalenceKey: "ToResourcePolicy"),
                    diagnostic);
            }
        }
    }

    private static ExpressionSyntax? Value(MemberDeclarationSyntax member) => member switch
    {
        PropertyDeclarationSyntax { ExpressionBody.Expression: var body } => body,
        PropertyDeclarationSyntax { Initializer.Value: var initializer } => initializer,
        FieldDeclarationSyntax { Declaration.Variables: [{ Initializer.Value: var initializer }] } => initializer,
        _ => null,
    };

    /// <summary>
    /// Whether the value is <c>Policy.Identity()</c> followed only by <c>Include(...)</c> calls: only then does it
    /// compile as a resource policy, whose own statements would each need a <c>For(...)</c>.
    /// </summary>
    private static bool IsIncludesOnly(ExpressionSyntax? value)
    {
        while (value is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
        {
            if (access.Name.Identifier.ValueText == "Identity")
            {
                return access.Expression is IdentifierNameSyntax { Identifier.ValueText: "Policy" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Policy" };
            }
            if (access.Name.Identifier.ValueText != "Include") return false;
            value = access.Expression;
        }
        return false;
    }

    private static AttributeSyntax? ManagedPolicyAttribute(MemberDeclarationSyntax member)
        => member.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(a => SimpleName(a.Name) is "ManagedPolicy" or "ManagedPolicyAttribute");

    private static string SimpleName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => "",
    };

    /// <summary>Rewrites the declaration's attribute, its type and the <c>Policy.Identity()</c> that starts its value.</summary>
    private sealed class ToResourcePolicy(AttributeSyntax attribute) : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitAttribute(AttributeSyntax node)
            => node == attribute ? node.WithName(Rename(node.Name, "ResourcePolicy")) : base.VisitAttribute(node);

        public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
        {
            var visited = (PropertyDeclarationSyntax)base.VisitPropertyDeclaration(node)!;
            return visited.Type is NameSyntax type && SimpleName(type) == "IdentityPolicy" ? visited.WithType(Rename(type, "ResourcePolicy")) : visited;
        }

        public override SyntaxNode? VisitVariableDeclaration(VariableDeclarationSyntax node)
        {
            var visited = (VariableDeclarationSyntax)base.VisitVariableDeclaration(node)!;
            return visited.Type is NameSyntax type && SimpleName(type) == "IdentityPolicy" ? visited.WithType(Rename(type, "ResourcePolicy")) : visited;
        }

        public override SyntaxNode? VisitMemberAccessExpression(MemberAccessExpressionSyntax node)
            => node is { Expression: IdentifierNameSyntax { Identifier.ValueText: "Policy" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Policy" }, Name.Identifier.ValueText: "Identity" }
                ? node.WithName(SyntaxFactory.IdentifierName("Resource").WithTriviaFrom(node.Name))
                : base.VisitMemberAccessExpression(node);

        private static NameSyntax Rename(NameSyntax name, string simple) => name switch
        {
            QualifiedNameSyntax qualified => qualified.WithRight(SyntaxFactory.IdentifierName(simple).WithTriviaFrom(qualified.Right)),
            _ => SyntaxFactory.IdentifierName(simple).WithTriviaFrom(name),
        };
    }
}
