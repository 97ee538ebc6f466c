using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [AnalyzerDiagnosticIds.UseTypedMember];

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
        var inScope = model?.LookupNamespacesAndTypes(node.SpanStart, name: typeName) ?? ImmutableArray<ISymbol>.Empty;
        var replacement = SyntaxFactory.ParseExpression(member).WithTriviaFrom(node);
        if (type is not null && inScope.Length == 1 && SymbolEqualityComparer.Default.Equals(inScope[0], type))
        {
            // S3 already names PolicyAsCode.Aws.S3 here.
            return document.WithSyntaxRoot(root.ReplaceNode(node, replacement));
        }
        if (type is not null && inScope.IsEmpty && root is CompilationUnitSyntax unit)
        {
            // Nothing else is called S3 here: import the namespace.
            return document.WithSyntaxRoot(AddUsing(unit.ReplaceNode(node, replacement), ns));
        }
        // Another S3 is in scope: write the member fully qualified, and let the clean-up shorten what it can.
        return document.WithSyntaxRoot(root.ReplaceNode(node, SyntaxFactory.ParseExpression($"global::{ns}.{member}")
            .WithTriviaFrom(node).WithAdditionalAnnotations(Simplifier.Annotation)));
    }

    /// <summary>Adds <c>using <paramref name="ns"/>;</c> among the file's usings, in ordinal order.</summary>
    private static CompilationUnitSyntax AddUsing(CompilationUnitSyntax unit, string ns)
    {
        var usings = unit.Usings;
        var endOfLine = usings.LastOrDefault()?.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { } eol && eol.IsKind(SyntaxKind.EndOfLineTrivia)
            ? eol
            : SyntaxFactory.ElasticLineFeed;
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns))
            .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
            .WithTrailingTrivia(endOfLine);
        int index = 0;
        while (index < usings.Count && usings[index].StaticKeyword.IsKind(SyntaxKind.None) && usings[index].Alias is null
            && string.CompareOrdinal(usings[index].Name?.ToString(), ns) < 0)
        {
            index++;
        }
        if (usings.Count == 0) directive = directive.WithTrailingTrivia(endOfLine, endOfLine);
        return unit.WithUsings(usings.Insert(index, directive));
    }
}
