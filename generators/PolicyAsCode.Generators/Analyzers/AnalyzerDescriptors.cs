using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Rules;

namespace PolicyAsCode.Generators.Analyzers;

/// <summary>The analyzers' diagnostic ids that are not rule engine rules (PAC3xx: C# usage).</summary>
internal static class AnalyzerDiagnosticIds
{
    public const string UseTypedMember = "PAC300";
}

/// <summary>
/// One descriptor per rule of the rule engine (<see cref="PolicyRules.All"/>): id, title, category, default severity and
/// help link are the rule's, so the analyzer and <c>pac validate</c> cannot disagree. Plus the analyzer's own PAC300.
/// AnalyzerReleases.Unshipped.md lists them all; a test checks it against <see cref="All"/>.
/// </summary>
internal static class AnalyzerDescriptors
{
    // The ids are written out (not read from the rule) so that analyzer release tracking sees them; From checks that
    // each is its rule's id, and everything else comes from the rule.
    public static readonly DiagnosticDescriptor PrincipalInIdentityPolicy = From("PAC001", PolicyRules.PrincipalInIdentityPolicy);
    public static readonly DiagnosticDescriptor UnknownService = From("PAC002", PolicyRules.UnknownService);
    public static readonly DiagnosticDescriptor UnknownAction = From("PAC003", PolicyRules.UnknownAction);
    public static readonly DiagnosticDescriptor WildcardMatchesNothing = From("PAC004", PolicyRules.WildcardMatchesNothing);
    public static readonly DiagnosticDescriptor MissingPrincipal = From("PAC005", PolicyRules.MissingPrincipal);
    public static readonly DiagnosticDescriptor TrustPolicyAction = From("PAC006", PolicyRules.TrustPolicyAction);
    public static readonly DiagnosticDescriptor MalformedArn = From("PAC007", PolicyRules.MalformedArn);
    public static readonly DiagnosticDescriptor ResourceServiceMismatch = From("PAC008", PolicyRules.ResourceServiceMismatch);
    public static readonly DiagnosticDescriptor ResourceTypeMismatch = From("PAC009", PolicyRules.ResourceTypeMismatch);
    public static readonly DiagnosticDescriptor UnknownConditionKey = From("PAC010", PolicyRules.UnknownConditionKey);
    public static readonly DiagnosticDescriptor ConditionKeyNotSupported = From("PAC011", PolicyRules.ConditionKeyNotSupported);
    public static readonly DiagnosticDescriptor OperatorTypeMismatch = From("PAC012", PolicyRules.OperatorTypeMismatch);
    public static readonly DiagnosticDescriptor CaseSensitiveUserName = From("PAC013", PolicyRules.CaseSensitiveUserName);
    public static readonly DiagnosticDescriptor VariablesNeedVersion2012 = From("PAC014", PolicyRules.VariablesNeedVersion2012);
    public static readonly DiagnosticDescriptor InvalidSid = From("PAC015", PolicyRules.InvalidSid);
    public static readonly DiagnosticDescriptor SizeQuota = From("PAC016", PolicyRules.SizeQuota);
    public static readonly DiagnosticDescriptor ResourceElement = From("PAC017", PolicyRules.ResourceElement);
    public static readonly DiagnosticDescriptor NotPrincipalNotAllowed = From("PAC018", PolicyRules.NotPrincipalNotAllowed);
    public static readonly DiagnosticDescriptor MissingVersion = From("PAC019", PolicyRules.MissingVersion);
    public static readonly DiagnosticDescriptor MalformedPrincipal = From("PAC020", PolicyRules.MalformedPrincipal);
    public static readonly DiagnosticDescriptor AllowAllOnAll = From("PAC101", PolicyRules.AllowAllOnAll);
    public static readonly DiagnosticDescriptor PassRoleOnAll = From("PAC102", PolicyRules.PassRoleOnAll);
    public static readonly DiagnosticDescriptor AllowNotAction = From("PAC103", PolicyRules.AllowNotAction);
    public static readonly DiagnosticDescriptor OpenTrustPolicy = From("PAC104", PolicyRules.OpenTrustPolicy);
    public static readonly DiagnosticDescriptor WildcardResourceForScopedAction = From("PAC105", PolicyRules.WildcardResourceForScopedAction);
    public static readonly DiagnosticDescriptor AllowNotResource = From("PAC106", PolicyRules.AllowNotResource);
    public static readonly DiagnosticDescriptor ForAllValuesWithAllow = From("PAC107", PolicyRules.ForAllValuesWithAllow);

    public static readonly DiagnosticDescriptor UseTypedMember = new(AnalyzerDiagnosticIds.UseTypedMember,
        "Use the typed member",
        "Use {0} instead of the string \"{1}\": typed members are checked by the compiler and complete in the editor",
        "Usage", DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: PolicyRule.HelpLinkBase + AnalyzerDiagnosticIds.UseTypedMember + ".md");

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byRule = new(StringComparer.Ordinal)
    {
        [PolicyRules.PrincipalInIdentityPolicy.Id] = PrincipalInIdentityPolicy,
        [PolicyRules.UnknownService.Id] = UnknownService,
        [PolicyRules.UnknownAction.Id] = UnknownAction,
        [PolicyRules.WildcardMatchesNothing.Id] = WildcardMatchesNothing,
        [PolicyRules.MissingPrincipal.Id] = MissingPrincipal,
        [PolicyRules.TrustPolicyAction.Id] = TrustPolicyAction,
        [PolicyRules.MalformedArn.Id] = MalformedArn,
        [PolicyRules.ResourceServiceMismatch.Id] = ResourceServiceMismatch,
        [PolicyRules.ResourceTypeMismatch.Id] = ResourceTypeMismatch,
        [PolicyRules.UnknownConditionKey.Id] = UnknownConditionKey,
        [PolicyRules.ConditionKeyNotSupported.Id] = ConditionKeyNotSupported,
        [PolicyRules.OperatorTypeMismatch.Id] = OperatorTypeMismatch,
        [PolicyRules.CaseSensitiveUserName.Id] = CaseSensitiveUserName,
        [PolicyRules.VariablesNeedVersion2012.Id] = VariablesNeedVersion2012,
        [PolicyRules.InvalidSid.Id] = InvalidSid,
        [PolicyRules.SizeQuota.Id] = SizeQuota,
        [PolicyRules.ResourceElement.Id] = ResourceElement,
        [PolicyRules.NotPrincipalNotAllowed.Id] = NotPrincipalNotAllowed,
        [PolicyRules.MissingVersion.Id] = MissingVersion,
        [PolicyRules.MalformedPrincipal.Id] = MalformedPrincipal,
        [PolicyRules.AllowAllOnAll.Id] = AllowAllOnAll,
        [PolicyRules.PassRoleOnAll.Id] = PassRoleOnAll,
        [PolicyRules.AllowNotAction.Id] = AllowNotAction,
        [PolicyRules.OpenTrustPolicy.Id] = OpenTrustPolicy,
        [PolicyRules.WildcardResourceForScopedAction.Id] = WildcardResourceForScopedAction,
        [PolicyRules.AllowNotResource.Id] = AllowNotResource,
        [PolicyRules.ForAllValuesWithAllow.Id] = ForAllValuesWithAllow,
    };

    /// <summary>Every descriptor: one per rule of <see cref="PolicyRules.All"/>, in its order, then PAC300.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = [.. PolicyRules.All.Select(r => s_byRule[r.Id]), UseTypedMember];

    public static DiagnosticDescriptor For(PolicyRule rule) => s_byRule[rule.Id];

    public static DiagnosticSeverity Severity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => DiagnosticSeverity.Error,
        FindingSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    private static DiagnosticDescriptor From(string id, PolicyRule rule)
        => id == rule.Id
            ? new(id, rule.Title, "{0}", rule.Category, Severity(rule.DefaultSeverity), isEnabledByDefault: true, helpLinkUri: rule.HelpLink)
            : throw new InvalidOperationException($"The descriptor {id} is given the rule {rule.Id}.");
}
