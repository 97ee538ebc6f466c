namespace PolicyAsCode.Analysis;

/// <summary>Who may call, and who owns the resources, in a check over a <see cref="PolicySet"/>.</summary>
public sealed class AnalysisScope
{
    /// <summary>
    /// The callers to consider (principal ARNs such as <c>arn:aws:sts::111122223333:assumed-role/Deploy/session</c>, an
    /// account id, a service principal, or null for an anonymous caller). When given, the check is over exactly these
    /// callers, so the keys the evaluator derives from the caller (<c>aws:PrincipalArn</c>, <c>aws:PrincipalAccount</c>,
    /// <c>aws:PrincipalType</c>, <c>aws:username</c>, <c>aws:PrincipalIsAWSService</c>) and policy variables naming them
    /// are decided. When null: one caller without identity (identity-based sets) or one caller per way the resource
    /// policy's principals can treat it (sets with a resource policy); conditions on derived keys are then unknown.
    /// </summary>
    public IReadOnlyList<string?>? Callers { get; init; }

    /// <summary>
    /// The account that owns resources whose ARN has no account field (S3 buckets and objects). Null: the caller's account,
    /// as <see cref="Request"/> assumes. Give the bucket owner's account to check cross-account access to a bucket.
    /// </summary>
    public string? ResourceAccount { get; init; }

    /// <summary>A scope of these callers.</summary>
    public static AnalysisScope Of(params string?[] callers) => new() { Callers = callers };
}
