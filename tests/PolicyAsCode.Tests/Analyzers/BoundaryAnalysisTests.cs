namespace PolicyAsCode.Tests.Analyzers;

/// <summary>
/// A managed policy that roles use only as their permissions boundary is validated as a boundary: IAM User Guide,
/// "Permissions boundaries for IAM entities": a boundary grants nothing by itself, it caps what the role's policies
/// grant, so "Allow * on *" there is the usual way to write "everything but the denies" and not full administrator access.
/// </summary>
public class BoundaryAnalysisTests
{
    [Fact]
    public Task PolicyUsedOnlyAsABoundary_GetsNoBroadGrantWarnings_ButTheOtherRules() => PolicyAnalyzerTest.VerifyAsync("""
        public static partial class Team
        {
            [ManagedPolicy("developer_boundary")]
            public static IdentityPolicy DeveloperBoundary => Policy.Identity()
                .Allow(IamAction.All).OnAll()
                .Allow().AllExcept(Iam.CreateUser).OnAll()
                .Deny({|PAC003:"iam:CreateUsr"|}).OnAll();

            [ManagedPolicy("read")]
            public static IdentityPolicy Read => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("b", "*"));

            [Role("developer")]
            public static Role Developer => Role.Define().TrustedBy(Principal.Account("444455556666")).Attach(Read).PermissionsBoundary(DeveloperBoundary);

            [Role("tester")]
            public static Role Tester => Role.Define().TrustedBy(Principal.Account("444455556666")).PermissionsBoundary(DeveloperBoundary);
        }
        """);

    [Fact]
    public Task BoundaryAlsoAttached_IsValidatedAsTheIdentityPolicyItAlsoIs() => PolicyAnalyzerTest.VerifyAsync("""
        public static partial class Team
        {
            [ManagedPolicy("developer_boundary")]
            public static IdentityPolicy DeveloperBoundary => Policy.Identity().{|PAC101:Allow(IamAction.All)|}.OnAll();

            [Role("developer")]
            public static Role Developer => Role.Define().TrustedBy(Principal.Account("444455556666")).PermissionsBoundary(DeveloperBoundary);

            [Role("admin")]
            public static Role Admin => Role.Define().TrustedBy(Principal.Account("444455556666")).Attach(DeveloperBoundary);
        }
        """);

    [Fact]
    public Task PolicyNotUsedAsABoundary_GetsTheBroadGrantWarnings() => PolicyAnalyzerTest.VerifyAsync("""
        public static partial class Team
        {
            [ManagedPolicy("everything")]
            public static IdentityPolicy Everything => Policy.Identity().{|PAC101:Allow(IamAction.All)|}.OnAll();
        }
        """);

    [Fact]
    public Task Boundary_IsStillIdentityBased_SoAPrincipalIsReported() => PolicyAnalyzerTest.VerifyAsync("""
        public static partial class Team
        {
            [ResourcePolicy("bucket")]
            public static ResourcePolicy Bucket => Policy.Resource().Allow(S3.GetObject).For(Principal.Account("444455556666")).On(S3.Arn.Object("b", "*"));

            [ManagedPolicy("developer_boundary")]
            public static IdentityPolicy DeveloperBoundary => Policy.Identity().Allow(IamAction.All).OnAll().Include({|PAC001:Bucket|});

            [Role("developer")]
            public static Role Developer => Role.Define().TrustedBy(Principal.Account("444455556666")).PermissionsBoundary(DeveloperBoundary);
        }
        """);
}
