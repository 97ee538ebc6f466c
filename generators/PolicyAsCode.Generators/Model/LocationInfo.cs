using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PolicyAsCode.Generators;

/// <summary>A source location without a syntax tree: the file path and span, enough to rebuild a <see cref="Location"/>.</summary>
/// <remarks>Equatable and free of Roslyn objects, so it can live in the incremental pipeline.</remarks>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(SyntaxNode node) => From(node.GetLocation());

    public static LocationInfo? From(Location location)
        => location.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    /// <summary>A location in the compilation's syntax tree of <see cref="FilePath"/> (a file location only if it has none).</summary>
    public Location ToLocation(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == FilePath && Span.End <= tree.Length) return Location.Create(tree, Span);
        }
        return Location.Create(FilePath, Span, LineSpan);
    }
}
