namespace PolicyAsCode;

/// <summary>
/// How a resource-based policy's <c>Principal</c> matched the caller, which decides what else must allow the request
/// (IAM User Guide, "Policy evaluation logic": same-account requests and resource-based policies).
/// </summary>
internal enum PrincipalGrant
{
    /// <summary>The principal did not match, or the statement names no principal.</summary>
    None = 0,

    /// <summary>
    /// The caller's account (<c>"AWS": "111122223333"</c> or its root ARN): the account delegates to its own IAM, so the
    /// caller's identity-based policies must allow too, in the same account as across accounts.
    /// </summary>
    Account = 1,

    /// <summary>
    /// The role behind a role session, the IAM user behind a federated user session, or everyone (<c>*</c>) for either kind
    /// of session: an implicit deny in a permissions boundary or session policy still limits it.
    /// </summary>
    Role = 2,

    /// <summary>
    /// The caller itself (an IAM user, a role session, a federated user session, a service, a web identity provider) or
    /// everyone for an IAM user, service or provider: not limited by implicit denies in identity policies, boundaries or session policies.
    /// </summary>
    Identity = 3,
}
