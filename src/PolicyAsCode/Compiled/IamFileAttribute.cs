namespace PolicyAsCode.Compiled;

/// <summary>
/// Emitted by the source generator once per IAM JSON file a project declares (a policy, a role's trust policy, the
/// manifest). After compilation, the PolicyAsCode build task reads these attributes from the assembly's metadata
/// (without loading or running it) and writes each one to <c>$(OutDir)iam/&lt;FileName&gt;</c>.
/// </summary>
/// <param name="fileName">The file name under <c>iam/</c>, e.g. <c>read_my_bucket.json</c>.</param>
/// <param name="content">The file's content: canonical IAM JSON.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class IamFileAttribute(string fileName, string content) : Attribute
{
    /// <summary>The file name under <c>iam/</c>.</summary>
    public string FileName { get; } = fileName;

    /// <summary>The file's content.</summary>
    public string Content { get; } = content;
}
