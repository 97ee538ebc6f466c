using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PolicyAsCode.Dsl;

namespace PolicyAsCode.Generators;

/// <summary>What a declaration is.</summary>
internal enum DeclarationKind
{
    ManagedPolicy,
    ResourcePolicy,
    Role,
}

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

/// <summary>A diagnostic to report, as data.</summary>
/// <remarks>Equatable and free of Roslyn objects.</remarks>
internal sealed record DiagnosticInfo(string Id, string Message, LocationInfo? Location)
{
    public Diagnostic ToDiagnostic(Compilation compilation)
        => Diagnostic.Create(DiagnosticDescriptors.ById(Id), Location?.ToLocation(compilation) ?? Microsoft.CodeAnalysis.Location.None, Message);
}

/// <summary>The type that declares a policy, from the namespace down through nested types.</summary>
/// <param name="Namespace">The namespace, or null for the global namespace.</param>
/// <param name="Types">The types, outermost first.</param>
/// <param name="IsAssemblyVisible">Whether code elsewhere in the assembly can name the type (none of the types is private or protected).</param>
/// <remarks>Equatable and free of Roslyn objects.</remarks>
internal sealed record ContainingTypeSpec(string? Namespace, EquatableArray<TypeSpec> Types, bool IsAssemblyVisible = true)
{
    /// <summary>A name usable in hint names and registries: <c>Ns.Outer.Inner</c>.</summary>
    public string FullName => (Namespace is null ? "" : Namespace + ".") + string.Join(".", Types.Select(t => t.Name));
}

/// <summary>One type of the chain: its keyword (class, struct, record), name and whether it is static and partial.</summary>
internal sealed record TypeSpec(string Keyword, string Name, bool IsStatic, bool IsPartial);

/// <summary>
/// One declaration, fully evaluated: what the emitter needs and nothing else.
/// </summary>
/// <remarks>
/// Holds no symbols, syntax nodes, locations or compilations (STYLE.md: equatable specs), so the incremental pipeline
/// can cache it and skip emission when an edit leaves it unchanged.
/// </remarks>
internal sealed record DeclarationSpec(
    DeclarationKind Kind,
    string Name,
    string MemberName,
    ContainingTypeSpec Containing,
    PolicyDocument? Document,
    RoleSpec? Role,
    LocationInfo? Location,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>Whether the declaration could be evaluated (no error diagnostics).</summary>
    public bool IsValid => (Document is not null || Role is not null) && !Diagnostics.Any(d => d.Id != DiagnosticIds.NotPartial);
}

/// <summary>A role, evaluated: its draft plus the names of the declared policies attached to it.</summary>
internal sealed record RoleSpec(RoleDraft Draft, EquatableArray<string> AttachedDeclared);

/// <summary>
/// What the assembly-wide outputs (manifest, registry, duplicate-name check) need of a declaration: names, files and
/// attachments, but not the policies' content, so editing a statement leaves them cached.
/// </summary>
/// <remarks>Equatable and free of Roslyn objects.</remarks>
internal sealed record DeclarationSummary(
    DeclarationKind Kind,
    string Name,
    string MemberName,
    ContainingTypeSpec Containing,
    EquatableArray<string> Files,
    RoleSummary? Role,
    LocationInfo? Location,
    string? UnreachableJson)
{
    public bool IsPartial => Containing.Types.All(t => t.IsPartial);

    /// <summary>Whether other code of the assembly can name the declaration's compiled class.</summary>
    public bool IsReachable => IsPartial && Containing.IsAssemblyVisible;

    public static DeclarationSummary? From(DeclarationSpec spec)
    {
        if (spec.Document is null && spec.Role is null) return null;
        RoleSummary? role = spec.Role is { } r
            ? new RoleSummary(r.Draft.Path, r.Draft.Description, r.Draft.MaxSessionSeconds, r.AttachedDeclared, r.Draft.Attached,
                EquatableArray.Create(r.Draft.Inline.Select(i => i.Name).ToArray()), r.Draft.Boundary)
            : null;
        var files = DeclarationEmitter.Files(spec).ToArray();
        bool reachable = spec.Containing.Types.All(t => t.IsPartial) && spec.Containing.IsAssemblyVisible;
        // The registry names the compiled class's JSON constant; only a declaration without one needs its JSON here,
        // which then makes the assembly-wide outputs depend on its content.
        return new DeclarationSummary(spec.Kind, spec.Name, spec.MemberName, spec.Containing,
            EquatableArray.Create(files.Select(f => f.File).ToArray()), role, spec.Location, reachable ? null : files[0].Json);
    }
}

/// <summary>A role's entry in the manifest.</summary>
internal sealed record RoleSummary(
    string? Path,
    string? Description,
    int? MaxSessionSeconds,
    EquatableArray<string> AttachedDeclared,
    EquatableArray<AttachedPolicy> Attached,
    EquatableArray<string> InlineNames,
    AttachedPolicy? Boundary);
