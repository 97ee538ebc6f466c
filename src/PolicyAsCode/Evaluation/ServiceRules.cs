namespace PolicyAsCode;

/// <summary>
/// Requests that AWS decides whatever the policies say: documented service-specific rules, each here once.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>
/// <c>sts:GetCallerIdentity</c> is allowed for every signed caller: AWS STS API Reference, "GetCallerIdentity": "No
/// permissions are required to perform this operation. If an administrator attaches a policy to your identity that
/// explicitly denies access to the sts:GetCallerIdentity action, you can still perform this operation."
/// </item>
/// <item>
/// Changes to an AWS managed policy (<c>arn:aws:iam::aws:policy/...</c>) are refused: IAM User Guide, "Managed policies
/// and inline policies": "You cannot change the permissions defined in AWS managed policies."
/// </item>
/// <item>
/// Changes to the permissions, trust policy or boundary of a service-linked role (<c>role/aws-service-role/...</c>), or
/// deleting it other than with <c>iam:DeleteServiceLinkedRole</c>, are refused: IAM User Guide, "Service-linked roles":
/// the service defines the role's permissions and "you can't edit the permissions policy" (only the description).
/// </item>
/// <item>
/// Changes to the roles IAM Identity Center creates under <c>role/aws-reserved/sso.amazonaws.com/</c> are refused to every
/// caller but a service-linked role (Identity Center's own, whose policy <c>AWSSSOServiceRolePolicy</c> manages them):
/// IAM Identity Center User Guide, "Service-linked roles" / permission sets: these roles are managed by Identity Center
/// and cannot be edited in IAM.
/// </item>
/// </list>
/// </remarks>
internal static class ServiceRules
{
    private static readonly string[] s_managedPolicyChanges =
        ["iam:CreatePolicy", "iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:TagPolicy", "iam:UntagPolicy"];

    private static readonly string[] s_roleChanges =
        ["iam:AttachRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:UpdateAssumeRolePolicy",
         "iam:PutRolePermissionsBoundary", "iam:DeleteRolePermissionsBoundary", "iam:DeleteRole"];

    private static readonly string[] s_reservedRoleChanges = [.. s_roleChanges, "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:TagRole", "iam:UntagRole"];

    /// <summary>The actions these rules name (for the analysis, which must tell each of them from every other action).</summary>
    internal static IEnumerable<string> NamedActions => ["sts:GetCallerIdentity", .. s_managedPolicyChanges, .. s_reservedRoleChanges];

    /// <summary>
    /// The decision AWS makes whatever the policies say, with the reason; false when the policies decide. Allocates nothing
    /// (the reason is a constant).
    /// </summary>
    public static bool TryDecide(Request request, out Decision decision, out string? reason)
    {
        decision = Decision.ImplicitDeny;
        reason = null;
        string action = request.Action;
        // The request's lowercase action compared ordinally: the same as ignoring case, without the cost on every decision.
        string normalized = request.NormalizedAction;
        if (normalized.StartsWith("sts:", StringComparison.Ordinal))
        {
            if (string.Equals(normalized, "sts:getcalleridentity", StringComparison.Ordinal) && request.PrincipalInfo.Kind != PrincipalKind.Anonymous)
            {
                decision = Decision.Allow;
                reason = "sts:GetCallerIdentity needs no permission and cannot be denied (AWS STS API Reference, GetCallerIdentity): allow";
                return true;
            }
            return false;
        }
        if (!normalized.StartsWith("iam:", StringComparison.Ordinal)) return false;
        if (!OrganizationScope.ResourcePart(request, "iam", out var part)) return false;
        if (part.StartsWith("policy/", StringComparison.Ordinal) && OrganizationScope.ArnAccount(request).SequenceEqual("aws") && IsOneOf(action, s_managedPolicyChanges))
        {
            reason = "AWS managed policies cannot be changed (IAM User Guide, \"Managed policies and inline policies\"): implicit deny whatever the policies say";
            return true;
        }
        if (part.StartsWith("role/aws-service-role/", StringComparison.Ordinal) && IsOneOf(action, s_roleChanges))
        {
            reason = "the permissions of a service-linked role cannot be changed, and it is deleted only with iam:DeleteServiceLinkedRole (IAM User Guide, \"Service-linked roles\"): implicit deny whatever the policies say";
            return true;
        }
        if (part.StartsWith("role/aws-reserved/sso.amazonaws.com/", StringComparison.Ordinal) && !request.PrincipalInfo.IsServiceLinkedRole
            && IsOneOf(action, s_reservedRoleChanges))
        {
            reason = "roles under aws-reserved/sso.amazonaws.com/ are managed by IAM Identity Center and cannot be changed in IAM: implicit deny whatever the policies say";
            return true;
        }
        return false;
    }

    private static bool IsOneOf(string action, string[] actions)
    {
        foreach (var candidate in actions)
        {
            if (string.Equals(action, candidate, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
