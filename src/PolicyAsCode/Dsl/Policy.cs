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

    /// <summary>
    /// Starts an AWS Organizations service control policy:
    /// <c>Policy.ServiceControl().Deny(IamAction.All).OnAll().When(Keys.Aws.RequestedRegion.IsNot("eu-west-1"))</c>.
    /// </summary>
    [DslMember(DslOp.ServiceControlPolicy)]
    public static ServiceControlPolicy ServiceControl() => ServiceControlPolicy.Empty;

    /// <summary>
    /// Starts an AWS Organizations resource control policy, whose statements deny to everyone (<c>"Principal": "*"</c>):
    /// <c>Policy.ResourceControl().Deny("s3:*").OnAll().When(Keys.Aws.SecureTransport.IsFalse())</c>.
    /// </summary>
    [DslMember(DslOp.ResourceControlPolicy)]
    public static ResourceControlPolicy ResourceControl() => ResourceControlPolicy.Empty;
}
