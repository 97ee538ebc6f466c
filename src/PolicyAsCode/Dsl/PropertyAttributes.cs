namespace PolicyAsCode;

// Properties of a declaration, proved by the analyzer while you type and at build (docs/analysis.md, "In the editor
// and the build"). Each check runs within a budget; a property that fails is reported on the attribute with the request
// that shows it (PAC400), one that cannot be decided is reported as such (PAC401), never passed.

/// <summary>
/// States that the declared policy never allows any of <see cref="Actions"/> on any resource <see cref="On"/> matches,
/// for any request: the analyzer proves it over every request (PAC400 with a witness when it fails). On a managed
/// policy, resource policy or SCP the policy itself is checked; on a role, its permissions (inline and declared attached
/// policies).
/// </summary>
/// <param name="actions">Actions or action patterns, e.g. <c>"iam:PassRole"</c> or <c>"s3:Delete*"</c>.</param>
/// <example><code>[NeverAllows("s3:DeleteBucket", On = "arn:aws:s3:::prod-*")]</code></example>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = true, Inherited = false)]
public sealed class NeverAllowsAttribute(params string[] actions) : Attribute
{
    /// <summary>The actions or action patterns that must never be allowed.</summary>
    public string[] Actions { get; } = actions;

    /// <summary>The resources (an ARN pattern, <c>*</c> and <c>?</c> allowed) on which they must never be allowed; every resource by default.</summary>
    public string On { get; init; } = "*";
}

/// <summary>
/// States that the declared resource policy, or the declared role's trust policy, allows no anonymous caller and no
/// principal outside the accounts it names (IAM Access Analyzer's public access; docs/analysis.md says where it differs).
/// Conditions on <c>aws:PrincipalOrgID</c>, <c>aws:PrincipalOrgPaths</c>, <c>aws:SourceAccount</c>,
/// <c>aws:SourceOwner</c>, <c>aws:SourceArn</c>, <c>aws:SourceVpc</c>, <c>aws:SourceVpce</c>, <c>aws:SourceOrgID</c>
/// and <c>aws:SourceOrgPaths</c> with exact values limit callers to the resource owner's zone of trust.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class NoPublicAccessAttribute : Attribute
{
}

/// <summary>
/// States that the declared policy allows no request that the <paramref name="baseline"/> declaration does not: a
/// change may only narrow access. The baseline is another declaration of the same kind in the same type.
/// </summary>
/// <param name="baseline">The baseline member's name: <c>nameof(Baseline)</c>.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = true, Inherited = false)]
public sealed class NoNewAccessThanAttribute(string baseline) : Attribute
{
    /// <summary>The name of the baseline declaration in the same type.</summary>
    public string Baseline { get; } = baseline;
}

/// <summary>
/// A golden request the declared policy must allow, decided by the evaluator at compile time (PAC400 when it does not).
/// On a managed policy, resource policy, SCP or role (its permissions) it means the policy alone decides <c>Allow</c>; on
/// an RCP, that the RCP lets the request through (no Deny applies).
/// </summary>
/// <param name="action">The request's action, e.g. <c>"s3:GetObject"</c>.</param>
/// <param name="resource">The request's resource ARN, or <c>"*"</c>.</param>
/// <example><code>[Allows("s3:GetObject", "arn:aws:s3:::reports/q1.csv", Principal = "arn:aws:iam::111122223333:role/Reader", Context = ["aws:SourceVpce=vpce-1a2b3c4d"])]</code></example>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = true, Inherited = false)]
public sealed class AllowsAttribute(string action, string resource) : Attribute
{
    /// <summary>The action.</summary>
    public string Action { get; } = action;

    /// <summary>The resource ARN, or <c>*</c>.</summary>
    public string Resource { get; } = resource;

    /// <summary>The caller (as <see cref="Request"/>'s principal: an ARN, an account id or a service principal); none by default.</summary>
    public string? Principal { get; init; }

    /// <summary>Context keys, each <c>"key=value"</c>; a key written more than once has all its values.</summary>
    public string[] Context { get; init; } = [];
}

/// <summary>
/// A golden request the declared policy must not allow, decided by the evaluator at compile time (PAC400 when it does).
/// On an RCP it means a Deny of the RCP applies. The arguments are <see cref="AllowsAttribute"/>'s.
/// </summary>
/// <param name="action">The request's action.</param>
/// <param name="resource">The request's resource ARN, or <c>"*"</c>.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = true, Inherited = false)]
public sealed class DeniesAttribute(string action, string resource) : Attribute
{
    /// <summary>The action.</summary>
    public string Action { get; } = action;

    /// <summary>The resource ARN, or <c>*</c>.</summary>
    public string Resource { get; } = resource;

    /// <summary>The caller (as <see cref="Request"/>'s principal); none by default.</summary>
    public string? Principal { get; init; }

    /// <summary>Context keys, each <c>"key=value"</c>; a key written more than once has all its values.</summary>
    public string[] Context { get; init; } = [];
}
