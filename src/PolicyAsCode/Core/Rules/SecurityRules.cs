namespace PolicyAsCode.Rules;

/// <summary>Grants that are valid but dangerous (IAM User Guide, "Security best practices in IAM"; Access Analyzer's security warnings).</summary>
internal static partial class SecurityRules
{
    public static void Check(RuleContext context)
    {
        var kind = context.Kind;
        // Service control policies and boundaries cap permissions; "Allow *" there grants nothing by itself.
        bool grants = kind is PolicyKind.Identity or PolicyKind.Resource or PolicyKind.SessionPolicy or PolicyKind.Trust;
        var statements = context.Document.Statements;
        // PAC109 decides the whole policy at once, exactly (SecurityRules.PublicAccess.cs).
        if (kind == PolicyKind.Resource) CheckPublicResourcePolicy(context);
        for (int i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            if (statement.Effect != Effect.Allow) continue;
            if (kind == PolicyKind.Trust)
            {
                CheckOpenTrust(context, statement, i);
                CheckForAllValues(context, statement, i);
                continue;
            }
            if (!grants) continue;
            var action = statement.Action;
            var resource = statement.Resource;
            bool allResources = resource is null ? kind != PolicyKind.Resource : !resource.IsNot && resource.Values.Contains("*");
            if (action.IsNot)
            {
                context.Report(PolicyRules.AllowNotAction, Locations.ActionElement(i, action),
                    "Allow with NotAction grants every action not listed, including actions of services added later. List the actions to allow with Action instead.");
            }
            else if (allResources && action.Values.Any(IsAllActions))
            {
                context.Report(PolicyRules.AllowAllOnAll, Locations.Statement(i),
                    "The statement allows every action on every resource (full administrator access). Grant only the actions and resources needed.");
            }
            else if (allResources && !HasCondition(statement, "iam:PassedToService"))
            {
                for (int k = 0; k < action.Values.Count; k++)
                {
                    if (CouldBeIam(action.Values[k])
                        && GlobPattern.Compile(action.Values[k], wildcards: true, variables: false, ignoreCase: true).IsMatch("iam:PassRole"))
                    {
                        context.Report(PolicyRules.PassRoleOnAll, Locations.Action(i, action, k),
                            $"'{action.Values[k]}' allows iam:PassRole on every role, so the caller can hand any role (including administrator roles) to a service. Limit Resource to the roles to pass, and add an iam:PassedToService condition.");
                        break;
                    }
                }
            }
            if (resource is { IsNot: true })
            {
                context.Report(PolicyRules.AllowNotResource, Locations.ResourceElement(i, resource),
                    "Allow with NotResource grants on every resource not listed, including resources created later. List the resources to allow with Resource instead.");
            }
            CheckForAllValues(context, statement, i);
        }
    }

    private static bool IsAllActions(string action) => action is "*" or "*:*";

    /// <summary>A cheap test that an action pattern's service part could be <c>iam</c>, before compiling it.</summary>
    private static bool CouldBeIam(string action)
    {
        int colon = action.IndexOf(':');
        if (colon < 0) return true;
        string prefix = action.Substring(0, colon);
        return prefix.Equals("iam", StringComparison.OrdinalIgnoreCase) || prefix.IndexOf('*') >= 0 || prefix.IndexOf('?') >= 0;
    }

    /// <summary>Condition keys that limit who can use a statement open to every principal.</summary>
    private static readonly string[] s_principalLimitingKeys =
    [
        "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalAccount", "aws:PrincipalArn", "aws:SourceAccount",
        "aws:SourceArn", "aws:SourceOrgID", "aws:SourceOrgPaths", "aws:PrincipalServiceName", "aws:userid", "sts:ExternalId",
    ];

    private static bool HasCondition(Statement statement, string key)
        => statement.Conditions.Any(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// IAM User Guide, "Roles terms and concepts" and Access Analyzer's "trust policy open to everyone": a trust policy that
    /// lets any AWS principal assume the role without a condition makes the role public.
    /// </summary>
    private static void CheckOpenTrust(RuleContext context, Statement statement, int i)
    {
        if (statement.Principal is not { } principal) return;
        bool open = principal.IsWildcard || principal.IsNot || principal.Ids.Any(id => id.Type == PrincipalType.Aws && id.Value == "*");
        if (!open || s_principalLimitingKeys.Any(key => HasCondition(statement, key))) return;
        context.Report(PolicyRules.OpenTrustPolicy, Locations.PrincipalElement(i, principal),
            "Anyone with an AWS account can assume this role: the trust policy allows every principal and no condition limits who (such as aws:PrincipalOrgID, aws:PrincipalArn, aws:SourceAccount or sts:ExternalId). Name the accounts or roles that may assume it, or add such a condition.");
    }

    /// <summary>
    /// IAM User Guide, "Single-valued vs. multivalued context keys": ForAllValues also returns true when the key is absent
    /// or empty, so an Allow that relies on it grants to requests without the key unless a Null check requires it.
    /// </summary>
    private static void CheckForAllValues(RuleContext context, Statement statement, int i)
    {
        var conditions = statement.Conditions;
        for (int c = 0; c < conditions.Count; c++)
        {
            var condition = conditions[c];
            if (condition.Operator.Qualifier != SetQualifier.ForAllValues) continue;
            bool guarded = conditions.Any(other => other.Operator.Kind == ConditionOperatorKind.Null
                && string.Equals(other.Key, condition.Key, StringComparison.OrdinalIgnoreCase)
                && other.Values.Any(v => string.Equals(v, "false", StringComparison.OrdinalIgnoreCase)));
            if (guarded) continue;
            context.Report(PolicyRules.ForAllValuesWithAllow, Locations.ConditionOperator(i, condition, c),
                $"{condition.Operator.Name} is also true when the request has no {condition.Key}, so this Allow applies to such requests too. Add \"Null\": {{\"{condition.Key}\": \"false\"}} to require the key, or use ForAnyValue.");
        }
    }

    /// <summary>Condition keys that limit the caller of a resource-based policy open to everyone, besides those of trust policies.</summary>
    private static readonly string[] s_callerLimitingKeys =
    [
        "aws:SourceVpc", "aws:SourceVpce", "aws:SourceVpcArn", "aws:SourceIp", "aws:VpcSourceIp", "aws:VpceAccount", "aws:VpceOrgID",
        "aws:VpceOrgPaths", "aws:PrincipalIsAWSService", "aws:PrincipalServiceNamesList", "kms:CallerAccount",
        "s3:DataAccessPointAccount", "s3:DataAccessPointArn", "lambda:FunctionUrlAuthType",
    ];

    /// <summary>
    /// PAC109, the counterpart of PAC104 for resource-based policies (IAM Access Analyzer, "external access" findings; IAM
    /// User Guide, "AWS JSON policy elements: Principal": "*" is every principal, including anonymous callers where the
    /// service allows them). An Allow for every principal with no condition on who calls (organization, account, source
    /// ARN or account, VPC or endpoint, IP) makes the resource public.
    /// </summary>
    /// <remarks>
    /// The syntactic form, used when the exact check (<see cref="CheckPublicResourcePolicy"/>) answers unknown: whether
    /// the Allow statement names every principal and no condition on a caller-limiting key.
    /// </remarks>
    private static bool OpenToEveryone(Statement statement, out PrincipalElement? principal)
    {
        principal = statement.Effect == Effect.Allow ? statement.Principal : null;
        if (principal is not { IsNot: false }) return false;
        bool open = principal.IsWildcard || principal.Ids.Any(id => id.Type == PrincipalType.Aws && id.Value == "*");
        return open;
    }

    private static bool LimitedByCondition(Statement statement) => s_principalLimitingKeys.Concat(s_callerLimitingKeys).Any(key => HasCondition(statement, key));
}
