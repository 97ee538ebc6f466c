namespace PolicyAsCode.Catalogue;

/// <summary>
/// The access level AWS assigns an action in the Service Authorization Reference, which IAM Access Analyzer and the
/// policy summaries of the IAM console use to group permissions.
/// </summary>
public enum AccessLevel
{
    /// <summary>Lists resources or their existence ("List").</summary>
    List,

    /// <summary>Reads resources or their contents ("Read").</summary>
    Read,

    /// <summary>Creates, changes or deletes resources ("Write").</summary>
    Write,

    /// <summary>Grants or changes permissions on resources ("Permissions management").</summary>
    PermissionsManagement,

    /// <summary>Changes only the tags of resources ("Tagging").</summary>
    Tagging,
}

/// <summary>Helpers for <see cref="AccessLevel"/>.</summary>
public static class AccessLevelExtensions
{
    /// <summary>The access level as AWS writes it: <c>List</c>, <c>Read</c>, <c>Write</c>, <c>Permissions management</c>, <c>Tagging</c>.</summary>
    public static string ToAwsName(this AccessLevel level) => level switch
    {
        AccessLevel.List => "List",
        AccessLevel.Read => "Read",
        AccessLevel.Write => "Write",
        AccessLevel.PermissionsManagement => "Permissions management",
        AccessLevel.Tagging => "Tagging",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };
}
