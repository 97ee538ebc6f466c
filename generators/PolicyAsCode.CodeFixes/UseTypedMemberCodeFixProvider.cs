using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace PolicyAsCode.CodeFixes;

/// <summary>
/// Replaces a string action by its typed catalogue member (PAC300): <c>"s3:GetObject"</c> becomes <c>S3.GetObject</c>,
/// adding <c>using PolicyAsCode.Aws;</c> when the file lacks it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseTypedMemberCodeFixProvider)), Shared]
public sealed class UseTypedMemberCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["PAC300"];

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.TypedMember, out var member) || string.IsNullOrEmpty(member)
                || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Namespace, out var ns) || string.IsNullOrEmpty(ns)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node)
            {
                continue;
            }
            context.RegisterCodeFix(CodeAction.Create($"Use {member}",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(node, Qualified(ns!, member!).WithTriviaFrom(node)))),
                equivalenceKey: nameof(UseTypedMemberCodeFixProvider)),
                diagnostic);
        }
    }

    /// <summary><c>global::Namespace.Member</c>, which the code action's clean-up reduces and imports.</summary>
    private static ExpressionSyntax Qualified(string ns, string member)
        => SyntaxFactory.ParseExpression($"global::{ns}.{member}")
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
}
