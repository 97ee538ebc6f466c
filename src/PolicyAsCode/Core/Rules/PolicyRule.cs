namespace PolicyAsCode.Rules;

/// <summary>A validation rule: a stable id, a default severity and a title. Its rationale lives in <c>docs/rules/ID.md</c>.</summary>
public sealed class PolicyRule
{
    /// <summary>Where the rule pages live; the analyzers use it for help links.</summary>
    public const string HelpLinkBase = "https://github.com/policyascode/policyascode/blob/main/docs/rules/";

    internal PolicyRule(string id, FindingSeverity defaultSeverity, string category, string title)
    {
        Id = id;
        DefaultSeverity = defaultSeverity;
        Category = category;
        Title = title;
    }

    /// <summary>The stable id, <c>PAC</c> and three digits.</summary>
    public string Id { get; }

    /// <summary>The severity unless configured otherwise.</summary>
    public FindingSeverity DefaultSeverity { get; }

    /// <summary>The area: <c>Grammar</c>, <c>Catalogue</c>, <c>Conditions</c>, <c>Quotas</c> or <c>Security</c>.</summary>
    public string Category { get; }

    /// <summary>A one-line description.</summary>
    public string Title { get; }

    /// <summary>The rule's documentation page.</summary>
    public string HelpLink => HelpLinkBase + Id + ".md";

    /// <inheritdoc/>
    public override string ToString() => $"{Id} {Title}";
}

/// <summary>Every rule, by name. Ids are fixed once released: PAC0xx for policy grammar and catalogue checks, PAC1xx for security.</summary>
public static class PolicyRules
{
    /// <summary>PAC001: <c>Principal</c> or <c>NotPrincipal</c> in an identity-based policy.</summary>
    public static PolicyRule PrincipalInIdentityPolicy { get; } = new("PAC001", FindingSeverity.Error, "Grammar", "Principal in an identity-based policy");

    /// <summary>PAC002: an action's service prefix does not exist.</summary>
    public static PolicyRule UnknownService { get; } = new("PAC002", FindingSeverity.Error, "Catalogue", "Unknown service prefix");

    /// <summary>PAC003: an action does not exist in its service.</summary>
    public static PolicyRule UnknownAction { get; } = new("PAC003", FindingSeverity.Error, "Catalogue", "Unknown action");

    /// <summary>PAC004: a wildcard action matches no action.</summary>
    public static PolicyRule WildcardMatchesNothing { get; } = new("PAC004", FindingSeverity.Error, "Catalogue", "Wildcard action matches nothing");

    /// <summary>PAC005: a statement of a resource-based or trust policy names no principal.</summary>
    public static PolicyRule MissingPrincipal { get; } = new("PAC005", FindingSeverity.Error, "Grammar", "Missing Principal in a resource-based or trust policy");

    /// <summary>PAC006: a trust policy allows an action other than assuming the role.</summary>
    public static PolicyRule TrustPolicyAction { get; } = new("PAC006", FindingSeverity.Error, "Grammar", "Trust policy action is not a role-assumption action");

    /// <summary>PAC007: a resource is not a well-formed ARN.</summary>
    public static PolicyRule MalformedArn { get; } = new("PAC007", FindingSeverity.Error, "Grammar", "Malformed resource ARN");

    /// <summary>PAC008: a resource's service is not one any action of the statement acts on.</summary>
    public static PolicyRule ResourceServiceMismatch { get; } = new("PAC008", FindingSeverity.Warning, "Catalogue", "Resource service does not match the actions");

    /// <summary>PAC009: a resource's type is not one the statement's actions act on.</summary>
    public static PolicyRule ResourceTypeMismatch { get; } = new("PAC009", FindingSeverity.Warning, "Catalogue", "Resource type does not fit the actions");

    /// <summary>PAC010: a condition key does not exist.</summary>
    public static PolicyRule UnknownConditionKey { get; } = new("PAC010", FindingSeverity.Warning, "Catalogue", "Unknown condition key");

    /// <summary>PAC011: a condition key is not supported by any action of the statement.</summary>
    public static PolicyRule ConditionKeyNotSupported { get; } = new("PAC011", FindingSeverity.Warning, "Catalogue", "Condition key not supported by the actions");

    /// <summary>PAC012: a condition operator does not fit the key's type.</summary>
    public static PolicyRule OperatorTypeMismatch { get; } = new("PAC012", FindingSeverity.Error, "Conditions", "Condition operator does not fit the key's type");

    /// <summary>PAC013: <c>aws:username</c> compared case-sensitively.</summary>
    public static PolicyRule CaseSensitiveUserName { get; } = new("PAC013", FindingSeverity.Warning, "Conditions", "User names compared case-sensitively");

    /// <summary>PAC014: policy variables in a policy whose version does not support them.</summary>
    public static PolicyRule VariablesNeedVersion2012 { get; } = new("PAC014", FindingSeverity.Error, "Grammar", "Policy variables need Version 2012-10-17");

    /// <summary>PAC015: a Sid with characters AWS does not accept.</summary>
    public static PolicyRule InvalidSid { get; } = new("PAC015", FindingSeverity.Error, "Grammar", "Invalid Sid");

    /// <summary>PAC016: a policy over AWS's size quota for its kind.</summary>
    public static PolicyRule SizeQuota { get; } = new("PAC016", FindingSeverity.Error, "Quotas", "Policy exceeds its size quota");

    /// <summary>PAC017: a Resource element missing where required, or present where forbidden.</summary>
    public static PolicyRule ResourceElement { get; } = new("PAC017", FindingSeverity.Error, "Grammar", "Resource element missing or not allowed");

    /// <summary>PAC018: <c>NotPrincipal</c> where AWS does not allow it.</summary>
    public static PolicyRule NotPrincipalNotAllowed { get; } = new("PAC018", FindingSeverity.Error, "Grammar", "NotPrincipal not allowed");

    /// <summary>PAC019: no <c>Version</c> element.</summary>
    public static PolicyRule MissingVersion { get; } = new("PAC019", FindingSeverity.Warning, "Grammar", "Missing Version");

    /// <summary>PAC020: a principal that is not well formed.</summary>
    public static PolicyRule MalformedPrincipal { get; } = new("PAC020", FindingSeverity.Error, "Grammar", "Malformed principal");

    /// <summary>PAC021: a resource ARN that is well formed but can never match (a region or account where the service has none, an upper-case region).</summary>
    public static PolicyRule ArnNeverMatches { get; } = new("PAC021", FindingSeverity.Error, "Grammar", "Resource ARN can never match");

    /// <summary>PAC022: a policy variable whose key does not exist.</summary>
    public static PolicyRule UnknownPolicyVariable { get; } = new("PAC022", FindingSeverity.Warning, "Catalogue", "Policy variable names an unknown key");

    /// <summary>PAC023: <c>*</c> or <c>?</c> in the value of an exact string operator, where it is literal text.</summary>
    public static PolicyRule WildcardInExactMatch { get; } = new("PAC023", FindingSeverity.Warning, "Conditions", "Wildcard in an exact-match string condition");

    /// <summary>PAC024: a service principal whose service does not exist.</summary>
    public static PolicyRule UnknownServicePrincipal { get; } = new("PAC024", FindingSeverity.Warning, "Catalogue", "Unknown service principal");

    /// <summary>PAC025: an element or value a resource control policy does not allow.</summary>
    public static PolicyRule ResourceControlPolicyGrammar { get; } = new("PAC025", FindingSeverity.Error, "Grammar", "Not allowed in a resource control policy");

    /// <summary>PAC101: Allow of every action on every resource.</summary>
    public static PolicyRule AllowAllOnAll { get; } = new("PAC101", FindingSeverity.Warning, "Security", "Allow * on *");

    /// <summary>PAC102: <c>iam:PassRole</c> allowed on every role.</summary>
    public static PolicyRule PassRoleOnAll { get; } = new("PAC102", FindingSeverity.Warning, "Security", "iam:PassRole on *");

    /// <summary>PAC103: <c>NotAction</c> with Allow.</summary>
    public static PolicyRule AllowNotAction { get; } = new("PAC103", FindingSeverity.Warning, "Security", "NotAction with Allow");

    /// <summary>PAC104: a trust policy anyone can assume.</summary>
    public static PolicyRule OpenTrustPolicy { get; } = new("PAC104", FindingSeverity.Error, "Security", "Trust policy open to everyone");

    /// <summary>PAC105: <c>*</c> as the resource of an action that has resource types.</summary>
    public static PolicyRule WildcardResourceForScopedAction { get; } = new("PAC105", FindingSeverity.Warning, "Security", "Resource * where the action supports resource ARNs");

    /// <summary>PAC106: <c>NotResource</c> with Allow.</summary>
    public static PolicyRule AllowNotResource { get; } = new("PAC106", FindingSeverity.Warning, "Security", "NotResource with Allow");

    /// <summary>PAC107: <c>ForAllValues</c> in an Allow statement, which also holds when the key is absent.</summary>
    public static PolicyRule ForAllValuesWithAllow { get; } = new("PAC107", FindingSeverity.Warning, "Security", "ForAllValues with Allow");

    /// <summary>PAC108: a wildcard in a condition on a key for which AWS says wildcards have no valid use.</summary>
    public static PolicyRule WildcardOnSensitiveKey { get; } = new("PAC108", FindingSeverity.Warning, "Security", "Wildcard on a sensitive condition key");

    /// <summary>PAC109: a resource-based policy that allows everyone with no condition that limits the caller.</summary>
    public static PolicyRule OpenResourcePolicy { get; } = new("PAC109", FindingSeverity.Warning, "Security", "Resource-based policy open to everyone");

    /// <summary>All rules, ordered by id.</summary>
    public static IReadOnlyList<PolicyRule> All { get; } =
    [
        PrincipalInIdentityPolicy, UnknownService, UnknownAction, WildcardMatchesNothing, MissingPrincipal, TrustPolicyAction,
        MalformedArn, ResourceServiceMismatch, ResourceTypeMismatch, UnknownConditionKey, ConditionKeyNotSupported,
        OperatorTypeMismatch, CaseSensitiveUserName, VariablesNeedVersion2012, InvalidSid, SizeQuota, ResourceElement,
        NotPrincipalNotAllowed, MissingVersion, MalformedPrincipal, ArnNeverMatches, UnknownPolicyVariable, WildcardInExactMatch,
        UnknownServicePrincipal, ResourceControlPolicyGrammar,
        AllowAllOnAll, PassRoleOnAll, AllowNotAction, OpenTrustPolicy, WildcardResourceForScopedAction, AllowNotResource,
        ForAllValuesWithAllow, WildcardOnSensitiveKey, OpenResourcePolicy,
    ];

    /// <summary>Finds a rule by id.</summary>
    public static PolicyRule? Find(string id)
    {
        foreach (var rule in All)
        {
            if (string.Equals(rule.Id, id, StringComparison.OrdinalIgnoreCase)) return rule;
        }
        return null;
    }
}
