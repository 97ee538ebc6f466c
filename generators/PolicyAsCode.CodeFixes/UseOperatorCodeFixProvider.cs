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
/// Calls the condition key's method for the operator the finding suggests (the analyzer's <c>Operator</c> property):
/// user names compared without regard to case (PAC013: <c>Keys.Aws.Username.Is("alice")</c> becomes
/// <c>IsIgnoringCase("alice")</c>, <c>StringEqualsIgnoreCase</c>), and wildcards matched as patterns (PAC023:
/// <c>S3.Keys.Prefix.Is("home/*")</c> becomes <c>Like("home/*")</c>, <c>StringLike</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseOperatorCodeFixProvider)), Shared]
public sealed class UseOperatorCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [PolicyRules.CaseSensitiveUserName.Id, PolicyRules.WildcardInExactMatch.Id];

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
            string? suggested = diagnostic.Properties.TryGetValue(PolicyAnalyzer.Properties.Suggestion, out var operatorName) ? operatorName : null;
            context.RegisterCodeFix(CodeAction.Create(suggested is null ? $"Use {method}" : $"Use {method} ({suggested})",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(name, SyntaxFactory.IdentifierName(method!).WithTriviaFrom(name)))),
                equivalenceKey: nameof(UseOperatorCodeFixProvider) + diagnostic.Id),
                diagnostic);
        }
    }
}
