namespace PolicyAsCode;

/// <summary>What kind of caller a request principal is.</summary>
internal enum PrincipalKind
{
    Anonymous,
    Account,
    User,
    Role,
    AssumedRole,
    FederatedUser,
    FederatedProvider,
    ServiceOrProvider,
    Other,
}

/// <summary>A request principal taken apart once, so that matching it against <c>Principal</c> elements is cheap.</summary>
internal sealed class PrincipalInfo
{
    private static readonly PrincipalInfo s_anonymous = new(PrincipalKind.Anonymous, null, null, null, null, null, "Anonymous");

    private PrincipalInfo(PrincipalKind kind, string? raw, string? account, string? name, string? partition, string? principalArn, string? principalType)
    {
        Kind = kind;
        Raw = raw;
        Account = account;
        Name = name;
        Partition = partition;
        PrincipalArn = principalArn;
        PrincipalType = principalType;
    }

    public PrincipalKind Kind { get; }

    /// <summary>
    /// Whether the caller is a service-linked role or its session: a role under the path <c>/aws-service-role/</c>, or (for
    /// a session, whose ARN has no path) a role named <c>AWSServiceRoleFor...</c>, the names AWS gives service-linked roles
    /// (IAM User Guide, "Create a service-linked role").
    /// </summary>
    public bool IsServiceLinkedRole { get; private init; }

    /// <summary>For a federated user session: the ARN of the IAM user who called <c>GetFederationToken</c>, when known.</summary>
    public string? FederatingUser { get; private init; }

    /// <summary>The principal as given.</summary>
    public string? Raw { get; }

    public string? Account { get; }

    /// <summary>The user name, role name (for roles and role sessions) or federated user name.</summary>
    public string? Name { get; }

    public string? Partition { get; }

    /// <summary>The value of <c>aws:PrincipalArn</c>: for a role session, the role's ARN.</summary>
    public string? PrincipalArn { get; }

    /// <summary>The value of <c>aws:PrincipalType</c>.</summary>
    public string? PrincipalType { get; }

    /// <summary>Takes a principal apart; for a federated user session, <paramref name="federatingUser"/> is the IAM user behind it.</summary>
    public static PrincipalInfo Parse(string? principal, string? federatingUser)
    {
        var info = Parse(principal);
        if (federatingUser is null || info.Kind != PrincipalKind.FederatedUser) return info;
        return new PrincipalInfo(info.Kind, info.Raw, info.Account, info.Name, info.Partition, info.PrincipalArn, info.PrincipalType)
        {
            FederatingUser = federatingUser,
        };
    }

    public static PrincipalInfo Parse(string? principal)
    {
        if (principal is null or "*") return s_anonymous;
        if (Arn.IsAccountId(principal))
        {
            return new PrincipalInfo(PrincipalKind.Account, principal, principal, null, "aws", $"arn:aws:iam::{principal}:root", "Account");
        }
        if (Arn.TryParse(principal, out var arn, out _))
        {
            string account = arn!.Account;
            string resource = arn.Resource;
            string? accountOrNull = account.Length == 0 ? null : account;
            if (arn.Service == "iam")
            {
                if (resource == "root")
                {
                    return new PrincipalInfo(PrincipalKind.Account, principal, accountOrNull, null, arn.Partition, principal, "Account");
                }
                if (resource.StartsWith("user/", StringComparison.Ordinal))
                {
                    return new PrincipalInfo(PrincipalKind.User, principal, accountOrNull, LastSegment(resource), arn.Partition, principal, "User");
                }
                if (resource.StartsWith("role/", StringComparison.Ordinal))
                {
                    string roleName = LastSegment(resource);
                    return new PrincipalInfo(PrincipalKind.Role, principal, accountOrNull, roleName, arn.Partition, principal, "AssumedRole")
                    {
                        IsServiceLinkedRole = resource.StartsWith("role/aws-service-role/", StringComparison.Ordinal) || IsServiceLinkedRoleName(roleName),
                    };
                }
                if (resource.StartsWith("oidc-provider/", StringComparison.Ordinal) || resource.StartsWith("saml-provider/", StringComparison.Ordinal))
                {
                    return new PrincipalInfo(PrincipalKind.FederatedProvider, principal, accountOrNull, null, arn.Partition, null, "WebIdentityUser");
                }
            }
            else if (arn.Service == "sts")
            {
                var parts = resource.Split('/');
                if (parts.Length == 3 && parts[0] == "assumed-role")
                {
                    string roleArn = $"arn:{arn.Partition}:iam::{account}:role/{parts[1]}";
                    return new PrincipalInfo(PrincipalKind.AssumedRole, principal, accountOrNull, parts[1], arn.Partition, roleArn, "AssumedRole")
                    {
                        IsServiceLinkedRole = IsServiceLinkedRoleName(parts[1]),
                    };
                }
                if (parts.Length == 2 && parts[0] == "federated-user")
                {
                    return new PrincipalInfo(PrincipalKind.FederatedUser, principal, accountOrNull, parts[1], arn.Partition, principal, "FederatedUser");
                }
            }
            return new PrincipalInfo(PrincipalKind.Other, principal, accountOrNull, null, arn.Partition, principal, null);
        }
        return new PrincipalInfo(PrincipalKind.ServiceOrProvider, principal, null, null, null, null, null);
    }

    private static bool IsServiceLinkedRoleName(string roleName) => roleName.StartsWith("AWSServiceRoleFor", StringComparison.Ordinal);

    private static string LastSegment(string resource) => resource.Substring(resource.LastIndexOf('/') + 1);
}
