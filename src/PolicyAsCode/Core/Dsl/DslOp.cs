namespace PolicyAsCode.Dsl;

/// <summary>
/// The operation a public member of the DSL performs, named by its <c>DslMember</c> mark. The runtime DSL performs it by
/// calling <see cref="PolicyDraft"/>, <see cref="RoleDraft"/>, <see cref="PrincipalSpec"/> and <see cref="ConditionDraft"/>;
/// the source generator's interpreter reads the mark of each member a declaration calls and performs the same operation
/// on the same Core types, so compile time never restates the DSL's names.
/// </summary>
/// <remarks>The values are read from compiled attributes by number: append new members at the end.</remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public enum DslOp
{
    /// <summary>A member for run-time use only (JSON, decisions, the draft itself): a declaration cannot call it.</summary>
    RuntimeOnly,

    /// <summary><c>Policy.Identity()</c>: an empty identity-based policy.</summary>
    IdentityPolicy,

    /// <summary><c>Policy.Resource()</c>: an empty resource-based policy.</summary>
    ResourcePolicy,

    /// <summary><c>Allow(actions)</c> / <c>Deny(actions)</c>: starts a statement with the mark's effect.</summary>
    Start,

    /// <summary><c>Allow()</c> / <c>Deny()</c>: the mark's effect, waiting for <c>AllExcept(...)</c>.</summary>
    Effect,

    /// <summary><c>AllExcept(actions)</c>: starts a <c>NotAction</c> statement.</summary>
    StartNotAction,

    /// <summary><c>On(resources)</c>.</summary>
    Resources,

    /// <summary><c>OnAll()</c>: <c>"Resource": "*"</c>.</summary>
    AllResources,

    /// <summary><c>OnAllExcept(resources)</c>: <c>NotResource</c>.</summary>
    NotResources,

    /// <summary><c>For(principals)</c>.</summary>
    Principals,

    /// <summary><c>ForAllExcept(principals)</c>: <c>NotPrincipal</c>.</summary>
    NotPrincipals,

    /// <summary><c>When(conditions)</c> on a policy's last statement.</summary>
    Conditions,

    /// <summary><c>Named(sid)</c>.</summary>
    Sid,

    /// <summary><c>Include(policy)</c>: appends another policy's statements.</summary>
    Include,

    /// <summary><c>Role.Define()</c>.</summary>
    DefineRole,

    /// <summary><c>TrustedBy(principals)</c>.</summary>
    TrustedBy,

    /// <summary><c>Attach(policy)</c>: a policy declared in code, or an AWS managed policy.</summary>
    Attach,

    /// <summary><c>AttachArn(arn)</c>.</summary>
    AttachArn,

    /// <summary><c>Inline(name, policy)</c>.</summary>
    Inline,

    /// <summary><c>PermissionsBoundary(policy)</c>: a policy declared in code, or an AWS managed policy.</summary>
    PermissionsBoundary,

    /// <summary><c>MaxSession(duration)</c>.</summary>
    MaxSession,

    /// <summary><c>Path(path)</c>.</summary>
    RolePath,

    /// <summary><c>Description(text)</c>.</summary>
    RoleDescription,

    /// <summary><c>Principal.Everyone</c>.</summary>
    Everyone,

    /// <summary><c>Principal.Account(account)</c>.</summary>
    AccountPrincipal,

    /// <summary><c>Principal.Role(account, name)</c>.</summary>
    RolePrincipal,

    /// <summary><c>Principal.User(account, name)</c>.</summary>
    UserPrincipal,

    /// <summary><c>Principal.AssumedRole(account, role, session)</c>.</summary>
    AssumedRolePrincipal,

    /// <summary><c>Principal.Arn(arnOrAccount)</c>.</summary>
    ArnPrincipal,

    /// <summary><c>Principal.Service(name)</c>.</summary>
    ServicePrincipal,

    /// <summary><c>Principal.Saml(account, provider)</c>.</summary>
    SamlPrincipal,

    /// <summary><c>Principal.WebIdentity.GitHubActions(account, repository, branch)</c>.</summary>
    GitHubActionsPrincipal,

    /// <summary><c>Principal.WebIdentity.Provider(provider, conditions)</c>.</summary>
    WebIdentityPrincipal,

    /// <summary><c>principal.WithMfa()</c>.</summary>
    PrincipalWithMfa,

    /// <summary><c>principal.When(conditions)</c>.</summary>
    PrincipalConditions,

    /// <summary>An action: <c>IamAction</c> from a string, or <c>IamAction.All</c> (<c>*</c>).</summary>
    Action,

    /// <summary>A resource: <c>ResourceArn</c> from a string or an ARN, or <c>ResourceArn.All</c> (<c>*</c>).</summary>
    Resource,

    /// <summary>A condition key created from its name: <c>new StringConditionKey("s3:prefix")</c>.</summary>
    ConditionKey,

    /// <summary><c>key.IfExists()</c>.</summary>
    IfExists,

    /// <summary><c>key.ForAnyValue</c>.</summary>
    ForAnyValue,

    /// <summary><c>key.ForAllValues</c>.</summary>
    ForAllValues,

    /// <summary>
    /// A condition on a key with the mark's base operator (<c>Is</c>: <c>StringEquals</c>), whose values are the call's
    /// arguments, or the mark's fixed value (<c>Exists()</c>: <c>"Null": "false"</c>).
    /// </summary>
    Condition,

    /// <summary><c>Policy.ServiceControl()</c>: an empty service control policy (AWS Organizations).</summary>
    ServiceControlPolicy,

    /// <summary><c>Policy.ResourceControl()</c>: an empty resource control policy (AWS Organizations).</summary>
    ResourceControlPolicy,

    /// <summary><c>Principal.WebIdentity.GitHubActionsTag(account, repository, tag)</c>.</summary>
    GitHubActionsTagPrincipal,

    /// <summary><c>Principal.WebIdentity.GitHubActionsEnvironment(account, repository, environment)</c>.</summary>
    GitHubActionsEnvironmentPrincipal,

    /// <summary><c>Principal.WebIdentity.GitHubActionsPullRequest(account, repository)</c>.</summary>
    GitHubActionsPullRequestPrincipal,

    /// <summary><c>PermissionsBoundaryArn(arn)</c>: a permissions boundary given by its ARN.</summary>
    PermissionsBoundaryArn,

    /// <summary><c>Id(id)</c>: the policy's <c>Id</c> element.</summary>
    PolicyId,
}
