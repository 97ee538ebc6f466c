namespace PolicyAsCode.Generators;

/// <summary>One declaration, fully evaluated: what the emitter needs and nothing else.</summary>
/// <remarks>
/// Holds no symbols, syntax nodes or compilations (STYLE.md: equatable specs), so the incremental pipeline can cache it
/// and skip emission when an edit leaves it unchanged. <see cref="Location"/> and <see cref="Diagnostics"/> are plain
/// data for the diagnostics output; the pipeline removes both before emission, so moving a declaration or rewording a
/// diagnostic emits nothing again.
/// </remarks>
/// <param name="Files">The files it writes under <c>iam/</c> with their JSON, written once by the parser (<see cref="DeclarationFiles"/>); empty when it has no valid value.</param>
internal sealed record DeclarationSpec(
    DeclarationKind Kind,
    string Name,
    string MemberName,
    ContainingTypeSpec Containing,
    PolicyDocument? Document,
    RoleSpec? Role,
    EquatableArray<IamFileSpec> Files,
    LocationInfo? Location,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>A managed policy's <c>Description</c> from its attribute, written to the manifest.</summary>
    public string? Description { get; init; }
}
