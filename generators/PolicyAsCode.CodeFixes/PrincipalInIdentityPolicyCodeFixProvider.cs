using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyAsCode.Generators;
using PolicyAsCode.Rules;

namespace PolicyAsCode.CodeFixes;

/// <summary>
/// PAC001, a Principal in an identity-based policy (it comes from a resource policy's statements included with
/// <c>Include(...)</c>): drop that <c>Include</c>; or, when the policy is only includes, has a plain
/// <c>[ManagedPolicy("name")]</c> and nothing else uses it, declare it as a resource policy (<c>[ResourcePolicy]</c>,
/// <c>ResourcePolicy</c>, <c>Policy.Resource()</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PrincipalInIdentityPolicyCodeFixProvider)), Shared]
public sealed class PrincipalInIdentityPolicyCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [PolicyRules.PrincipalInIdentityPolicy.Id];

    private const string RemoveIncludeKey = "RemoveInclude";
    private const string ToResourcePolicyKey = "ToResourcePolicy";

    /// <inheritdoc/>
    /// <remarks>
    /// Fix All rewrites each document once: every <c>Include</c> that brings principals in is removed together, so that
    /// two in one chain (<c>.Include(A).Include(B)</c>, nested invocations) do not conflict as a batch of separate fixes
    /// would; or every declaration the fix applies to becomes a resource policy.
    /// </remarks>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync);

    private static async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        if (await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false) is not { } root) return null;
        if (context.CodeActionEquivalenceKey == RemoveIncludeKey)
        {
            var invocations = diagnostics.Select(d => IncludeOf(root, d)).OfType<InvocationExpressionSyntax>().Distinct().ToArray();
            return invocations.Length == 0 ? null : document.WithSyntaxRoot(root.ReplaceNodes(invocations, static (_, rewritten) => WithoutInclude(rewritten)));
        }
        if (context.CodeActionEquivalenceKey != ToResourcePolicyKey) return null;
        var rewrites = new Dictionary<MemberDeclarationSyntax, SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            if (await AsResourcePolicyAsync(document, root, diagnostic, context.CancellationToken).ConfigureAwait(false) is var (member, rewritten)) rewrites[member] = rewritten;
        }
        return rewrites.Count == 0 ? null : document.WithSyntaxRoot(root.ReplaceNodes(rewrites.Keys, (original, _) => rewrites[original]));
    }

    /// <summary>The declaration the diagnostic is in and its rewrite as a resource policy, when the fix applies to it.</summary>
    private static async Task<(MemberDeclarationSyntax Member, SyntaxNode Rewritten)?> AsResourcePolicyAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node?.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } member && ManagedPolicyAttribute(member) is { ArgumentList.Arguments.Count: 1 } attribute
            && attribute.ArgumentList.Arguments[0].NameEquals is null && Spine(Value(member)) is { } spine
            && !await IsReferencedAsync(document, member, cancellationToken).ConfigureAwait(false))
        {
            return (member, new ToResourcePolicy(attribute, spine).Visit(member)!);
        }
        return null;
    }

    /// <summary>The <c>Include(...)</c> call whose argument the diagnostic is on.</summary>
    private static InvocationExpressionSyntax? IncludeOf(SyntaxNode root, Diagnostic diagnostic)
        => root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<ArgumentSyntax>()?.Parent?.Parent is InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Include" },
            } invocation ? invocation : null;

    /// <summary><c>x.Include(y)</c> becomes <c>x</c>.</summary>
    private static ExpressionSyntax WithoutInclude(InvocationExpressionSyntax invocation)
        => ((MemberAccessExpressionSyntax)invocation.Expression).Expression.WithTriviaFrom(invocation);

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (IncludeOf(root, diagnostic) is { } invocation)
            {
                context.RegisterCodeFix(CodeAction.Create("Remove the Include of statements with a Principal",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(invocation, WithoutInclude(invocation)))),
                    equivalenceKey: RemoveIncludeKey),
                    diagnostic);
            }
            if (await AsResourcePolicyAsync(context.Document, root, diagnostic, context.CancellationToken).ConfigureAwait(false) is var (member, rewritten))
            {
                context.RegisterCodeFix(CodeAction.Create("Declare it as a resource-based policy",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(member, rewritten))),
                    equivalenceKey: ToResourcePolicyKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The declared value, found as the generator finds it.</summary>
    private static ExpressionSyntax? Value(MemberDeclarationSyntax member)
        => MemberValueSyntax.ValueOf(member is FieldDeclarationSyntax { Declaration.Variables: [var variable] } ? variable : member);

    /// <summary>
    /// The <c>Policy.Identity</c> access that starts the value when it is followed only by <c>Include(...)</c> calls:
    /// only then does the value compile as a resource policy, whose own statements would each need a <c>For(...)</c>.
    /// </summary>
    private static MemberAccessExpressionSyntax? Spine(ExpressionSyntax? value)
    {
        while (value is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
        {
            if (access.Name.Identifier.ValueText == "Identity")
            {
                return access.Expression is IdentifierNameSyntax { Identifier.ValueText: "Policy" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Policy" } ? access : null;
            }
            if (access.Name.Identifier.ValueText != "Include") return null;
            value = access.Expression;
        }
        return null;
    }

    /// <summary>Whether other code uses the member: its type changes, so those uses (an <c>Attach</c>) could break.</summary>
    private static async Task<bool> IsReferencedAsync(Document document, MemberDeclarationSyntax member, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        SyntaxNode declared = member is FieldDeclarationSyntax { Declaration.Variables: [var variable] } ? variable : member;
        if (model?.GetDeclaredSymbol(declared, cancellationToken) is not { } symbol) return true;
        var references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        return references.Any(r => r.Locations.Any());
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

    /// <summary>Rewrites the declaration's attribute, its type and the <c>Policy.Identity()</c> that starts its value (only that one).</summary>
    private sealed class ToResourcePolicy(AttributeSyntax attribute, MemberAccessExpressionSyntax spine) : CSharpSyntaxRewriter
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
            => node == spine
                ? node.WithName(SyntaxFactory.IdentifierName("Resource").WithTriviaFrom(node.Name))
                : base.VisitMemberAccessExpression(node);

        private static NameSyntax Rename(NameSyntax name, string simple) => name switch
        {
            QualifiedNameSyntax qualified => qualified.WithRight(SyntaxFactory.IdentifierName(simple).WithTriviaFrom(qualified.Right)),
            _ => SyntaxFactory.IdentifierName(simple).WithTriviaFrom(name),
        };
    }
}
