namespace PolicyAsCode;

/// <summary>A <c>Principal</c> or <c>NotPrincipal</c> element taken apart for matching callers.</summary>
/// <remarks>
/// IAM User Guide, "AWS JSON policy elements: Principal": an account id or account root ARN names the account (which
/// delegates to its own IAM); a role ARN matches that role's sessions; user, role session and federated user ARNs match
/// exactly; principal ARNs take no wildcards; <c>*</c> (bare or as <c>"AWS": "*"</c>) is everyone.
/// </remarks>
internal sealed class PreparedPrincipal
{
    private readonly Entry[] _entries;
    private readonly bool _isNot;
    private readonly bool _everyone;

    public PreparedPrincipal(PrincipalElement element)
    {
        _isNot = element.IsNot;
        ElementName = element.ElementName;
        _everyone = element.IsWildcard;
        _entries = Array.ConvertAll(element.Ids.Items, Entry.Create);
    }

    public string ElementName { get; }

    public PrincipalGrant Match(PrincipalInfo caller)
    {
        if (_isNot) return Lists(caller) ? PrincipalGrant.None : EveryoneGrant(caller);
        var grant = _everyone ? EveryoneGrant(caller) : PrincipalGrant.None;
        foreach (var entry in _entries)
        {
            var g = entry.Match(caller);
            if (g > grant) grant = g;
        }
        return grant;
    }

    /// <summary>
    /// Whether a <c>NotPrincipal</c> element leaves the caller out. IAM User Guide, "AWS JSON policy elements:
    /// NotPrincipal": AWS checks the caller's account, then its role, then the user or role session, so a caller is left
    /// out only when each of them is listed: <c>[Bob's user ARN, his account's root ARN]</c> leaves out Bob alone, not the
    /// other users of his account, and a role session needs its session, role and account ARNs.
    /// </summary>
    private bool Lists(PrincipalInfo caller)
    {
        if (_everyone) return true;
        return caller.Kind switch
        {
            PrincipalKind.Anonymous => false,
            PrincipalKind.Account => Lists(caller, EntryKind.Account),
            PrincipalKind.User or PrincipalKind.FederatedUser => Lists(caller, EntryKind.Account) && Lists(caller, EntryKind.Exact),
            PrincipalKind.Role => Lists(caller, EntryKind.Account) && Lists(caller, EntryKind.Role),
            PrincipalKind.AssumedRole => Lists(caller, EntryKind.Account) && Lists(caller, EntryKind.Role) && Lists(caller, EntryKind.Exact),
            _ => Lists(caller, null),
        };
    }

    private bool Lists(PrincipalInfo caller, EntryKind? kind)
    {
        foreach (var entry in _entries)
        {
            if ((kind is null || entry.Kind == kind || entry.Kind == EntryKind.Everyone) && entry.Match(caller) != PrincipalGrant.None) return true;
        }
        return false;
    }

    /// <summary>
    /// A <c>*</c> grant is not a grant that names the caller's session ARN, so for a role session or a federated user
    /// session a boundary and session policy still limit it (IAM User Guide, "Session policies").
    /// </summary>
    private static PrincipalGrant EveryoneGrant(PrincipalInfo caller)
        => caller.Kind is PrincipalKind.AssumedRole or PrincipalKind.Role or PrincipalKind.FederatedUser ? PrincipalGrant.Role : PrincipalGrant.Identity;

    private enum EntryKind
    {
        Everyone,
        Account,
        Role,
        Exact,
        ExactIgnoreCase,
    }

    private readonly record struct Entry(EntryKind Kind, string Value, string? Account)
    {
        public static Entry Create(PrincipalId id)
        {
            string value = id.Value;
            if (id.Type != PrincipalType.Aws)
            {
                // Service principals and identity provider names are DNS names.
                return new Entry(id.Type == PrincipalType.CanonicalUser ? EntryKind.Exact : EntryKind.ExactIgnoreCase, value, null);
            }
            if (value == "*") return new Entry(EntryKind.Everyone, value, null);
            if (Arn.IsAccountId(value)) return new Entry(EntryKind.Account, value, value);
            if (Arn.TryParse(value, out var arn, out _) && arn!.Service == "iam")
            {
                if (arn.Resource == "root") return new Entry(EntryKind.Account, value, arn.Account);
                if (arn.Resource.StartsWith("role/", StringComparison.Ordinal))
                {
                    return new Entry(EntryKind.Role, arn.Resource.Substring(arn.Resource.LastIndexOf('/') + 1), arn.Account);
                }
            }
            return new Entry(EntryKind.Exact, value, null);
        }

        public PrincipalGrant Match(PrincipalInfo caller)
        {
            switch (Kind)
            {
                case EntryKind.Everyone:
                    return EveryoneGrant(caller);
                case EntryKind.Account:
                    return caller.Account == Account && caller.Kind is not (PrincipalKind.Anonymous or PrincipalKind.ServiceOrProvider)
                        ? PrincipalGrant.Account : PrincipalGrant.None;
                case EntryKind.Role:
                    if (caller.Kind is PrincipalKind.AssumedRole or PrincipalKind.Role && caller.Account == Account
                        && string.Equals(caller.Name, Value, StringComparison.OrdinalIgnoreCase))
                    {
                        // Granting to a role ARN reaches its sessions, but remains limited by boundaries and session policies.
                        return PrincipalGrant.Role;
                    }
                    return PrincipalGrant.None;
                case EntryKind.ExactIgnoreCase:
                    return string.Equals(caller.Raw, Value, StringComparison.OrdinalIgnoreCase) ? PrincipalGrant.Identity : PrincipalGrant.None;
                default:
                    if (string.Equals(caller.Raw, Value, StringComparison.Ordinal)) return PrincipalGrant.Identity;
                    // IAM User Guide, "Policy evaluation logic": a grant to the IAM user who created a federated user session
                    // reaches the session, limited by the session policy and the user's boundary.
                    return caller.Kind == PrincipalKind.FederatedUser && string.Equals(caller.FederatingUser, Value, StringComparison.Ordinal)
                        ? PrincipalGrant.Role : PrincipalGrant.None;
            }
        }
    }
}
