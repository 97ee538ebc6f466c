using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PolicyAsCode.Generators;

/// <summary>
/// Turns policies and roles declared with the PolicyAsCode DSL into IAM JSON and compiled evaluators at build time.
/// </summary>
/// <remarks>
/// Pipeline: one <c>ForAttributeWithMetadataName</c> per declaration attribute; the transform interprets the declaration
/// (<see cref="DeclarationParser"/>) into an equatable <see cref="DeclarationSpec"/>; diagnostics are reported from their
/// own output; each spec emits its <c>IamFile</c> attributes and compiled class (<see cref="DeclarationEmitter"/>); the
/// summaries of all specs emit the manifest, the registry and the duplicate-name check.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class PolicyGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline's stages, for caching tests.</summary>
    public static class TrackingNames
    {
        /// <summary>Managed policy declarations parsed.</summary>
        public const string ManagedPolicies = nameof(ManagedPolicies);

        /// <summary>Resource policy declarations parsed.</summary>
        public const string ResourcePolicies = nameof(ResourcePolicies);

        /// <summary>Role declarations parsed.</summary>
        public const string Roles = nameof(Roles);

        /// <summary>All declarations without their diagnostics: what emission depends on.</summary>
        public const string Specs = nameof(Specs);

        /// <summary>All declarations collected, for the assembly-level outputs.</summary>
        public const string Collected = nameof(Collected);
    }

    // One cache per generator instance (per project): after an edit, declarations whose inputs did not change are not
    // evaluated again.
    private readonly DeclarationCache _cache = new();

    /// <summary>How many declarations this instance has evaluated rather than taken from its cache (for tests).</summary>
    internal int Evaluations => _cache.Evaluations;

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var cache = _cache;
        var managed = Declarations(context, cache, "PolicyAsCode.ManagedPolicyAttribute", DeclarationKind.ManagedPolicy, TrackingNames.ManagedPolicies);
        var resource = Declarations(context, cache, "PolicyAsCode.ResourcePolicyAttribute", DeclarationKind.ResourcePolicy, TrackingNames.ResourcePolicies);
        var roles = Declarations(context, cache, "PolicyAsCode.RoleAttribute", DeclarationKind.Role, TrackingNames.Roles);

        foreach (var declarations in new[] { managed, resource, roles })
        {
            // Diagnostics leave the model here, so editing a diagnostic's text never re-emits code. They are reported
            // against the compilation's own syntax trees, so that #pragma warning disable applies to them.
            context.RegisterSourceOutput(declarations.Select(static (d, _) => d.Diagnostics).Combine(context.CompilationProvider),
                static (spc, pair) => Report(spc, pair.Left, pair.Right));
            var specs = declarations.Select(static (d, _) => d with { Diagnostics = default, Location = null }).WithTrackingName(TrackingNames.Specs);
            context.RegisterSourceOutput(specs, static (spc, spec) =>
            {
                if (DeclarationEmitter.EmitDeclaration(spec) is { } source) spc.AddSource(DeclarationEmitter.HintName(spec), source);
            });
        }

        // The assembly-wide outputs depend only on names, files and attachments, so an edit inside a policy leaves them cached.
        static IncrementalValuesProvider<DeclarationSummary> Summaries(IncrementalValuesProvider<DeclarationSpec> declarations)
            => declarations.Select(static (d, _) => DeclarationSummary.From(d)).Where(static s => s is not null).Select(static (s, _) => s!);
        var all = Summaries(managed).Collect().Combine(Summaries(resource).Collect()).Combine(Summaries(roles).Collect())
            .Select(static (pair, _) => new EquatableArray<DeclarationSummary>(
                pair.Left.Left.AddRange(pair.Left.Right).AddRange(pair.Right).OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.Containing.FullName, StringComparer.Ordinal)));
        context.RegisterSourceOutput(all.Combine(context.CompilationProvider),
            static (spc, pair) => Report(spc, DeclarationEmitter.DuplicateNames(pair.Left), pair.Right));
        // Without locations, so that moving a declaration within its file does not re-emit the assembly-level outputs.
        var collected = all
            .Select(static (list, _) => new EquatableArray<DeclarationSummary>(list.Select(d => d with { Location = null })))
            .WithTrackingName(TrackingNames.Collected);
        context.RegisterSourceOutput(collected, static (spc, declarations) =>
        {
            if (declarations.Count > 0) spc.AddSource("PolicyAsCode.Declarations.g.cs", DeclarationEmitter.EmitAssemblyOutputs(declarations));
        });
    }

    private static void Report(SourceProductionContext context, IEnumerable<DiagnosticInfo> diagnostics, Compilation compilation)
    {
        foreach (var diagnostic in diagnostics) context.ReportDiagnostic(diagnostic.ToDiagnostic(compilation));
    }

    private static IncrementalValuesProvider<DeclarationSpec> Declarations(IncrementalGeneratorInitializationContext context, DeclarationCache cache, string attribute, DeclarationKind kind, string trackingName)
        => context.SyntaxProvider.ForAttributeWithMetadataName(
                attribute,
                static (node, _) => node is PropertyDeclarationSyntax or VariableDeclaratorSyntax,
                (ctx, ct) => cache.Parse(ctx, kind, ct))
            .WithTrackingName(trackingName);
}
