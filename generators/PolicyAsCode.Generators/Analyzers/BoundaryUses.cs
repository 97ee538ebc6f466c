using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyAsCode.Dsl;

namespace PolicyAsCode.Generators.Analyzers;

/// <summary>
/// Which declared managed policies a compilation uses only as permissions boundaries (<c>PermissionsBoundary(X)</c>, and
/// never <c>Attach(X)</c>, <c>Inline(name, X)</c> or <c>Include(X)</c>): the analyzer validates those as boundaries, which
/// grant nothing by themselves, so the warnings about broad grants (PAC101, PAC103, ...) do not apply to them.
/// </summary>
/// <remarks>
/// Computed once per compilation, when the first managed policy is analyzed: one pass over the syntax trees that binds
/// only calls named like a DSL member with one of those marks (read from the marks, not from the DSL's names).
/// </remarks>
internal sealed class BoundaryUses
{
    private readonly Compilation _compilation;
    private readonly DslSymbols _symbols;
    private readonly Lazy<ImmutableHashSet<ISymbol>> _onlyBoundaries;

    public BoundaryUses(Compilation compilation, DslSymbols symbols)
    {
        _compilation = compilation;
        _symbols = symbols;
        _onlyBoundaries = new(Find, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Whether <paramref name="member"/> is set as a role's permissions boundary and used as nothing else a role or policy takes.</summary>
    public bool IsOnlyABoundary(ISymbol member) => _onlyBoundaries.Value.Contains(member);

    private ImmutableHashSet<ISymbol> Find()
    {
        // The names of the DSL methods that take a declared policy, from their marks.
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in new[] { DeclarationKind.Role, DeclarationKind.ManagedPolicy, DeclarationKind.ResourcePolicy })
        {
            foreach (var method in _symbols.DeclaredType(kind).GetMembers().OfType<IMethodSymbol>())
            {
                if (_symbols.MarkOf(method)?.Op is DslOp.PermissionsBoundary or DslOp.Attach or DslOp.Inline or DslOp.Include) names.Add(method.Name);
            }
        }
        var boundaries = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var grants = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var invocation in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (invocation.Expression is not MemberAccessExpressionSyntax access || !names.Contains(access.Name.Identifier.ValueText)) continue;
                model ??= _compilation.GetSemanticModel(tree);
                if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method || _symbols.MarkOf(method)?.Op is not { } op) continue;
                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    if (model.GetSymbolInfo(argument.Expression).Symbol is not { } member || _symbols.DeclarationKindOf(member) != DeclarationKind.ManagedPolicy) continue;
                    (op == DslOp.PermissionsBoundary ? boundaries : grants).Add(member);
                }
            }
        }
        boundaries.ExceptWith(grants);
        return boundaries.ToImmutableHashSet(SymbolEqualityComparer.Default);
    }
}
