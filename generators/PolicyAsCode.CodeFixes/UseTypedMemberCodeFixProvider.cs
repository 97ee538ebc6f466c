using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyAsCode.Generators;
using PolicyAsCode.Generators.Analyzers;
using Microsoft.CodeAnalysis.Simplification;

namespace PolicyAsCode.CodeFixes;

/// <summary>
/// Replaces a string action by its typed catalogue member (PAC300): <c>"s3:GetObject"</c> becomes <c>S3.GetObject</c>,
/// adding <c>using PolicyAsCode.Aws;</c> when nothing else of that name is in scope.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseTypedMemberCodeFixProvider)), Shared]
public sealed class UseTypedMemberCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.UseTypedMember];

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(PolicyAnalyzer.Properties.TypedMember, out var member) || member is null || member.IndexOf('.') <= 0
                || !diagnostic.Properties.TryGetValue(PolicyAnalyzer.Properties.Namespace, out var ns) || string.IsNullOrEmpty(ns)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node)
            {
                continue;
            }
            context.RegisterCodeFix(CodeAction.Create($"Use {member}",
                ct => ReplaceAsync(context.Document, root, node, ns!, member!, ct),
                equivalenceKey: nameof(UseTypedMemberCodeFixProvider)),
                diagnostic);
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, SyntaxNode root, ExpressionSyntax node, string ns, string member, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        string typeName = member.Substring(0, member.IndexOf('.'));
        var type = model?.Compilation.GetTypeByMetadataName(ns + "." + typeName);
        // Members count too: in a class with a property named Lambda, "Lambda.InvokeFunction" would mean the property.
        var inScope = model?.LookupSymbols(node.SpanStart, name: typeName) ?? ImmutableArray<ISymbol>.Empty;
        if (type is not null && inScope.Length == 1 && SymbolEqualityComparer.Default.Equals(inScope[0], type))
        {
            // S3 already names PolicyAsCode.Aws.S3 here.
            return document.WithSyntaxRoot(root.ReplaceNode(node, SyntaxFactory.ParseExpression(member).WithTriviaFrom(node)));
        }
        // Written fully qualified; when nothing else has the name, the namespace is imported (where the file's usings
        // go, once however many fixes a Fix All applies) and the name shortened.
        var qualified = SyntaxFactory.ParseExpression($"global::{ns}.{member}").WithTriviaFrom(node).WithAdditionalAnnotations(Simplifier.Annotation);
        if (inScope.IsEmpty) qualified = qualified.WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
        var changed = document.WithSyntaxRoot(root.ReplaceNode(node, qualified));
        if (inScope.IsEmpty) changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
