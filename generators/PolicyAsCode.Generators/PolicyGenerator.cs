using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PolicyAsCode.Generators;

/// <summary>
/// Turns policies and roles declared with the PolicyAsCode DSL into IAM JSON and compiled evaluators at build time.
/// </summary>
/// <remarks>
/// Pipeline, one stage per folder: <b>Parsing</b>, one <c>ForAttributeWithMetadataName</c> per declaration attribute
/// (<see cref="DeclarationKinds"/>) whose transform is <see cref="DeclarationCache"/> (<b>Caching</b>) over
/// <see cref="DeclarationParser"/>, which checks the member and evaluates it with <see cref="DslInterpreter"/>
/// (<b>Interpretation</b>) into an equatable <see cref="DeclarationSpec"/> (<b>Model</b>); each spec emits its file
/// (<see cref="DeclarationEmitter"/>, <b>Emit</b>); the summaries of all specs give the manifest and the registry
/// (<see cref="AssemblyEmitter"/>).
/// <para>
/// The generator reports no diagnostics. What it finds (PAC200-PAC205, <b>Diagnostics</b>) comes from code the analyzer
/// runs too (<see cref="DeclarationParser"/>, <see cref="DuplicateNames"/>), so <see cref="Analyzers.PolicyAnalyzer"/>
/// reports it, as Roslyn's guidance for generators advises: once per build (a build runs both), suppressible, and in
/// editors that show analyzers' diagnostics but not generators' while typing (csharp-ls). The spec still carries its
/// diagnostics, because the parser that finds them is shared.
/// </para>
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

        /// <summary>Service control policy declarations parsed.</summary>
        public const string ServiceControlPolicies = nameof(ServiceControlPolicies);

        /// <summary>Resource control policy declarations parsed.</summary>
        public const string ResourceControlPolicies = nameof(ResourceControlPolicies);

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
        // Parse: one transform per declaration attribute (DeclarationKinds); the cache answers for declarations whose inputs are unchanged.
        var parsed = DeclarationKinds.All.Select(info => Parse(context, _cache, info)).ToArray();

        foreach (var declarations in parsed)
        {
            // Emit each declaration from its spec alone: without locations, so that moving it within its file emits nothing again.
            var specs = declarations.Select(static (d, _) => d with { Diagnostics = default, Location = null }).WithTrackingName(TrackingNames.Specs);
            context.RegisterSourceOutput(specs, static (spc, spec) =>
            {
                if (DeclarationEmitter.Emit(spec) is { } source) spc.AddSource(DeclarationEmitter.HintName(spec), source);
            });
        }

        // Summarise: the assembly-wide outputs depend only on names, files and attachments, so an edit inside a policy leaves them cached.
        var all = parsed.Select(Summaries).Aggregate(static (left, right) => left.Combine(right).Select(static (pair, _) => pair.Left.AddRange(pair.Right)))
            .Select(static (list, _) => DeclarationSummary.InOrder(list));

        // Emit the manifest and the registry, without locations for the same reason as above.
        var collected = all
            .Select(static (list, _) => new EquatableArray<DeclarationSummary>(list.Select(d => d with { Location = null })))
            .WithTrackingName(TrackingNames.Collected);
        context.RegisterSourceOutput(collected, static (spc, declarations) =>
        {
            if (declarations.Count > 0) spc.AddSource(AssemblyEmitter.HintName, AssemblyEmitter.Emit(declarations));
        });
    }

    private static IncrementalValueProvider<ImmutableArray<DeclarationSummary>> Summaries(IncrementalValuesProvider<DeclarationSpec> declarations)
        => declarations.Select(static (d, _) => DeclarationSummary.From(d)).Where(static s => s is not null).Select(static (s, _) => s!).Collect();

    private static IncrementalValuesProvider<DeclarationSpec> Parse(IncrementalGeneratorInitializationContext context, DeclarationCache cache, DeclarationKindInfo info)
    {
        var kind = info.Kind;
        return context.SyntaxProvider.ForAttributeWithMetadataName(
                info.Attribute,
                // Indexers too, so that the attribute on one is reported (PAC202) rather than ignored.
                static (node, _) => node is PropertyDeclarationSyntax or VariableDeclaratorSyntax or IndexerDeclarationSyntax,
                (ctx, ct) => cache.GetOrParse(ctx, kind, ct))
            .WithTrackingName(TrackingName(kind));
    }

    private static string TrackingName(DeclarationKind kind) => kind switch
    {
        DeclarationKind.ManagedPolicy => TrackingNames.ManagedPolicies,
        DeclarationKind.ResourcePolicy => TrackingNames.ResourcePolicies,
        DeclarationKind.ServiceControlPolicy => TrackingNames.ServiceControlPolicies,
        DeclarationKind.ResourceControlPolicy => TrackingNames.ResourceControlPolicies,
        _ => TrackingNames.Roles,
    };
}
