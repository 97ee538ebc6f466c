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
/// Compares user names without regard to case (PAC013): <c>Keys.Aws.Username.Is("alice")</c> becomes
/// <c>Keys.Aws.Username.IsIgnoringCase("alice")</c>, i.e. <c>StringEqualsIgnoreCase</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseIgnoreCaseOperatorCodeFixProvider)), Shared]
public sealed class UseIgnoreCaseOperatorCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [PolicyRules.CaseSensitiveUserName.Id];

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(PolicyAnalyzer.Properties.Operator, out var method) || string.IsNullOrEmpty(method)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<InvocationExpressionSyntax>()
                    is not { Expression: MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } })
            {
                continue;
            }
            context.RegisterCodeFix(CodeAction.Create($"Use {method} (StringEqualsIgnoreCase)",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(name, SyntaxFactory.IdentifierName(method!).WithTriviaFrom(name)))),
                equivalenceKey: nameof(UseIgnoreCaseOperatorCodeFixProvider)),
                diagnostic);
        }
    }
}
