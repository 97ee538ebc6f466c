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
        /// GitHub Actions workflows of <paramref name="repository"/> (owner/name), on <paramref name="branch"/> when given,
        /// through the account's OIDC provider for token.actions.githubusercontent.com.
        /// </summary>
        [DslMember(DslOp.GitHubActionsPrincipal)]
        public static Principal GitHubActions(string account, string repository, string? branch = null)
            => new(PrincipalSpec.GitHubActions(account, repository, branch));

        /// <summary>Any OIDC provider (its ARN, or a name such as <c>cognito-identity.amazonaws.com</c>), with the trust conditions given.</summary>
        [DslMember(DslOp.WebIdentityPrincipal)]
        public static Principal Provider(string provider, params Condition[] conditions) => new(PrincipalSpec.WebIdentity(provider, conditions));
    }

    /// <inheritdoc/>
    [DslMember(DslOp.RuntimeOnly)]
    public override string ToString() => Spec.Id?.Value ?? "*";
}
