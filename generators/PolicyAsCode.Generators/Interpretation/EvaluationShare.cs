using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace PolicyAsCode.Generators;

/// <summary>
/// Hands the generator's evaluation of each declaration to the analyzer of the same compilation, so that a build binds
/// and interprets each declaration once rather than twice.
/// </summary>
/// <remarks>
/// The compiler runs the generator on the user's compilation, then the analyzers on that compilation plus the generated
/// trees. An evaluation is reused only when the analyzer's compilation, without this generator's trees, has exactly the
/// same syntax tree objects, the same metadata reference objects, the same options and assembly name as the compilation
/// the generator evaluated in: then the declaration binds to the same symbols and evaluates to the same value (our
/// generated code adds only nested <c>Compiled</c> classes and assembly attributes, which no successfully evaluated
/// declaration refers to). Anything else (another generator's output, an edit, a test without the generator) finds
/// nothing and the analyzer evaluates as before. Entries are keyed weakly by tree, so they go with their compilation.
/// </remarks>
internal static class EvaluationShare
{
    private const string GeneratedPathMarker = "PolicyAsCode.Generators.PolicyGenerator";
    private static readonly ConditionalWeakTable<Compilation, Snapshot> s_generatorSnapshots = new();
    private static readonly ConditionalWeakTable<Compilation, Snapshot> s_analyzerSnapshots = new();
    private static readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<int, Entry>> s_values = new();
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<int>> s_hits = new();

    /// <summary>
    /// How many evaluations of declarations in <paramref name="tree"/> the analyzer has taken from the generator (for
    /// tests: counted by tree, so that tests running at the same time do not count each other's).
    /// </summary>
    public static int HitsIn(SyntaxTree tree) => s_hits.TryGetValue(tree, out var box) ? Volatile.Read(ref box.Value) : 0;

    /// <summary>Records a declaration's value, evaluated (with sources) by the generator in <paramref name="compilation"/>.</summary>
    public static void Store(Compilation compilation, SyntaxNode member, object value)
    {
        var snapshot = s_generatorSnapshots.GetValue(compilation, static c => Snapshot.Of(c, excludeGenerated: false));
        s_values.GetOrCreateValue(member.SyntaxTree)[member.SpanStart] = new Entry(snapshot, value);
    }

    /// <summary>The generator's value of the declaration, if it was evaluated in this compilation without our generated trees.</summary>
    public static bool TryGet(Compilation compilation, SyntaxNode member, out object value)
    {
        value = null!;
        if (!s_values.TryGetValue(member.SyntaxTree, out var values) || !values.TryGetValue(member.SpanStart, out var entry)) return false;
        var snapshot = s_analyzerSnapshots.GetValue(compilation, static c => Snapshot.Of(c, excludeGenerated: true));
        if (!entry.Snapshot.SameAs(snapshot)) return false;
        value = entry.Value;
        Interlocked.Increment(ref s_hits.GetValue(member.SyntaxTree, static _ => new StrongBox<int>()).Value);
        return true;
    }

    private sealed record Entry(Snapshot Snapshot, object Value);

    /// <summary>
    /// The trees, references and options of a compilation. Trees and references are held weakly: an entry must not keep a
    /// compilation's trees (or, through a compilation reference, another compilation) alive; a collected one never matches.
    /// </summary>
    private sealed class Snapshot
    {
        private readonly WeakReference<SyntaxTree>[] _trees;
        private readonly WeakReference<MetadataReference>[] _references;
        private readonly CompilationOptions _options;
        private readonly string? _assemblyName;

        private Snapshot(IEnumerable<SyntaxTree> trees, IEnumerable<MetadataReference> references, CompilationOptions options, string? assemblyName)
        {
            _trees = trees.Select(t => new WeakReference<SyntaxTree>(t)).ToArray();
            _references = references.Select(r => new WeakReference<MetadataReference>(r)).ToArray();
            _options = options;
            _assemblyName = assemblyName;
        }

        public static Snapshot Of(Compilation compilation, bool excludeGenerated)
            => new(compilation.SyntaxTrees.Where(t => !excludeGenerated || t.FilePath.IndexOf(GeneratedPathMarker, StringComparison.Ordinal) < 0),
                compilation.References, compilation.Options, compilation.AssemblyName);

        public bool SameAs(Snapshot other)
        {
            if (ReferenceEquals(this, other)) return true;
            if (_trees.Length != other._trees.Length || _references.Length != other._references.Length) return false;
            for (int i = 0; i < _trees.Length; i++)
            {
                if (!SameTarget(_trees[i], other._trees[i])) return false;
            }
            for (int i = 0; i < _references.Length; i++)
            {
                if (!SameTarget(_references[i], other._references[i])) return false;
            }
            return _assemblyName == other._assemblyName && _options.Equals(other._options);
        }

        private static bool SameTarget<T>(WeakReference<T> a, WeakReference<T> b) where T : class
            => a.TryGetTarget(out var x) && b.TryGetTarget(out var y) && ReferenceEquals(x, y);
    }
}
