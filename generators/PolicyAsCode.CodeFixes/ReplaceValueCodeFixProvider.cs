using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyAsCode.Rules;
using PolicyAsCode.Generators.Analyzers;

namespace PolicyAsCode.CodeFixes;

/// <summary>
/// Replaces an unknown service prefix, action, condition key, policy variable (PAC022) or service principal (PAC024), or an
/// ARN that can never match (PAC021), written as a string literal with the rule engine's
/// suggestion: <c>"s4:GetObject"</c> becomes <c>"s3:GetObject"</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceValueCodeFixProvider)), Shared]
public sealed class ReplaceValueCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [PolicyRules.UnknownService.Id, PolicyRules.UnknownAction.Id, PolicyRules.UnknownConditionKey.Id,
        PolicyRules.ArnNeverMatches.Id, PolicyRules.UnknownPolicyVariable.Id, PolicyRules.UnknownServicePrincipal.Id];

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(PolicyAnalyzer.Properties.Suggestion, out var suggestion) || string.IsNullOrEmpty(suggestion)
                || !diagnostic.Properties.TryGetValue(PolicyAnalyzer.Properties.Literal, out var literal) || literal != "true"
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax node
                || !node.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }
            string title = $"Replace with '{suggestion}'";
            context.RegisterCodeFix(CodeAction.Create(title,
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(node,
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion!)).WithTriviaFrom(node)))),
                equivalenceKey: nameof(ReplaceValueCodeFixProvider) + diagnostic.Id),
                diagnostic);
        }
    }
}
