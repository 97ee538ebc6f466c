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

    /// <summary>The provider names AWS accepts in a trust policy's <c>Federated</c> element besides an OIDC provider's ARN.</summary>
    private static readonly string[] s_webIdentityNames = ["cognito-identity.amazonaws.com", "www.amazon.com", "graph.facebook.com", "accounts.google.com"];

    private const string GitHubHost = "token.actions.githubusercontent.com";

    /// <summary>
    /// A web identity (OIDC) provider, assuming roles with <c>sts:AssumeRoleWithWebIdentity</c>: an OIDC provider's ARN
    /// (<c>arn:aws:iam::ACCOUNT:oidc-provider/HOST</c>) or one of the names AWS accepts (<c>cognito-identity.amazonaws.com</c>,
    /// <c>www.amazon.com</c>, <c>graph.facebook.com</c>, <c>accounts.google.com</c>). Anything else, and a condition on
    /// another provider's keys (<c>HOST:aud</c>, <c>HOST:sub</c>), makes a trust nobody can assume, so it is refused.
    /// </summary>
    public static PrincipalSpec WebIdentity(string provider, params Condition[] conditions)
    {
        string host = WebIdentityHost(provider);
        foreach (var condition in conditions ?? [])
        {
            if (condition is null) throw new DslException("A condition is null.");
            int colon = condition.Key.LastIndexOf(':');
            string prefix = colon > 0 ? condition.Key.Substring(0, colon) : "";
            // Keys of a provider are HOST:name; global keys (aws:...) and service keys have no dot before the colon.
            if (prefix.IndexOf('.') >= 0 && !string.Equals(prefix, host, StringComparison.OrdinalIgnoreCase))
            {
                throw new DslException($"The condition key {condition.Key} belongs to the provider {prefix}, not {host}: tokens of {host} never carry it, so nobody could assume the role. Use {host}:aud, {host}:sub, ...");
            }
        }
        return new(new PrincipalId(PrincipalType.Federated, provider), "sts:AssumeRoleWithWebIdentity", EquatableArray.Create(conditions ?? []));
    }

    /// <summary>The host (and path) whose condition keys a web identity provider's tokens carry: <c>HOST</c> of <c>oidc-provider/HOST</c>, or the name.</summary>
    private static string WebIdentityHost(string provider)
    {
        if (string.IsNullOrEmpty(provider)) throw new DslException("The web identity provider is empty; give its ARN, arn:aws:iam::ACCOUNT:oidc-provider/HOST.");
        foreach (string name in s_webIdentityNames)
        {
            if (provider == name) return name;
        }
        if (PolicyAsCode.Arn.TryParse(provider, out var arn, out _) && arn!.Service == "iam" && Arn.IsAccountId(arn.Account)
            && arn.Resource.StartsWith("oidc-provider/", StringComparison.Ordinal) && arn.Resource.Length > "oidc-provider/".Length)
        {
            return arn.Resource.Substring("oidc-provider/".Length);
        }
        throw new DslException(provider.IndexOf(":saml-provider/", StringComparison.Ordinal) >= 0
            ? $"'{provider}' is a SAML provider: it signs in with sts:AssumeRoleWithSAML, never with a web identity token. Use Principal.Saml(account, name)."
            : $"'{provider}' is not a web identity provider AWS accepts: give the OIDC provider's ARN (arn:aws:iam::ACCOUNT:oidc-provider/{provider}) or one of {string.Join(", ", s_webIdentityNames)}.");
    }

    /// <summary>
    /// GitHub Actions workflows of <paramref name="repository"/> (<c>owner/name</c>; <c>owner/*</c> for every repository
    /// of the owner) through the account's OIDC provider for <c>token.actions.githubusercontent.com</c>, run for
    /// <paramref name="branch"/> when given: a branch name (<c>main</c>), a pattern (<c>release/*</c>), or a full ref
    /// (<c>refs/heads/main</c>, <c>refs/tags/v1.*</c>). The token's audience must be <c>sts.amazonaws.com</c> and its
    /// subject is the one GitHub issues (GitHub Docs, "About security hardening with OpenID Connect", example subject
    /// claims: <c>repo:OWNER/REPO:ref:refs/heads/BRANCH</c>, <c>repo:OWNER/REPO:ref:refs/tags/TAG</c>); a subject with
    /// <c>*</c> or <c>?</c> is matched with <c>StringLike</c>, any other with <c>StringEquals</c>.
    /// </summary>
    public static PrincipalSpec GitHubActions(string account, string repository, string? branch = null, string partition = "aws")
    {
        if (branch is null) return GitHub(account, repository, "*", partition);
        if (branch.StartsWith("refs/heads/", StringComparison.Ordinal)) return GitHub(account, repository, "ref:refs/heads/" + RefName(branch.Substring("refs/heads/".Length), "branch"), partition);
        if (branch.StartsWith("refs/tags/", StringComparison.Ordinal)) return GitHubActionsTag(account, repository, branch.Substring("refs/tags/".Length), partition);
        if (branch.StartsWith("refs/", StringComparison.Ordinal))
        {
            throw new DslException(branch.StartsWith("refs/pull/", StringComparison.Ordinal)
                ? $"GitHub never issues the subject ref:{branch}: a pull request's token has the subject repo:{repository}:pull_request. Use Principal.WebIdentity.GitHubActionsPullRequest."
                : $"GitHub never issues the subject ref:{branch}: a workflow's ref is refs/heads/BRANCH or refs/tags/TAG.");
        }
        return GitHub(account, repository, "ref:refs/heads/" + RefName(branch, "branch"), partition);
    }

    /// <summary>GitHub Actions workflows run for a tag (<c>v1.2.0</c>, a pattern <c>v1.*</c>, or <c>refs/tags/v1.2.0</c>): the subject <c>repo:OWNER/REPO:ref:refs/tags/TAG</c>.</summary>
    public static PrincipalSpec GitHubActionsTag(string account, string repository, string tag, string partition = "aws")
    {
        if (tag is not null && tag.StartsWith("refs/tags/", StringComparison.Ordinal)) tag = tag.Substring("refs/tags/".Length);
        return GitHub(account, repository, "ref:refs/tags/" + RefName(tag!, "tag"), partition);
    }

    /// <summary>GitHub Actions jobs that reference a deployment environment: the subject <c>repo:OWNER/REPO:environment:NAME</c> (GitHub puts the environment in the subject instead of the ref).</summary>
    public static PrincipalSpec GitHubActionsEnvironment(string account, string repository, string environment, string partition = "aws")
    {
        if (string.IsNullOrEmpty(environment) || environment.IndexOf(':') >= 0 || environment.Trim() != environment)
        {
            throw new DslException($"'{environment}' is not a GitHub environment name GitHub puts in a subject (repo:OWNER/REPO:environment:NAME): give the environment's name, without ':' or surrounding spaces.");
        }
        return GitHub(account, repository, "environment:" + environment, partition);
    }

    /// <summary>GitHub Actions workflows run for a pull request (<c>pull_request</c> events, without an environment): the subject <c>repo:OWNER/REPO:pull_request</c>.</summary>
    public static PrincipalSpec GitHubActionsPullRequest(string account, string repository, string partition = "aws")
        => GitHub(account, repository, "pull_request", partition);

    private static PrincipalSpec GitHub(string account, string repository, string context, string partition)
    {
        RequireRepository(repository);
        string subject = $"repo:{repository}:{context}";
        var audience = new Condition(ConditionOperator.Parse("StringEquals"), GitHubHost + ":aud", EquatableArray.Create("sts.amazonaws.com"));
        var subjectCondition = new Condition(ConditionOperator.Parse(subject.IndexOfAny(['*', '?']) >= 0 ? "StringLike" : "StringEquals"), GitHubHost + ":sub", EquatableArray.Create(subject));
        return WebIdentity($"arn:{partition}:iam::{RequireAccount(account)}:oidc-provider/{GitHubHost}", audience, subjectCondition);
    }

    /// <summary>A GitHub repository as a subject names it: <c>owner/name</c>, letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, or <c>*</c> patterns.</summary>
    private static void RequireRepository(string repository)
    {
        int slash = repository?.IndexOf('/') ?? -1;
        bool valid = slash > 0 && slash < repository!.Length - 1 && repository.IndexOf('/', slash + 1) < 0;
        if (valid)
        {
            foreach (char c in repository!)
            {
                if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.' or '/' or '*' or '?')) valid = false;
            }
        }
        if (!valid) throw new DslException($"'{repository}' is not a GitHub repository; give it as owner/name (owner/* for every repository of the owner).");
    }

    /// <summary>A branch or tag name as git allows it in a ref (git-check-ref-format), where <c>*</c> and <c>?</c> are patterns.</summary>
    private static string RefName(string name, string what)
    {
        if (string.IsNullOrEmpty(name)) throw new DslException($"The {what} name is empty.");
        if (name.StartsWith("refs/", StringComparison.Ordinal))
        {
            throw new DslException($"GitHub never issues the subject ref:refs/{(what == "tag" ? "tags" : "heads")}/{name}: give the {what} as a name, or as one full ref, not both.");
        }
        foreach (char c in name)
        {
            if (c <= ' ' || c is ':' or '~' or '^' or '\\' or '[' || c == (char)127)
            {
                throw new DslException($"'{name}' is not a {what} name: git refs cannot contain spaces, control characters or any of : ~ ^ \\ [, so GitHub never issues such a subject.");
            }
        }
        if (name.StartsWith("/", StringComparison.Ordinal) || name.EndsWith("/", StringComparison.Ordinal) || name.IndexOf("..", StringComparison.Ordinal) >= 0
            || name.IndexOf("//", StringComparison.Ordinal) >= 0 || name.EndsWith(".lock", StringComparison.Ordinal) || name.EndsWith(".", StringComparison.Ordinal))
        {
            throw new DslException($"'{name}' is not a {what} name git allows (no leading or trailing /, no .., no //, not ending in . or .lock), so GitHub never issues such a subject.");
        }
        return name;
    }

    /// <summary>A SAML provider, assuming roles with <c>sts:AssumeRoleWithSAML</c> for the AWS sign-in audience.</summary>
    public static PrincipalSpec Saml(string account, string providerName, string partition = "aws")
    {
        var audience = new Condition(ConditionOperator.Parse("StringEquals"), "SAML:aud", EquatableArray.Create("https://signin.aws.amazon.com/saml"));
        // IAM API Reference, CreateSAMLProvider: Name, 1 to 128 characters of [\w._-]; any other name is no provider's.
        RequireName(providerName, "SAML provider");
        if (providerName.Length > 128 || providerName.Any(c => !(char.IsLetterOrDigit(c) && c < 128 || c is '_' or '.' or '-')))
        {
            throw new DslException($"'{providerName}' is not a SAML provider name: IAM names SAML providers with 1 to 128 letters, digits and ._- characters.");
        }
        return new(new PrincipalId(PrincipalType.Federated, $"arn:{partition}:iam::{RequireAccount(account)}:saml-provider/{providerName}"),
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
