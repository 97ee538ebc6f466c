namespace PolicyAsCode.Dsl;

/// <summary>
/// A principal as the DSL declares it: who it is, the action that lets it assume a role (<c>sts:AssumeRole</c>,
/// <c>sts:AssumeRoleWithWebIdentity</c>, <c>sts:AssumeRoleWithSAML</c>), and the conditions a trust policy needs for it
/// (a web identity's audience and subject, MFA).
/// </summary>
/// <remarks>Shared by the runtime DSL and the source generator, like <see cref="PolicyDraft"/>.</remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record PrincipalSpec(PrincipalId? Id, string AssumeAction, EquatableArray<Condition> TrustConditions)
{
    private const string AssumeRole = "sts:AssumeRole";

    /// <summary>Everyone (<c>"Principal": "*"</c>); <see cref="Id"/> is null.</summary>
    public bool IsEveryone => Id is null;

    /// <summary>An AWS account: <c>arn:aws:iam::ACCOUNT:root</c>, which delegates to the account's own IAM policies.</summary>
    public static PrincipalSpec Account(string account, string partition = "aws")
        => Aws($"arn:{partition}:iam::{RequireAccount(account)}:root");

    /// <summary>An IAM role: <c>arn:aws:iam::ACCOUNT:role/NAME</c> (NAME may include a path).</summary>
    public static PrincipalSpec Role(string account, string roleName, string partition = "aws")
        => Aws($"arn:{partition}:iam::{RequireAccount(account)}:role/{RequireName(roleName, "role")}");

    /// <summary>An IAM user: <c>arn:aws:iam::ACCOUNT:user/NAME</c>.</summary>
    public static PrincipalSpec User(string account, string userName, string partition = "aws")
        => Aws($"arn:{partition}:iam::{RequireAccount(account)}:user/{RequireName(userName, "user")}");

    /// <summary>A role session: <c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>.</summary>
    public static PrincipalSpec AssumedRole(string account, string roleName, string sessionName, string partition = "aws")
        => Aws($"arn:{partition}:sts::{RequireAccount(account)}:assumed-role/{RequireName(roleName, "role")}/{RequireName(sessionName, "session")}");

    /// <summary>A principal given by ARN or account id, as written in a policy's <c>"AWS"</c> element.</summary>
    public static PrincipalSpec Aws(string arnOrAccount) => new(new PrincipalId(PrincipalType.Aws, arnOrAccount), AssumeRole, default);

    /// <summary>An AWS service, e.g. <c>ec2.amazonaws.com</c>.</summary>
    public static PrincipalSpec Service(string servicePrincipal)
    {
        if (string.IsNullOrEmpty(servicePrincipal) || servicePrincipal.IndexOf('.') < 0)
        {
            throw new DslException($"'{servicePrincipal}' is not a service principal; service principals look like lambda.amazonaws.com.");
        }
        return new(new PrincipalId(PrincipalType.Service, servicePrincipal), AssumeRole, default);
    }

    /// <summary>Everyone, including anonymous callers.</summary>
    public static PrincipalSpec Everyone { get; } = new(null, AssumeRole, default);

    /// <summary>A web identity (OIDC) provider, assuming roles with <c>sts:AssumeRoleWithWebIdentity</c>.</summary>
    public static PrincipalSpec WebIdentity(string provider, params Condition[] conditions)
        => new(new PrincipalId(PrincipalType.Federated, provider), "sts:AssumeRoleWithWebIdentity", EquatableArray.Create(conditions));

    /// <summary>
    /// GitHub Actions through the account's OIDC provider for <c>token.actions.githubusercontent.com</c>: the token's
    /// audience must be <c>sts.amazonaws.com</c> and its subject the repository (and branch, when given), as GitHub and AWS
    /// document for "Configuring OpenID Connect in Amazon Web Services".
    /// </summary>
    public static PrincipalSpec GitHubActions(string account, string repository, string? branch = null, string partition = "aws")
    {
        if (string.IsNullOrEmpty(repository) || repository.IndexOf('/') <= 0)
        {
            throw new DslException($"'{repository}' is not a GitHub repository; give it as owner/name.");
        }
        const string host = "token.actions.githubusercontent.com";
        var audience = new Condition(ConditionOperator.Parse("StringEquals"), host + ":aud", EquatableArray.Create("sts.amazonaws.com"));
        var subject = branch is null
            ? new Condition(ConditionOperator.Parse("StringLike"), host + ":sub", EquatableArray.Create($"repo:{repository}:*"))
            : new Condition(ConditionOperator.Parse("StringEquals"), host + ":sub", EquatableArray.Create($"repo:{repository}:ref:refs/heads/{branch}"));
        return WebIdentity($"arn:{partition}:iam::{RequireAccount(account)}:oidc-provider/{host}", audience, subject);
    }

    /// <summary>A SAML provider, assuming roles with <c>sts:AssumeRoleWithSAML</c> for the AWS sign-in audience.</summary>
    public static PrincipalSpec Saml(string account, string providerName, string partition = "aws")
    {
        var audience = new Condition(ConditionOperator.Parse("StringEquals"), "SAML:aud", EquatableArray.Create("https://signin.aws.amazon.com/saml"));
        return new(new PrincipalId(PrincipalType.Federated, $"arn:{partition}:iam::{RequireAccount(account)}:saml-provider/{RequireName(providerName, "SAML provider")}"),
            "sts:AssumeRoleWithSAML", EquatableArray.Create(audience));
    }

    /// <summary>This principal, with more conditions its trust statement must meet.</summary>
    public PrincipalSpec WithConditions(IEnumerable<Condition> conditions)
        => this with { TrustConditions = EquatableArray.Create([.. TrustConditions, .. conditions]) };

    /// <summary>This principal, required to have signed in with MFA (<c>"Bool": {"aws:MultiFactorAuthPresent": "true"}</c>).</summary>
    public PrincipalSpec WithMfa()
        => WithConditions([new Condition(ConditionOperator.Parse("Bool"), "aws:MultiFactorAuthPresent", EquatableArray.Create("true"))]);

    /// <summary>The ARN or name as a request principal (for evaluating requests from this principal).</summary>
    public string? RequestPrincipal => Id?.Value;

    private static string RequireAccount(string account)
    {
        if (account is null || !Arn.IsAccountId(account))
        {
            throw new DslException($"'{account}' is not an AWS account id; account ids have 12 digits.");
        }
        return account;
    }

    private static string RequireName(string name, string what)
    {
        if (string.IsNullOrEmpty(name)) throw new DslException($"The {what} name is empty.");
        return name;
    }
}
