namespace PolicyAsCode.Build;

/// <summary>
/// The codes of the errors the build logic reports (PAC9xx: build time), each with its page in docs/rules. The targets
/// report <see cref="TaskAssemblyMissing"/> themselves.
/// </summary>
internal static class ErrorCodes
{
    /// <summary>The assembly cannot be read: missing, not a .NET assembly, or corrupt metadata.</summary>
    public const string UnreadableAssembly = "PAC901";

    /// <summary>A declared file name is not a plain <c>*.json</c> file name.</summary>
    public const string InvalidFileName = "PAC902";

    /// <summary>An IamFile attribute whose constructor or arguments are not two strings.</summary>
    public const string MalformedAttribute = "PAC903";

    /// <summary>Two declarations name the same file (ignoring case).</summary>
    public const string DuplicateFileName = "PAC904";

    /// <summary>A file under iam/ or the stamp file could not be written or deleted.</summary>
    public const string FileSystemError = "PAC905";

    /// <summary>The task assembly is missing (reported by buildTransitive/PolicyAsCode.targets).</summary>
    public const string TaskAssemblyMissing = "PAC906";

    /// <summary>The declarations cannot be written as a CloudFormation template or Terraform configuration.</summary>
    public const string DeploymentOutput = "PAC907";
}
