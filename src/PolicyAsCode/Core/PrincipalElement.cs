namespace PolicyAsCode;

/// <summary>The kinds of principal a <c>Principal</c> element can name.</summary>
public enum PrincipalType
{
    /// <summary><c>"AWS"</c>: accounts, IAM users, roles, role sessions, federated users, or <c>*</c>.</summary>
    Aws,

    /// <summary><c>"CanonicalUser"</c>: an S3 canonical user id.</summary>
    CanonicalUser,

    /// <summary><c>"Federated"</c>: a web identity or SAML provider.</summary>
    Federated,

    /// <summary><c>"Service"</c>: an AWS service principal such as <c>ec2.amazonaws.com</c>.</summary>
    Service,
}

/// <summary>One principal named in a <c>Principal</c> element.</summary>
/// <param name="Type">The principal type (the key in the JSON object).</param>
/// <param name="Value">The account id, ARN, service name, provider or canonical id.</param>
public sealed record PrincipalId(PrincipalType Type, string Value)
{
    /// <summary>The JSON key for <paramref name="type"/>: <c>AWS</c>, <c>CanonicalUser</c>, <c>Federated</c> or <c>Service</c>.</summary>
    public static string JsonName(PrincipalType type) => type switch
    {
        PrincipalType.Aws => "AWS",
        PrincipalType.CanonicalUser => "CanonicalUser",
        PrincipalType.Federated => "Federated",
        _ => "Service",
    };

    /// <summary>Parses a JSON key into a principal type; keys are case-sensitive as in AWS.</summary>
    public static bool TryParseType(string name, out PrincipalType type)
    {
        switch (name)
        {
            case "AWS": type = PrincipalType.Aws; return true;
            case "CanonicalUser": type = PrincipalType.CanonicalUser; return true;
            case "Federated": type = PrincipalType.Federated; return true;
            case "Service": type = PrincipalType.Service; return true;
            default: type = default; return false;
        }
    }
}

/// <summary>
/// The <c>Principal</c> (or, when <see cref="IsNot"/>, <c>NotPrincipal</c>) element: either the bare wildcard
/// <c>"*"</c> or an object mapping principal types to values.
/// </summary>
/// <remarks>
/// <c>"Principal": "*"</c> and <c>"Principal": {"AWS": "*"}</c> are kept apart because AWS documents them separately.
/// Ids are kept grouped by type in the order AWS, CanonicalUser, Federated, Service (the order the canonical writer uses),
/// and within a type in document order.
/// </remarks>
public sealed record PrincipalElement
{
    /// <summary>Creates a principal element.</summary>
    /// <param name="isNot">True for <c>NotPrincipal</c>.</param>
    /// <param name="isWildcard">True for the bare string <c>"*"</c>.</param>
    /// <param name="ids">The principals named, for the object form.</param>
    public PrincipalElement(bool isNot, bool isWildcard, EquatableArray<PrincipalId> ids)
    {
        IsNot = isNot;
        IsWildcard = isWildcard;
        Ids = isWildcard ? EquatableArray<PrincipalId>.Empty : Normalize(ids);
    }

    /// <summary>True for <c>NotPrincipal</c>.</summary>
    public bool IsNot { get; }

    /// <summary>True for the bare string <c>"*"</c>: everyone, including anonymous callers.</summary>
    public bool IsWildcard { get; }

    /// <summary>The principals named in the object form, grouped by type.</summary>
    public EquatableArray<PrincipalId> Ids { get; }

    /// <summary>The JSON element name: <c>Principal</c> or <c>NotPrincipal</c>.</summary>
    public string ElementName => IsNot ? "NotPrincipal" : "Principal";

    /// <summary><c>"Principal": "*"</c>.</summary>
    public static PrincipalElement Everyone { get; } = new(false, true, EquatableArray<PrincipalId>.Empty);

    /// <summary>A <c>Principal</c> element naming the given principals.</summary>
    public static PrincipalElement Of(params PrincipalId[] ids) => new(false, false, EquatableArray.Create(ids));

    private static EquatableArray<PrincipalId> Normalize(EquatableArray<PrincipalId> ids)
    {
        var items = ids.Items;
        bool sorted = true;
        for (int i = 1; i < items.Length; i++)
        {
            if (items[i - 1].Type > items[i].Type)
            {
                sorted = false;
                break;
            }
        }
        if (sorted) return ids;
        // A stable sort by type keeps document order within a type.
        var list = new List<PrincipalId>(items.Length);
        for (var type = PrincipalType.Aws; type <= PrincipalType.Service; type++)
        {
            foreach (var id in items)
            {
                if (id.Type == type) list.Add(id);
            }
        }
        return EquatableArray<PrincipalId>.TakeOwnership(list.ToArray());
    }
}
