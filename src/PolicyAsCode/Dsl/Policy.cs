using PolicyAsCode.Dsl;

namespace PolicyAsCode;

/// <summary>Entry points of the policy DSL.</summary>
public static class Policy
{
    /// <summary>Starts an identity-based policy: <c>Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*"))</c>.</summary>
    [DslMember(DslOp.IdentityPolicy)]
    public static IdentityPolicy Identity() => IdentityPolicy.Empty;

    /// <summary>Starts a resource-based policy: <c>Policy.Resource().Allow(S3.GetObject).For(Principal.Account("...")).On(...)</c>.</summary>
    [DslMember(DslOp.ResourcePolicy)]
    public static ResourcePolicy Resource() => ResourcePolicy.Empty;
}
