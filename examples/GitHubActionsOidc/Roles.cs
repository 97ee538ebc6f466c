using PolicyAsCode;
using PolicyAsCode.Aws;

namespace GitHubActionsOidc;

/// <summary>
/// A deployment role for GitHub Actions (IAM User Guide, "Create a role for OpenID Connect federation"; GitHub,
/// "Configuring OpenID Connect in Amazon Web Services"): the token's audience must be sts.amazonaws.com and its subject
/// the main branch of my-org/my-repo.
/// </summary>
public static partial class Roles
{
    public const string Account = "111122223333";

    [ManagedPolicy("deploy_site")]
    public static IdentityPolicy DeploySite => Policy.Identity()
        .Allow(S3.PutObject, S3.DeleteObject).On(S3.Arn.Object("my-site", "*"))
        .Allow(S3.ListBucket).On(S3.Arn.Bucket("my-site"));

    [Role("deploy_from_github")]
    public static Role DeployFromGitHub => Role.Define()
        .TrustedBy(Principal.WebIdentity.GitHubActions(account: Account, repository: "my-org/my-repo", branch: "main"))
        .Attach(DeploySite)
        .Attach(AwsManaged.ReadOnlyAccess)
        .MaxSession(TimeSpan.FromHours(1))
        .Description("Deploys my-site from GitHub Actions on main");
}
