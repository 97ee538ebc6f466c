using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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
/// and the policies and values it refers to) is unchanged in the same file: at the same position, or, for a member the
/// spec holds no location in, as the same member of its file (its place among the file's member declarations, which
/// the equal shape keeps) wherever an edit above it moved it. Those are all the inputs of an evaluation, so the reused
/// spec is the one the evaluation would return, locations included.
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
        var locations = Locations(spec);
        for (int i = 0; i < read.Count; i++)
        {
            if (MemberText.From(read[i], shape, locations, cancellationToken) is not { } member)
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

    /// <summary>Where the spec points into source: its own location and its diagnostics'.</summary>
    private static List<LocationInfo> Locations(DeclarationSpec spec)
    {
        var locations = new List<LocationInfo>();
        if (spec.Location is { } location) locations.Add(location);
        foreach (var diagnostic in spec.Diagnostics)
        {
            if (diagnostic.Location is { } at) locations.Add(at);
        }
        return locations;
    }

    /// <summary>
    /// The text of a member's declaration, where it was (offset, line and column: diagnostics carry all three), and which
    /// member of its file it is (-1 when the spec points into it, so that only the same position will do).
    /// </summary>
    private sealed record MemberText(string Path, int Start, LinePosition Position, string Text, int Ordinal)
    {
        public static MemberText? From(SyntaxNode node, CompilationShape shape, List<LocationInfo> locations, CancellationToken cancellationToken)
        {
            var tree = node.SyntaxTree;
            if (!ReferenceEquals(shape.Tree(tree.FilePath), tree)) return null;
            var text = tree.GetText(cancellationToken);
            bool located = locations.Exists(l => l.FilePath == tree.FilePath && node.FullSpan.IntersectsWith(l.Span));
            int ordinal = located ? -1 : MemberIndex.Of(tree, cancellationToken).IndexOf(node);
            return new MemberText(tree.FilePath, node.SpanStart, text.Lines.GetLinePosition(node.SpanStart), text.ToString(node.Span), ordinal);
        }

        public bool IsUnchangedIn(CompilationShape shape, CancellationToken cancellationToken)
        {
            if (shape.Tree(Path) is not { } tree) return false;
            var text = tree.GetText(cancellationToken);
            if (TextAt(text, Start) && text.Lines.GetLinePosition(Start) == Position) return true;
            // Moved by an edit above it: the same member of the file (the shape is equal, so the file declares the same
            // members in the same order) with the same text binds the same way, and the spec holds no location in it.
            if (Ordinal < 0) return false;
            var members = MemberIndex.Of(tree, cancellationToken);
            return Ordinal < members.Count && members[Ordinal].Span.Length == Text.Length && TextAt(text, members[Ordinal].SpanStart);
        }

        private bool TextAt(SourceText text, int start)
        {
            if (start + Text.Length > text.Length) return false;
            for (int i = 0; i < Text.Length; i++)
            {
                if (text[start + i] != Text[i]) return false;
            }
            return true;
        }
    }

    /// <summary>
    /// A file's member declarations (and the variables of its fields) in document order, once per tree: outside executable
    /// code, so two trees of the same <see cref="CompilationShape"/> list the same members in the same order.
    /// </summary>
    private static class MemberIndex
    {
        private static readonly ConditionalWeakTable<SyntaxTree, List<SyntaxNode>> s_members = new();

        public static List<SyntaxNode> Of(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (s_members.TryGetValue(tree, out var members)) return members;
            members = [];
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax
                or TypeDeclarationSyntax or BaseFieldDeclarationSyntax or VariableDeclarationSyntax))
            {
                if (node is MemberDeclarationSyntax or VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax }) members.Add(node);
            }
            return s_members.GetValue(tree, _ => members);
        }
    }
}
