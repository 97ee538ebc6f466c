using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Rules;

namespace PolicyAsCode.Generators;

/// <summary>
/// Every descriptor the package's generator and analyzer report, each with its help page in docs/rules
/// (<see cref="PolicyRule.HelpLinkBase"/>) and one category scheme: the rule engine's categories for its rules,
/// <c>Generator</c> for PAC2xx, <c>Usage</c> for PAC300 and <c>Properties</c> for PAC4xx. AnalyzerReleases.Unshipped.md lists them all, and
/// RuleDocumentationTests checks their pages.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string GeneratorCategory = "Generator";

    // The generator's (PAC2xx: the declaration cannot be generated), found by DeclarationParser and reported by the
    // analyzer (once per build, and in editors that show analyzers' diagnostics only). Their messages are composed where
    // they are found.

    public static readonly DiagnosticDescriptor NotEvaluable = new(DiagnosticIds.NotEvaluable,
        "Declaration cannot be evaluated at compile time",
        "{0}",
        GeneratorCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(DiagnosticIds.NotEvaluable));

    public static readonly DiagnosticDescriptor InvalidDeclaration = new(DiagnosticIds.InvalidDeclaration,
        "Declaration is not a valid policy",
        "{0}",
        GeneratorCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(DiagnosticIds.InvalidDeclaration));

    public static readonly DiagnosticDescriptor WrongMember = new(DiagnosticIds.WrongMember,
        "Declaration attribute on an unsupported member",
        "{0}",
        GeneratorCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(DiagnosticIds.WrongMember));

    public static readonly DiagnosticDescriptor DuplicateName = new(DiagnosticIds.DuplicateName,
        "Two declarations write the same IAM file",
        "{0}",
        GeneratorCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(DiagnosticIds.DuplicateName),
        // The analyzer reports it when the whole compilation has been seen.
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor NotPartial = new(DiagnosticIds.NotPartial,
        "Declaring type is not partial",
        "{0}",
        GeneratorCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink(DiagnosticIds.NotPartial));

    public static readonly DiagnosticDescriptor InternalError = new(DiagnosticIds.InternalError,
        "The PolicyAsCode generator failed on a declaration",
        "PolicyAsCode could not process this declaration ({0}); please report it",
        GeneratorCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink(DiagnosticIds.InternalError));

    // The analyzer's: one per rule of the rule engine (PolicyRules.All), whose id, title, category, default severity and
    // help link are the rule's, so the analyzer and pac validate cannot disagree. The ids are written out (not read from
    // the rule) so that analyzer release tracking sees them; FromRule checks that each is its rule's id.

    public static readonly DiagnosticDescriptor PrincipalInIdentityPolicy = FromRule("PAC001", PolicyRules.PrincipalInIdentityPolicy);
    public static readonly DiagnosticDescriptor UnknownService = FromRule("PAC002", PolicyRules.UnknownService);
    public static readonly DiagnosticDescriptor UnknownAction = FromRule("PAC003", PolicyRules.UnknownAction);
    public static readonly DiagnosticDescriptor WildcardMatchesNothing = FromRule("PAC004", PolicyRules.WildcardMatchesNothing);
    public static readonly DiagnosticDescriptor MissingPrincipal = FromRule("PAC005", PolicyRules.MissingPrincipal);
    public static readonly DiagnosticDescriptor TrustPolicyAction = FromRule("PAC006", PolicyRules.TrustPolicyAction);
    public static readonly DiagnosticDescriptor MalformedArn = FromRule("PAC007", PolicyRules.MalformedArn);
    public static readonly DiagnosticDescriptor ResourceServiceMismatch = FromRule("PAC008", PolicyRules.ResourceServiceMismatch);
    public static readonly DiagnosticDescriptor ResourceTypeMismatch = FromRule("PAC009", PolicyRules.ResourceTypeMismatch);
    public static readonly DiagnosticDescriptor UnknownConditionKey = FromRule("PAC010", PolicyRules.UnknownConditionKey);
    public static readonly DiagnosticDescriptor ConditionKeyNotSupported = FromRule("PAC011", PolicyRules.ConditionKeyNotSupported);
    public static readonly DiagnosticDescriptor OperatorTypeMismatch = FromRule("PAC012", PolicyRules.OperatorTypeMismatch);
    public static readonly DiagnosticDescriptor CaseSensitiveUserName = FromRule("PAC013", PolicyRules.CaseSensitiveUserName);
    public static readonly DiagnosticDescriptor VariablesNeedVersion2012 = FromRule("PAC014", PolicyRules.VariablesNeedVersion2012);
    public static readonly DiagnosticDescriptor InvalidSid = FromRule("PAC015", PolicyRules.InvalidSid);
    public static readonly DiagnosticDescriptor SizeQuota = FromRule("PAC016", PolicyRules.SizeQuota);
    public static readonly DiagnosticDescriptor ResourceElement = FromRule("PAC017", PolicyRules.ResourceElement);
    public static readonly DiagnosticDescriptor NotPrincipalNotAllowed = FromRule("PAC018", PolicyRules.NotPrincipalNotAllowed);
    public static readonly DiagnosticDescriptor MissingVersion = FromRule("PAC019", PolicyRules.MissingVersion);
    public static readonly DiagnosticDescriptor MalformedPrincipal = FromRule("PAC020", PolicyRules.MalformedPrincipal);
    public static readonly DiagnosticDescriptor ArnNeverMatches = FromRule("PAC021", PolicyRules.ArnNeverMatches);
    public static readonly DiagnosticDescriptor UnknownPolicyVariable = FromRule("PAC022", PolicyRules.UnknownPolicyVariable);
    public static readonly DiagnosticDescriptor WildcardInExactMatch = FromRule("PAC023", PolicyRules.WildcardInExactMatch);
    public static readonly DiagnosticDescriptor UnknownServicePrincipal = FromRule("PAC024", PolicyRules.UnknownServicePrincipal);
    public static readonly DiagnosticDescriptor ResourceControlPolicyGrammar = FromRule("PAC025", PolicyRules.ResourceControlPolicyGrammar);
    public static readonly DiagnosticDescriptor AllowAllOnAll = FromRule("PAC101", PolicyRules.AllowAllOnAll);
    public static readonly DiagnosticDescriptor PassRoleOnAll = FromRule("PAC102", PolicyRules.PassRoleOnAll);
    public static readonly DiagnosticDescriptor AllowNotAction = FromRule("PAC103", PolicyRules.AllowNotAction);
    public static readonly DiagnosticDescriptor OpenTrustPolicy = FromRule("PAC104", PolicyRules.OpenTrustPolicy);
    public static readonly DiagnosticDescriptor WildcardResourceForScopedAction = FromRule("PAC105", PolicyRules.WildcardResourceForScopedAction);
    public static readonly DiagnosticDescriptor AllowNotResource = FromRule("PAC106", PolicyRules.AllowNotResource);
    public static readonly DiagnosticDescriptor ForAllValuesWithAllow = FromRule("PAC107", PolicyRules.ForAllValuesWithAllow);
    public static readonly DiagnosticDescriptor WildcardOnSensitiveKey = FromRule("PAC108", PolicyRules.WildcardOnSensitiveKey);
    public static readonly DiagnosticDescriptor OpenResourcePolicy = FromRule("PAC109", PolicyRules.OpenResourcePolicy);

    public static readonly DiagnosticDescriptor UseTypedMember = new(DiagnosticIds.UseTypedMember,
        "Use the typed member",
        "Use {0} instead of the string \"{1}\": typed members are checked by the compiler and complete in the editor",
        "Usage", DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpLink(DiagnosticIds.UseTypedMember));

    // The properties a declaration states (PAC4xx), proved by the analyzer (PropertyChecks). "{0}" is the attribute as
    // written, "{1}" the answer.

    private const string PropertiesCategory = "Properties";

    public static readonly DiagnosticDescriptor PropertyFails = new(DiagnosticIds.PropertyFails,
        "A property stated on the declaration fails",
        "{0} fails: {1}",
        PropertiesCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(DiagnosticIds.PropertyFails));

    public static readonly DiagnosticDescriptor PropertyNotDecided = new(DiagnosticIds.PropertyNotDecided,
        "A property stated on the declaration could not be decided",
        "{0} is not proved: {1}; it is not passed (raise the budget with policyascode_property_timeout_ms or policyascode_property_max_requests in .editorconfig, or check it with pac check)",
        PropertiesCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink(DiagnosticIds.PropertyNotDecided));

    public static readonly DiagnosticDescriptor PropertyNotChecked = new(DiagnosticIds.PropertyNotChecked,
        "A property stated on the declaration was not checked",
        "{0} was not checked: {1}",
        PropertiesCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink(DiagnosticIds.PropertyNotChecked));

    public static readonly DiagnosticDescriptor PropertyMisused = new(DiagnosticIds.PropertyMisused,
        "A property has no meaning on this declaration",
        "{0} has no meaning here: {1}",
        PropertiesCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(DiagnosticIds.PropertyMisused));

    /// <summary>The analyzer's property descriptors (PAC4xx).</summary>
    public static ImmutableArray<DiagnosticDescriptor> Properties { get; } = [PropertyFails, PropertyNotDecided, PropertyNotChecked, PropertyMisused];

    /// <summary>The generator's descriptors: what DeclarationParser and DuplicateNames find.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Generator { get; } = [NotEvaluable, InvalidDeclaration, WrongMember, DuplicateName, NotPartial, InternalError];

    /// <summary>The rule engine's descriptors, one per rule (RuleDescriptorsTests checks them against <see cref="PolicyRules.All"/>).</summary>
    public static ImmutableArray<DiagnosticDescriptor> Rules { get; } = [PrincipalInIdentityPolicy, UnknownService, UnknownAction, WildcardMatchesNothing, MissingPrincipal, TrustPolicyAction, MalformedArn, ResourceServiceMismatch, ResourceTypeMismatch, UnknownConditionKey, ConditionKeyNotSupported, OperatorTypeMismatch, CaseSensitiveUserName, VariablesNeedVersion2012, InvalidSid, SizeQuota, ResourceElement, NotPrincipalNotAllowed, MissingVersion, MalformedPrincipal, ArnNeverMatches, UnknownPolicyVariable, WildcardInExactMatch, UnknownServicePrincipal, ResourceControlPolicyGrammar, AllowAllOnAll, PassRoleOnAll, AllowNotAction, OpenTrustPolicy, WildcardResourceForScopedAction, AllowNotResource, ForAllValuesWithAllow, WildcardOnSensitiveKey, OpenResourcePolicy];

    /// <summary>The analyzer's descriptors: the rules' in the rule engine's order, then PAC300, then the generator's (PAC200-PAC205, which the analyzer reports).</summary>
    public static ImmutableArray<DiagnosticDescriptor> Analyzer { get; } = [.. Rules, UseTypedMember, .. Generator, .. Properties];

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = Generator.Concat(Analyzer).Distinct().ToDictionary(d => d.Id, StringComparer.Ordinal);

    /// <summary>The descriptor of an id (the generator's <see cref="InternalError"/> for an unknown one).</summary>
    public static DiagnosticDescriptor ById(string id) => s_byId.TryGetValue(id, out var descriptor) ? descriptor : InternalError;

    /// <summary>The descriptor of a rule of the rule engine.</summary>
    public static DiagnosticDescriptor For(PolicyRule rule) => s_byId[rule.Id];

    public static DiagnosticSeverity Severity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => DiagnosticSeverity.Error,
        FindingSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    private static string HelpLink(string id) => PolicyRule.HelpLinkBase + id + ".md";

    private static DiagnosticDescriptor FromRule(string id, PolicyRule rule)
        => id == rule.Id
            ? new(id, rule.Title, "{0}", rule.Category, Severity(rule.DefaultSeverity), isEnabledByDefault: true, helpLinkUri: rule.HelpLink)
            : throw new InvalidOperationException($"The descriptor {id} is given the rule {rule.Id}.");
}
