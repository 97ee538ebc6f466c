namespace PolicyAsCode;

/// <summary>
/// Which requests an organization's service control policies and resource control policies apply to: the exemptions AWS
/// documents, in one place.
/// </summary>
internal static class OrganizationScope
{
    /// <summary>
    /// Why the SCPs do not apply to the request, or null when they do. AWS Organizations User Guide, "Service control
    /// policies (SCPs)": SCPs "don't affect users or roles in the management account" and "do not affect service-linked
    /// roles".
    /// </summary>
    public static string? ScpExemption(PolicySet set, Request request)
    {
        var caller = request.PrincipalInfo;
        if (set.ManagementAccount is { } management && string.Equals(caller.Account, management, StringComparison.Ordinal))
        {
            return "the caller is in the organization's management account, which SCPs do not affect";
        }
        if (caller.IsServiceLinkedRole) return "the caller is a service-linked role, which SCPs do not affect";
        return null;
    }

    /// <summary>
    /// Why the RCPs do not apply to the request, or null when they do. AWS Organizations User Guide, "Resource control
    /// policies (RCPs)": they apply to resources of the services AWS lists as supporting RCPs, "don't affect resources in
    /// the management account", and do not restrict service-linked roles (nor AWS services assuming them); AWS KMS
    /// Developer Guide, "Resource control policies in AWS KMS": they "do not apply to AWS managed keys", and "the
    /// kms:RetireGrant permission isn't effective in an RCP, even if the Action element specifies an asterisk".
    /// </summary>
    public static string? RcpExemption(PolicySet set, Request request)
    {
        if (!RcpSupportedServices.Supports(request.Action))
        {
            return "the action's service is not one that resource control policies apply to";
        }
        if (string.Equals(request.Action, "kms:RetireGrant", StringComparison.OrdinalIgnoreCase))
        {
            return "kms:RetireGrant is not subject to resource control policies (AWS KMS Developer Guide, \"Resource control policies in AWS KMS\")";
        }
        if (set.ManagementAccount is { } management && string.Equals(request.ResourceAccount, management, StringComparison.Ordinal))
        {
            return "the resource is in the organization's management account, which RCPs do not affect";
        }
        if (request.PrincipalInfo.IsServiceLinkedRole) return "the caller is a service-linked role, which RCPs do not restrict";
        if (IsServiceLinkedRoleArn(request)) return "the resource is a service-linked role, which RCPs do not restrict";
        if (set.ResourceIsAwsManagedKey || IsAwsManagedKeyAlias(request)) return "the resource is an AWS managed KMS key, to which RCPs do not apply";
        return null;
    }

    private static bool IsServiceLinkedRoleArn(Request request)
        => ResourcePart(request, "iam", out var part) && part.StartsWith("role/aws-service-role/", StringComparison.Ordinal);

    private static bool IsAwsManagedKeyAlias(Request request)
        => ResourcePart(request, "kms", out var part) && part.StartsWith("alias/aws/", StringComparison.Ordinal);

    /// <summary>The resource field of the request's ARN when its service is <paramref name="service"/>. Allocates nothing.</summary>
    internal static bool ResourcePart(Request request, string service, out ReadOnlySpan<char> part)
    {
        part = default;
        ref readonly var fields = ref request.ResourceFields;
        if (!fields.IsValid) return false;
        var resource = request.Resource.AsSpan();
        fields.GetRange(request.Resource, 2, out int serviceStart, out int serviceEnd);
        if (!resource[serviceStart..serviceEnd].SequenceEqual(service)) return false;
        part = resource[fields.ResourceStart..];
        return true;
    }

    /// <summary>The account field of the request's ARN. Allocates nothing.</summary>
    internal static ReadOnlySpan<char> ArnAccount(Request request)
    {
        ref readonly var fields = ref request.ResourceFields;
        if (!fields.IsValid) return default;
        fields.GetRange(request.Resource, 4, out int start, out int end);
        return request.Resource.AsSpan(start, end - start);
    }
}
