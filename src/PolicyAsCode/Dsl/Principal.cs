using PolicyAsCode.Dsl;

namespace PolicyAsCode;

/// <summary>
/// A principal: who a resource-based policy or a role's trust policy applies to, or who makes a request.
/// <c>Principal.Account("444455556666")</c>, <c>Principal.Service("lambda.amazonaws.com")</c>,
/// <c>Principal.WebIdentity.GitHubActions(...)</c>.
/// </summary>
public sealed class Principal
{
    private Principal(PrincipalSpec spec) => Spec = spec;

    /// <summary>The principal as the policy model sees it.</summary>
    [DslMember(DslOp.RuntimeOnly)]
    public PrincipalSpec Spec { get; }

    /// <summary>Everyone, including anonymous callers: <c>"Principal": "*"</c>.</summary>
    [DslMember(DslOp.Everyone)]
    public static Principal Everyone { get; } = new(PrincipalSpec.Everyone);

    /// <summary>An AWS account (<c>arn:aws:iam::ACCOUNT:root</c>): the account's IAM policies decide which of its identities may act.</summary>
    [DslMember(DslOp.AccountPrincipal)]
    public static Principal Account(string account) => new(PrincipalSpec.Account(account));

    /// <summary>An IAM role, and so its sessions.</summary>
    [DslMember(DslOp.RolePrincipal)]
    public static Principal Role(string account, string roleName) => new(PrincipalSpec.Role(account, roleName));

    /// <summary>An IAM user.</summary>
    [DslMember(DslOp.UserPrincipal)]
    public static Principal User(string account, string userName) => new(PrincipalSpec.User(account, userName));

    /// <summary>A role session, as the caller of a request: <c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>.</summary>
    [DslMember(DslOp.AssumedRolePrincipal)]
    public static Principal AssumedRole(string account, string roleName, string sessionName)
        => new(PrincipalSpec.AssumedRole(account, roleName, sessionName));

    /// <summary>A principal by ARN or account id, as written in a policy.</summary>
    [DslMember(DslOp.ArnPrincipal)]
    public static Principal Arn(string arnOrAccount) => new(PrincipalSpec.Aws(arnOrAccount));

    /// <summary>An AWS service principal such as <c>ec2.amazonaws.com</c>.</summary>
    [DslMember(DslOp.ServicePrincipal)]
    public static Principal Service(string servicePrincipal) => new(PrincipalSpec.Service(servicePrincipal));

    /// <summary>A SAML 2.0 identity provider of an account, for <c>sts:AssumeRoleWithSAML</c>.</summary>
    [DslMember(DslOp.SamlPrincipal)]
    public static Principal Saml(string account, string providerName) => new(PrincipalSpec.Saml(account, providerName));

    /// <summary>This principal, trusted only when it signed in with MFA.</summary>
    [DslMember(DslOp.PrincipalWithMfa)]
    public Principal WithMfa() => new(Spec.WithMfa());

    /// <summary>This principal, trusted only when the conditions hold.</summary>
    [DslMember(DslOp.PrincipalConditions)]
    public Principal When(params Condition[] conditions) => new(Spec.WithConditions(conditions));

    /// <summary>Web identity (OIDC) providers, for <c>sts:AssumeRoleWithWebIdentity</c>.</summary>
    public static class WebIdentity
    {
        /// <summary>
        /// GitHub Actions workflows of <paramref name="repository"/> (<c>owner/name</c>, or <c>owner/*</c>), run for
        /// <paramref name="branch"/> when given, through the account's OIDC provider for
        /// <c>token.actions.githubusercontent.com</c>. The branch is a name (<c>main</c>), a pattern (<c>release/*</c>,
        /// matched with <c>StringLike</c>) or a full ref (<c>refs/heads/main</c>, <c>refs/tags/v1.*</c>); without one,
        /// every workflow of the repository (<c>repo:owner/name:*</c>). The audience is <c>sts.amazonaws.com</c>.
        /// </summary>
        /// <exception cref="DslException">The repository or branch makes a subject GitHub never issues (<c>refs/pull/1/merge</c>, <c>main:x</c>).</exception>
        [DslMember(DslOp.GitHubActionsPrincipal)]
        public static Principal GitHubActions(string account, string repository, string? branch = null)
            => new(PrincipalSpec.GitHubActions(account, repository, branch));

        /// <summary>GitHub Actions workflows run for a tag (<c>v1.2.0</c>, or a pattern <c>v1.*</c>): the subject <c>repo:owner/name:ref:refs/tags/TAG</c>.</summary>
        [DslMember(DslOp.GitHubActionsTagPrincipal)]
        public static Principal GitHubActionsTag(string account, string repository, string tag)
            => new(PrincipalSpec.GitHubActionsTag(account, repository, tag));

        /// <summary>
        /// GitHub Actions jobs that use a deployment environment: the subject <c>repo:owner/name:environment:NAME</c>. GitHub
        /// puts the environment in the subject instead of the branch, so such jobs never match <see cref="GitHubActions"/> with a branch.
        /// </summary>
        [DslMember(DslOp.GitHubActionsEnvironmentPrincipal)]
        public static Principal GitHubActionsEnvironment(string account, string repository, string environment)
            => new(PrincipalSpec.GitHubActionsEnvironment(account, repository, environment));

        /// <summary>GitHub Actions workflows run for pull requests (without an environment): the subject <c>repo:owner/name:pull_request</c>.</summary>
        [DslMember(DslOp.GitHubActionsPullRequestPrincipal)]
        public static Principal GitHubActionsPullRequest(string account, string repository)
            => new(PrincipalSpec.GitHubActionsPullRequest(account, repository));

        /// <summary>
        /// Any web identity provider, with the trust conditions given: an OIDC provider's ARN
        /// (<c>arn:aws:iam::ACCOUNT:oidc-provider/HOST</c>, for example an EKS cluster's) or one of the names AWS accepts
        /// (<c>cognito-identity.amazonaws.com</c>, <c>www.amazon.com</c>, <c>graph.facebook.com</c>, <c>accounts.google.com</c>).
        /// Conditions on the provider's claims use its keys, <c>HOST:aud</c>, <c>HOST:sub</c>.
        /// </summary>
        /// <exception cref="DslException">The provider is none of these (a SAML provider, a bare host name), or a condition is on another provider's keys: nobody could assume the role.</exception>
        [DslMember(DslOp.WebIdentityPrincipal)]
        public static Principal Provider(string provider, params Condition[] conditions) => new(PrincipalSpec.WebIdentity(provider, conditions));
    }

    /// <inheritdoc/>
    [DslMember(DslOp.RuntimeOnly)]
    public override string ToString() => Spec.Id?.Value ?? "*";
}
