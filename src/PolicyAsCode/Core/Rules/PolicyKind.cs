namespace PolicyAsCode.Rules;

/// <summary>What a policy is for; the rules that apply depend on it.</summary>
public enum PolicyKind
{
    /// <summary>An identity-based policy attached to a user, group or role (managed or inline).</summary>
    Identity,

    /// <summary>A resource-based policy (an S3 bucket policy, an SQS queue policy, a KMS key policy, ...).</summary>
    Resource,

    /// <summary>A role's trust policy (assume-role policy): a resource-based policy whose resource is the role.</summary>
    Trust,

    /// <summary>An AWS Organizations service control policy.</summary>
    ServiceControlPolicy,

    /// <summary>A permissions boundary: a managed policy that caps a user's or role's permissions.</summary>
    PermissionsBoundary,

    /// <summary>A session policy passed to <c>sts:AssumeRole*</c> or <c>sts:GetFederationToken</c>.</summary>
    SessionPolicy,

    /// <summary>An AWS Organizations resource control policy: it caps what principals may do to the resources of the accounts it applies to.</summary>
    ResourceControlPolicy,
}

/// <summary>Where an identity-based policy lives, which sets its size quota.</summary>
public enum PolicyContainer
{
    /// <summary>A customer managed policy (6,144 characters).</summary>
    Managed,

    /// <summary>Inline policies of a user (2,048 characters in total).</summary>
    UserInline,

    /// <summary>Inline policies of a group (5,120 characters in total).</summary>
    GroupInline,

    /// <summary>Inline policies of a role (10,240 characters in total).</summary>
    RoleInline,
}

/// <summary>Helpers over <see cref="PolicyKind"/>.</summary>
public static class PolicyKinds
{
    /// <summary>
    /// Whether policies of this kind are identity-based in AWS's sense (they are attached to, or scope, a principal) and
    /// so must not name principals.
    /// </summary>
    public static bool IsIdentityBased(this PolicyKind kind)
        => kind is PolicyKind.Identity or PolicyKind.PermissionsBoundary or PolicyKind.SessionPolicy or PolicyKind.ServiceControlPolicy;

    /// <summary>Whether policies of this kind must name principals.</summary>
    public static bool RequiresPrincipal(this PolicyKind kind) => kind is PolicyKind.Resource or PolicyKind.Trust or PolicyKind.ResourceControlPolicy;

    /// <summary>The name used on the command line and in messages.</summary>
    public static string DisplayName(this PolicyKind kind) => kind switch
    {
        PolicyKind.Identity => "identity-based policy",
        PolicyKind.Resource => "resource-based policy",
        PolicyKind.Trust => "role trust policy",
        PolicyKind.ServiceControlPolicy => "service control policy",
        PolicyKind.PermissionsBoundary => "permissions boundary",
        PolicyKind.ResourceControlPolicy => "resource control policy",
        _ => "session policy",
    };
}
