namespace PolicyAsCode.Cli;

/// <summary>What an imported file is declared as.</summary>
internal enum ImportKind
{
    /// <summary>A customer managed policy: <c>[ManagedPolicy]</c> with <c>Policy.Identity()</c>.</summary>
    Identity,

    /// <summary>A resource-based policy: <c>[ResourcePolicy]</c> with <c>Policy.Resource()</c>.</summary>
    Resource,

    /// <summary>A role's trust policy: <c>[Role]</c> with <c>Role.Define().TrustedBy(...)</c>.</summary>
    Trust,

    /// <summary>An AWS Organizations service control policy: <c>[ServiceControlPolicy]</c> with <c>Policy.ServiceControl()</c>.</summary>
    ServiceControl,

    /// <summary>An AWS Organizations resource control policy: <c>[ResourceControlPolicy]</c> with <c>Policy.ResourceControl()</c>.</summary>
    ResourceControl,
}

/// <summary>One policy document to import, with the IAM name and kind its declaration gets.</summary>
internal sealed record ImportInput(string File, string Name, ImportKind Kind, PolicyDocument Document)
{
    /// <summary>For a trust policy of a build's folder: the rest of the role, from the manifest, with its inline policies read.</summary>
    public ImportRole? Role { get; init; }

    /// <summary>For a managed policy of a build's folder: the description its manifest gives.</summary>
    public string? Description { get; init; }
}

/// <summary>What a build's manifest says of a role beside its trust policy, with the documents of its inline policies.</summary>
internal sealed record ImportRole(ManifestRole Manifest, IReadOnlyList<(string Name, ImportInput Policy)> Inline);

/// <summary>
/// Something of an imported document: an error when the DSL cannot express it (the declaration then carries an
/// <c>#error</c>, so the code never compiles silently wrong), a note when the C# is faithful but says it differently.
/// </summary>
internal sealed record ImportProblem(string File, string Path, string Message, bool IsError)
{
    public override string ToString() => $"{File}: {(IsError ? "error" : "note")}: {Path}: {Message}";
}
