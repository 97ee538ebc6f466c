using PolicyAsCode.Dsl;

namespace PolicyAsCode.Generators;

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
    /// <summary>A managed policy's description, for the manifest.</summary>
    public string? Description { get; init; }

    public bool IsPartial => Containing.Types.All(t => t.IsPartial);

    /// <summary>Whether other code of the assembly can name the declaration's compiled class.</summary>
    public bool IsReachable => IsPartial && Containing.IsAssemblyVisible;

    /// <summary>The order of the assembly-wide outputs and of the duplicate-name check: by name, then containing type (ordinal).</summary>
    public static EquatableArray<DeclarationSummary> InOrder(IEnumerable<DeclarationSummary> summaries)
        => new(summaries.OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.Containing.FullName, StringComparer.Ordinal).ThenBy(d => d.MemberName, StringComparer.Ordinal).ThenBy(d => d.Kind));

    public static DeclarationSummary? From(DeclarationSpec spec)
    {
        if (spec.Document is null && spec.Role is null) return null;
        RoleSummary? role = spec.Role is { } r
            ? new RoleSummary(r.Draft.Path, r.Draft.Description, r.Draft.MaxSessionSeconds, EquatableArray.Create(r.AttachedDeclared.ToArray()), r.Draft.Attached,
                EquatableArray.Create(r.Draft.Inline.Select(i => i.Name).ToArray()), r.Draft.BoundaryReference)
            : null;
        var summary = new DeclarationSummary(spec.Kind, spec.Name, spec.MemberName, spec.Containing,
            EquatableArray.Create(spec.Files.Select(f => f.File).ToArray()), role, spec.Location, null) { Description = spec.Description };
        // The registry names the compiled class's JSON constant; only a declaration without one needs its JSON here,
        // which then makes the assembly-wide outputs depend on its content.
        return summary.IsReachable ? summary : summary with { UnreachableJson = spec.Files[0].Json };
    }
}

/// <summary>A role's entry in the manifest; <see cref="Boundary"/> is a declared policy's name or a policy's ARN.</summary>
internal sealed record RoleSummary(
    string? Path,
    string? Description,
    int? MaxSessionSeconds,
    EquatableArray<string> AttachedDeclared,
    EquatableArray<AttachedPolicy> Attached,
    EquatableArray<string> InlineNames,
    string? Boundary);
