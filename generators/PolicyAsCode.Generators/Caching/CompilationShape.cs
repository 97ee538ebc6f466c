using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PolicyAsCode.Generators;

/// <summary>
/// A fingerprint of everything in a compilation that can change how an expression binds, except executable code: the
/// references, the options, and every tree's tokens outside method, accessor and local bodies, non-constant initializers
/// and top-level statements (so usings, types, member signatures, attributes, constants and directives are in it).
/// </summary>
/// <remarks>
/// C# binds an expression from the declarations in scope, never from another member's body, so two compilations with
/// the same shape bind an unchanged expression the same way. <see cref="DeclarationCache"/> relies on that to skip
/// re-evaluating declarations whose own text, and the text of the members they read, did not change.
/// Each tree's part is computed once per tree object and each compilation's once per compilation object; after an edit
/// only the edited tree is walked again.
/// </remarks>
internal sealed class CompilationShape
{
    private static readonly ConditionalWeakTable<SyntaxTree, byte[]> s_trees = new();
    private static readonly ConditionalWeakTable<Compilation, CompilationShape> s_compilations = new();

    private readonly Compilation _compilation;
    private Dictionary<string, SyntaxTree?>? _treesByPath;

    private CompilationShape(Compilation compilation, byte[] hash)
    {
        _compilation = compilation;
        Key = new ShapeKey(hash, compilation.References.ToArray(), compilation.AssemblyName, compilation.Options);
    }

    /// <summary>What is compared; holds no compilation, tree or symbol, so that caches can keep it.</summary>
    public ShapeKey Key { get; }

    /// <summary>The shape of a compilation, computed once per compilation.</summary>
    public static CompilationShape Of(Compilation compilation, CancellationToken cancellationToken)
    {
        if (s_compilations.TryGetValue(compilation, out var shape)) return shape;
        shape = Compute(compilation, cancellationToken);
        // Another thread may have computed it meanwhile: both are equal, keep the first.
        return s_compilations.GetValue(compilation, _ => shape);
    }


    /// <summary>The tree with the given path, or null when there is none or more than one.</summary>
    public SyntaxTree? Tree(string path)
    {
        var trees = _treesByPath;
        if (trees is null)
        {
            trees = new Dictionary<string, SyntaxTree?>(StringComparer.Ordinal);
            foreach (var tree in _compilation.SyntaxTrees)
            {
                trees[tree.FilePath] = trees.ContainsKey(tree.FilePath) ? null : tree;
            }
            _treesByPath = trees;
        }
        return trees.TryGetValue(path, out var found) ? found : null;
    }

    private static CompilationShape Compute(Compilation compilation, CancellationToken cancellationToken)
    {
        using var sha = SHA256.Create();
        var buffer = new List<byte>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!s_trees.TryGetValue(tree, out var treeHash))
            {
                treeHash = s_trees.GetValue(tree, t => HashTree(t, cancellationToken));
            }
            buffer.AddRange(treeHash);
        }
        return new CompilationShape(compilation, sha.ComputeHash(buffer.ToArray()));
    }

    private static byte[] HashTree(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.Append(tree.FilePath).Append('\n');
        if (tree.Options is CSharpParseOptions options)
        {
            text.Append(options.LanguageVersion).Append(' ').Append(options.Kind).Append(' ')
                .Append(string.Join(",", options.PreprocessorSymbolNames)).Append('\n');
        }
        // Into trivia for directives (#if, #define change what is compiled); not into documentation comments, which change
        // nothing a binder sees and are edited often.
        foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens(static node => !IsExecutable(node) && node is not DocumentationCommentTriviaSyntax, descendIntoTrivia: true))
        {
            text.Append(token.Text).Append(' ');
        }
        using var sha = SHA256.Create();
        return sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>Code that runs rather than declares: nothing outside it can bind differently when it changes.</summary>
    private static bool IsExecutable(SyntaxNode node) => node switch
    {
        BlockSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax } => true,
        ArrowExpressionClauseSyntax => true,
        ConstructorInitializerSyntax => true,
        GlobalStatementSyntax => true,
        // A constant's value is part of every expression that uses it; any other initializer runs.
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax } => true,
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax field } }
            => !field.Modifiers.Any(SyntaxKind.ConstKeyword),
        _ => false,
    };
}

/// <summary>The comparable part of a <see cref="CompilationShape"/>.</summary>
internal sealed class ShapeKey
{
    private readonly byte[] _hash;
    private readonly MetadataReference[] _references;
    private readonly string? _assemblyName;
    private readonly CompilationOptions _options;

    public ShapeKey(byte[] hash, MetadataReference[] references, string? assemblyName, CompilationOptions options)
    {
        _hash = hash;
        _references = references;
        _assemblyName = assemblyName;
        _options = options;
    }

    /// <summary>Whether the two compilations bind unchanged code the same way.</summary>
    public bool SameAs(ShapeKey other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (!_hash.AsSpan().SequenceEqual(other._hash) || _references.Length != other._references.Length) return false;
        for (int i = 0; i < _references.Length; i++)
        {
            // Metadata references are immutable snapshots; a rebuilt reference is a new object.
            if (!ReferenceEquals(_references[i], other._references[i])) return false;
        }
        return _assemblyName == other._assemblyName && _options.Equals(other._options);
    }
}
