using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace PolicyAsCode.Generators;

/// <summary>
/// Remembers each declaration's spec together with what its evaluation read, so that after an edit elsewhere the
/// transform returns it without binding and interpreting the declaration again.
/// </summary>
/// <remarks>
/// Roslyn runs a <c>ForAttributeWithMetadataName</c> transform again for every declaration whenever the compilation
/// changes; binding a fluent chain costs about half a millisecond, so 500 declarations would cost 250 ms per keystroke.
/// A spec is reused only when the compilation's <see cref="CompilationShape"/> is the same (references, options, and
/// every declaration outside executable code) and the text of every member the evaluation read (the declaration itself,
/// and the policies and values it refers to) is unchanged at the same position of the same file. Those are all the
/// inputs of an evaluation, so the reused spec is the one the evaluation would return, locations included.
/// One cache lives per generator pipeline (per project); it holds strings and specs, never trees or symbols.
/// </remarks>
internal sealed class DeclarationCache
{
    private const int MaxEntries = 20_000;
    private readonly ConcurrentDictionary<(DeclarationKind Kind, string Path, int Start), Entry> _entries = new();
    private int _evaluations;
    private ShapeKey? _shape;

    /// <summary>How many declarations were evaluated rather than taken from the cache.</summary>
    public int Evaluations => _evaluations;

    public DeclarationSpec GetOrParse(GeneratorAttributeSyntaxContext context, DeclarationKind kind, CancellationToken cancellationToken)
    {
        var compilation = context.SemanticModel.Compilation;
        var shape = CompilationShape.Of(compilation, cancellationToken);
        var key = (kind, context.TargetNode.SyntaxTree.FilePath, context.TargetNode.SpanStart);
        // Entries belong to one shape: when it changes (a signature, a reference, an option), none of them is valid any more,
        // and dropping them keeps the cache from holding on to older compilations' references.
        lock (_entries)
        {
            if (_shape is null || !_shape.SameAs(shape.Key))
            {
                _entries.Clear();
                _shape = shape.Key;
            }
        }
        if (_entries.TryGetValue(key, out var entry) && entry.IsValid(shape, cancellationToken)) return entry.Spec;

        Interlocked.Increment(ref _evaluations);
        // A field's attributes are outside its declarator, and diagnostics can point at them: track the whole declaration.
        var read = new List<SyntaxNode> { context.TargetNode is VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } ? field : context.TargetNode };
        var spec = DeclarationParser.Parse(DeclarationTarget.From(context), kind, cancellationToken, read, out var value);
        // The analyzer of the same compilation reports on this evaluation instead of evaluating again.
        if (value is not null) EvaluationShare.Store(context.SemanticModel.Compilation, context.TargetNode, value);
        var members = new MemberText[read.Count];
        for (int i = 0; i < read.Count; i++)
        {
            if (MemberText.From(read[i], shape, cancellationToken) is not { } member)
            {
                // A member in a tree whose path is not unique cannot be found again: do not cache.
                _entries.TryRemove(key, out _);
                return spec;
            }
            members[i] = member;
        }
        lock (_entries)
        {
            // Another compilation may have replaced the shape meanwhile (one generator instance serving two drivers).
            if (!ReferenceEquals(_shape, shape.Key)) return spec;
            if (_entries.Count >= MaxEntries) _entries.Clear();
            _entries[key] = new Entry(spec, members);
        }
        return spec;
    }

    private sealed record Entry(DeclarationSpec Spec, MemberText[] Members)
    {
        public bool IsValid(CompilationShape shape, CancellationToken cancellationToken)
        {
            foreach (var member in Members)
            {
                if (!member.IsUnchangedIn(shape, cancellationToken)) return false;
            }
            return true;
        }
    }

    /// <summary>The text of a member's declaration, where it was (offset, line and column: diagnostics carry all three).</summary>
    private sealed record MemberText(string Path, int Start, LinePosition Position, string Text)
    {
        public static MemberText? From(SyntaxNode node, CompilationShape shape, CancellationToken cancellationToken)
        {
            var tree = node.SyntaxTree;
            if (!ReferenceEquals(shape.Tree(tree.FilePath), tree)) return null;
            var text = tree.GetText(cancellationToken);
            return new MemberText(tree.FilePath, node.SpanStart, text.Lines.GetLinePosition(node.SpanStart), text.ToString(node.Span));
        }

        public bool IsUnchangedIn(CompilationShape shape, CancellationToken cancellationToken)
        {
            if (shape.Tree(Path) is not { } tree) return false;
            var text = tree.GetText(cancellationToken);
            if (Start + Text.Length > text.Length) return false;
            for (int i = 0; i < Text.Length; i++)
            {
                if (text[Start + i] != Text[i]) return false;
            }
            return text.Lines.GetLinePosition(Start) == Position;
        }
    }
}
