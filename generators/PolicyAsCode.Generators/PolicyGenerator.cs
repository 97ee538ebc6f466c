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
/// own output; each spec emits its compiled class (<see cref="DeclarationEmitter"/>); all specs together emit the assembly
/// attributes the build task turns into <c>iam/*.json</c>, the manifest and the registry.
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

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var managed = Declarations(context, "PolicyAsCode.ManagedPolicyAttribute", DeclarationKind.ManagedPolicy, TrackingNames.ManagedPolicies);
        var resource = Declarations(context, "PolicyAsCode.ResourcePolicyAttribute", DeclarationKind.ResourcePolicy, TrackingNames.ResourcePolicies);
        var roles = Declarations(context, "PolicyAsCode.RoleAttribute", DeclarationKind.Role, TrackingNames.Roles);

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

        var all = managed.Collect().Combine(resource.Collect()).Combine(roles.Collect())
            .Select(static (pair, _) => pair.Left.Left.AddRange(pair.Left.Right).AddRange(pair.Right))
            .Select(static (list, _) => new EquatableArray<DeclarationSpec>(list.OrderBy(d => d.Name, StringComparer.Ordinal)));
        context.RegisterSourceOutput(all.Combine(context.CompilationProvider),
            static (spc, pair) => Report(spc, DeclarationEmitter.DuplicateNames(pair.Left), pair.Right));
        // Without locations, so that moving a declaration within its file does not re-emit the assembly-level outputs.
        var collected = all
            .Select(static (list, _) => new EquatableArray<DeclarationSpec>(list.Select(d => d with { Diagnostics = default, Location = null })))
            .WithTrackingName(TrackingNames.Collected);
        context.RegisterSourceOutput(collected, static (spc, declarations) =>
            spc.AddSource("PolicyAsCode.Declarations.g.cs", DeclarationEmitter.EmitAssemblyOutputs(declarations)));
    }

    private static void Report(SourceProductionContext context, IEnumerable<DiagnosticInfo> diagnostics, Compilation compilation)
    {
        foreach (var diagnostic in diagnostics) context.ReportDiagnostic(diagnostic.ToDiagnostic(compilation));
    }

    private static IncrementalValuesProvider<DeclarationSpec> Declarations(IncrementalGeneratorInitializationContext context, string attribute, DeclarationKind kind, string trackingName)
        => context.SyntaxProvider.ForAttributeWithMetadataName(
                attribute,
                static (node, _) => node is PropertyDeclarationSyntax or VariableDeclaratorSyntax,
                (ctx, ct) => DeclarationParser.Parse(ctx, kind, ct))
            .WithTrackingName(trackingName);
}
