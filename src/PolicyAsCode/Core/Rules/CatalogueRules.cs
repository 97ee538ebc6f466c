using PolicyAsCode.Catalogue;

namespace PolicyAsCode.Rules;

/// <summary>
/// Checks against the AWS service catalogue (the Service Authorization Reference): actions, resource types and condition
/// keys that exist, and that fit each other.
/// </summary>
internal static class CatalogueRules
{
    public static void Check(RuleContext context)
    {
        var catalogue = context.Options.Catalogue!;
        var statements = context.Document.Statements;
        for (int i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            var actions = CheckActions(context, catalogue, statement, i);
            CheckResources(context, catalogue, statement, i, actions);
            CheckConditions(context, catalogue, statement, i, actions);
            if (context.Document.SupportsPolicyVariables) CheckVariables(context, catalogue, statement, i);
            CheckServicePrincipals(context, catalogue, statement, i);
        }
    }

    /// <summary>
    /// PAC022. IAM User Guide, "IAM policy elements: Variables and tags": a variable whose key is not in the request
    /// cannot be resolved, so the ARN or value holding it matches nothing. A key of <c>aws:</c> or of a service the
    /// catalogue knows that the catalogue lacks is such a key; keys of identity providers and of prefixes the catalogue
    /// does not know (saml:, ...) are not judged.
    /// </summary>
    private static void CheckVariables(RuleContext context, ServiceCatalogue catalogue, Statement statement, int i)
    {
        if (statement.Resource is { } resource)
        {
            for (int k = 0; k < resource.Values.Count; k++)
            {
                CheckVariables(context, catalogue, resource.Values[k], Locations.Resource(i, resource, k), "it matches no resource");
            }
        }
        var conditions = statement.Conditions;
        for (int c = 0; c < conditions.Count; c++)
        {
            if (!conditions[c].Operator.SupportsPolicyVariables) continue;
            for (int v = 0; v < conditions[c].Values.Count; v++)
            {
                CheckVariables(context, catalogue, conditions[c].Values[v], Locations.ConditionValue(i, conditions[c], c, v), "the value matches no request");
            }
        }
    }

    private static void CheckVariables(RuleContext context, ServiceCatalogue catalogue, string value, PolicyLocation location, string consequence)
    {
        if (!PolicyVariables.ContainsVariable(value)) return;
        foreach (var part in PolicyVariables.Split(value))
        {
            if (!part.IsVariable || IsIdentityProviderKey(part.Text)) continue;
            int colon = part.Text.IndexOf(':');
            string prefix = colon > 0 ? part.Text.Substring(0, colon) : "";
            bool judged = colon <= 0 || prefix.Equals("aws", StringComparison.OrdinalIgnoreCase) || catalogue.TryGetService(prefix, out _);
            if (!judged || catalogue.TryGetConditionKey(part.Text, out _)) continue;
            var suggestions = catalogue.SuggestConditionKeys(part.Text);
            string written = value.Substring(part.Start, part.Length);
            string fixedValue = suggestions.Count == 0 ? ""
                : value.Substring(0, part.Start) + written.Replace(part.Text, suggestions[0]) + value.Substring(part.Start + part.Length);
            context.Report(PolicyRules.UnknownPolicyVariable, location,
                $"The policy variable {written} names no condition key, so AWS cannot resolve it and {consequence}."
                + (suggestions.Count > 0 ? $" Did you mean ${{{suggestions[0]}}}?" : ""),
                suggestions.Count > 0 ? [fixedValue] : []);
        }
    }

    /// <summary>Service principals named after something other than their service prefix (IAM User Guide, "AWS service principals").</summary>
    private static readonly string[] s_principalNamesThatAreNotPrefixes = ["ecs-tasks", "edgelambda", "spotfleet", "vpc-flow-logs", "replication", "monitoring"];

    /// <summary>
    /// PAC024. A service principal is usually the service's prefix followed by <c>.amazonaws.com</c> (IAM User Guide,
    /// "AWS JSON policy elements: Principal", service principals). Only the common one-label form is judged, and only
    /// when the label is no service prefix but is close to one, so a name the catalogue does not list is not reported
    /// unless it looks like a typo.
    /// </summary>
    private static void CheckServicePrincipals(RuleContext context, ServiceCatalogue catalogue, Statement statement, int i)
    {
        if (statement.Principal is not { } principal) return;
        for (int k = 0; k < principal.Ids.Count; k++)
        {
            var id = principal.Ids[k];
            if (id.Type != PrincipalType.Service) continue;
            string value = id.Value;
            string? domain = value.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase) ? ".amazonaws.com"
                : value.EndsWith(".amazonaws.com.cn", StringComparison.OrdinalIgnoreCase) ? ".amazonaws.com.cn" : null;
            if (domain is null) continue;
            string label = value.Substring(0, value.Length - domain.Length);
            if (label.Length == 0 || label.IndexOf('.') >= 0 || label.IndexOf('*') >= 0) continue;
            if (catalogue.TryGetService(label, out _) || s_principalNamesThatAreNotPrefixes.Contains(label, StringComparer.OrdinalIgnoreCase)) continue;
            var suggestions = catalogue.SuggestServices(label);
            if (suggestions.Count == 0) continue;
            string suggestion = suggestions[0] + value.Substring(label.Length);
            context.Report(PolicyRules.UnknownServicePrincipal, Locations.Principal(i, principal, k),
                $"The service principal {value} names no AWS service: there is no service {label}. Did you mean {suggestion}?", suggestion);
        }
    }

    /// <summary>
    /// PAC002, PAC003, PAC004. Returns the catalogue actions the statement's Action element covers, expanded when first
    /// asked for, or null when they cannot be known (NotAction, <c>*</c>, or a wildcard in a service prefix).
    /// </summary>
    internal static CoveredActions? CheckActions(RuleContext context, ServiceCatalogue catalogue, Statement statement, int i)
    {
        var element = statement.Action;
        var covered = element.IsNot ? null : new CoveredActions(catalogue);
        for (int k = 0; k < element.Values.Count; k++)
        {
            string value = element.Values[k];
            int colon = value.IndexOf(':');
            if (colon <= 0)
            {
                covered = null; // "*"
                continue;
            }
            string prefix = value.Substring(0, colon);
            string name = value.Substring(colon + 1);
            bool prefixHasWildcard = prefix.IndexOf('*') >= 0 || prefix.IndexOf('?') >= 0;
            bool nameHasWildcard = name.IndexOf('*') >= 0 || name.IndexOf('?') >= 0;
            var location = Locations.Action(i, element, k);
            if (!prefixHasWildcard && !catalogue.TryGetService(prefix, out _))
            {
                // Names AWS's own managed policies use are retired or undocumented, not typos: a warning of their own.
                if (UndocumentedActionNames.HasService(prefix))
                {
                    context.Report(PolicyRules.UnknownService, FindingSeverity.Warning, location,
                        $"The service {prefix} of the action {value} is not in the Service Authorization Reference but appears in AWS managed policies: it is retired or undocumented, and its actions may grant nothing.");
                    covered = null;
                    continue;
                }
                var suggestions = catalogue.SuggestServices(prefix);
                context.Report(PolicyRules.UnknownService, location,
                    $"The service {prefix} specified in the action {value} does not exist.{DidYouMean(suggestions)}",
                    suggestions.Select(s => s + ":" + name).ToArray());
                covered = null;
                continue;
            }
            if (!prefixHasWildcard && !nameHasWildcard)
            {
                if (catalogue.TryGetAction(value, out var action))
                {
                    covered?.Add(action);
                }
                else if (UndocumentedActionNames.HasAction(value))
                {
                    context.Report(PolicyRules.UnknownAction, FindingSeverity.Warning, location,
                        $"The action {value} is not in the Service Authorization Reference but appears in AWS managed policies: it is retired or undocumented, and may grant nothing.");
                }
                else
                {
                    var suggestions = catalogue.SuggestActions(prefix, name);
                    context.Report(PolicyRules.UnknownAction, location,
                        $"The action {value} does not exist in the service {prefix}.{DidYouMean(suggestions)}", [.. suggestions]);
                }
                continue;
            }
            // Only existence matters here; expanding every pattern of a large policy in full is left to the rules that
            // need the covered actions.
            var expanded = catalogue.ExpandAction(value);
            if (!expanded.Any())
            {
                context.Report(PolicyRules.WildcardMatchesNothing, location,
                    $"The pattern {value} matches no action{(prefixHasWildcard ? "" : $" of the service {prefix}")}; check it for typos (pac expand lists what a pattern covers).");
            }
            if (prefixHasWildcard) covered = null;
            else covered?.AddPattern(value);
        }
        return covered;
    }

    /// <summary>The actions a statement covers: named ones at once, wildcard patterns expanded on first use.</summary>
    internal sealed class CoveredActions(ServiceCatalogue catalogue)
    {
        private readonly List<ActionInfo> _named = [];
        private readonly List<string> _patterns = [];
        private List<ActionInfo>? _all;

        public void Add(ActionInfo action) => _named.Add(action);

        public void AddPattern(string pattern) => _patterns.Add(pattern);

        public bool IsEmpty => _named.Count == 0 && _patterns.Count == 0;

        public List<ActionInfo> All => _all ??= [.. _named, .. _patterns.SelectMany(catalogue.ExpandAction)];
    }

    /// <summary>PAC008, PAC009, PAC105.</summary>
    private static void CheckResources(RuleContext context, ServiceCatalogue catalogue, Statement statement, int i, CoveredActions? covered)
    {
        if (covered is null || covered.IsEmpty || statement.Resource is not { } resource) return;
        if (resource.IsNot) return;
        if (resource.Values.Contains("*"))
        {
            CheckWildcardResource(context, catalogue, statement, i, resource);
            return;
        }
        var actions = covered.All;
        var actionTypes = new HashSet<ResourceTypeInfo>(actions.SelectMany(a => a.ResourceTypes.Select(t => t.ResourceType)));
        var services = new HashSet<string>(actionTypes.Select(ServiceOfTemplate).Where(s => s is not null)!, StringComparer.Ordinal);
        if (actionTypes.Count == 0) return; // Actions without resource types take only "*"; AWS ignores ARNs for them.

        // Types whose template leaves the service open (backup's recoveryPoint, arn:${Partition}:${Vendor}:...) can be
        // resources of any service; they are tested against each ARN directly.
        var openTypes = actionTypes.Where(t => ServiceOfTemplate(t) is null).ToList();
        var fitting = new HashSet<ActionInfo>();
        for (int k = 0; k < resource.Values.Count; k++)
        {
            string arn = resource.Values[k];
            if (!ArnFields.TrySplit(arn, out var fields)) continue; // PAC007 reports it.
            fields.GetRange(arn, 2, out int ss, out int se);
            string service = arn.Substring(ss, se - ss);
            if (service.IndexOf('*') >= 0 || service.IndexOf('?') >= 0) continue;
            var openMatches = openTypes.Count == 0 ? openTypes : openTypes.Where(t => CanMatch(t, arn)).ToList();
            if (!services.Contains(service) && openMatches.Count == 0)
            {
                context.Report(PolicyRules.ResourceServiceMismatch, Locations.Resource(i, resource, k),
                    $"The resource {arn} is a {service} resource, but the statement's actions act on {DescribeServices(services, openTypes)}; no action of the statement applies to it.");
                continue;
            }
            // What the ARN is, by the types of its own service; a type of another service with an open template (which
            // matches almost any ARN) says nothing about it, except to the actions that act on that type.
            var types = catalogue.MatchResourceTypes(arn).Where(t => ServiceOfTemplate(t) == service).ToList();
            if (types.Count == 0 && openMatches.Count == 0) continue;
            bool any = false;
            foreach (var action in actions)
            {
                if (action.ResourceTypes.Any(t => types.Contains(t.ResourceType) || openMatches.Contains(t.ResourceType)))
                {
                    fitting.Add(action);
                    any = true;
                }
            }
            if (!any && types.Count > 0)
            {
                string expected = string.Join(" or ", actionTypes.Where(t => ServiceOfTemplate(t) == service).Select(t => $"{t.Name} ({t.ArnTemplate})").Distinct().Take(3));
                context.Report(PolicyRules.ResourceTypeMismatch, Locations.Resource(i, resource, k),
                    $"The resource {arn} is {Article(string.Join(" or ", types.Select(t => t.Name).Distinct()))}, but the statement's actions act on {expected}; they never apply to it.");
            }
        }
        // An action that fits none of the resources is granted nothing (reported per action when there are several).
        if (statement.Action.Values.Count > 1 && fitting.Count > 0)
        {
            for (int k = 0; k < statement.Action.Values.Count; k++)
            {
                if (catalogue.TryGetAction(statement.Action.Values[k], out var action) && action.ResourceTypes.Count > 0 && !fitting.Contains(action))
                {
                    context.Report(PolicyRules.ResourceTypeMismatch, Locations.Action(i, statement.Action, k),
                        $"{action.FullName} acts on {string.Join(" or ", action.ResourceTypes.Select(t => t.ResourceType.Name).Distinct())} resources, and none of the statement's resources is one; it grants nothing here.");
                }
            }
        }
    }

    /// <summary>
    /// PAC105: an Allow in an identity-based or session policy that grants, on <c>*</c>, actions for which AWS documents a
    /// required resource type, so every resource of that type is covered.
    /// </summary>
    private static void CheckWildcardResource(RuleContext context, ServiceCatalogue catalogue, Statement statement, int i, ResourceElement resource)
    {
        if (statement.Effect != Effect.Allow || context.Kind is not (PolicyKind.Identity or PolicyKind.SessionPolicy)) return;
        var scoped = new List<ActionInfo>();
        foreach (var value in statement.Action.Values)
        {
            if (value.IndexOf('*') >= 0 || value.IndexOf('?') >= 0) continue; // Wildcard grants are a choice already made.
            if (catalogue.TryGetAction(value, out var action) && action.ResourceTypes.Any(t => t.IsRequired)) scoped.Add(action);
        }
        if (scoped.Count == 0) return;
        int index = Array.IndexOf(resource.Values.Items, "*");
        string list = string.Join(", ", scoped.Take(3).Select(a => a.FullName)) + (scoped.Count > 3 ? ", ..." : "");
        var type = scoped[0].ResourceTypes.First(t => t.IsRequired).ResourceType;
        context.Report(PolicyRules.WildcardResourceForScopedAction, Locations.Resource(i, resource, index),
            $"Resource \"*\" grants {list} on every resource, though AWS lets you name them (e.g. {type.Name}: {type.ArnTemplate}). Name the resources the statement needs.");
    }

    /// <summary>PAC010, PAC011, PAC012.</summary>
    internal static void CheckConditions(RuleContext context, ServiceCatalogue catalogue, Statement statement, int i, CoveredActions? actions)
    {
        var conditions = statement.Conditions;
        HashSet<string>? supported = null;
        for (int c = 0; c < conditions.Count; c++)
        {
            var condition = conditions[c];
            if (IsIdentityProviderKey(condition.Key)) continue;
            if (!catalogue.TryGetConditionKey(condition.Key, out var key))
            {
                int colon = condition.Key.IndexOf(':');
                string prefix = colon > 0 ? condition.Key.Substring(0, colon) : condition.Key;
                var suggestions = catalogue.SuggestConditionKeys(condition.Key);
                context.Report(PolicyRules.UnknownConditionKey, Locations.ConditionKey(i, condition, c),
                    (catalogue.TryGetService(prefix, out _) || prefix.Equals("aws", StringComparison.OrdinalIgnoreCase)
                        ? $"The condition key {condition.Key} does not exist; the condition compares a key no request has."
                        : $"The condition key {condition.Key} does not exist: there is no service {prefix}; the condition compares a key no request has.")
                    + (suggestions.Count > 0 ? $" Did you mean {suggestions[0]}?" : ""),
                    suggestions.ToArray());
                continue;
            }
            if (!key.IsGlobal && actions is { IsEmpty: false })
            {
                supported ??= SupportedKeys(actions.All);
                if (!supported.Contains(key.Name))
                {
                    context.Report(PolicyRules.ConditionKeyNotSupported, Locations.ConditionKey(i, condition, c),
                        $"No action of the statement supports the condition key {condition.Key}, so requests for them never have it{(condition.Operator.IfExists || condition.Operator.IsNegated ? "" : " and the condition is always false")}.");
                }
            }
            CheckOperatorFits(context, condition, key, i, c);
        }
    }

    /// <summary>
    /// A key of an OIDC identity provider, named after the provider's host (IAM User Guide, "Available keys for AWS OIDC
    /// federation": <c>token.actions.githubusercontent.com:sub</c>, <c>accounts.google.com:aud</c>,
    /// <c>cognito-identity.amazonaws.com:amr</c>). The Service Authorization Reference does not list them, and no service
    /// prefix has a dot, so such a key is not judged against the catalogue.
    /// </summary>
    internal static bool IsIdentityProviderKey(string key)
    {
        int colon = key.IndexOf(':');
        return colon > 0 && key.LastIndexOf('.', colon - 1) >= 0;
    }

    private static HashSet<string> SupportedKeys(List<ActionInfo> actions)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var action in actions)
        {
            foreach (var key in action.ConditionKeys) keys.Add(key.Name);
            foreach (var type in action.ResourceTypes)
            {
                foreach (var key in type.ConditionKeys) keys.Add(key.Name);
                foreach (var key in type.ResourceType.ConditionKeys) keys.Add(key.Name);
            }
        }
        return keys;
    }

    /// <summary>
    /// PAC012. IAM User Guide, "Condition operators": each family compares one type. String operators also fit ARN keys,
    /// Numeric operators fit Date keys (epoch seconds, as for aws:EpochTime), and Null fits every key. ARN operators also
    /// fit String keys when every value is an ARN: a String key can carry an ARN (a tag value, or an encryption context
    /// entry such as kms:EncryptionContext:aws:logs:arn, which the CloudWatch Logs User Guide compares with ArnLike).
    /// </summary>
    private static void CheckOperatorFits(RuleContext context, Condition condition, ConditionKeyInfo key, int i, int c)
    {
        var family = condition.Operator.Family;
        var type = key.ElementType;
        bool fits = family switch
        {
            ConditionOperatorFamily.Null => true,
            ConditionOperatorFamily.String => type is ConditionKeyType.String or ConditionKeyType.Arn,
            ConditionOperatorFamily.Arn => type is ConditionKeyType.Arn
                || type is ConditionKeyType.String && condition.Values.Count > 0 && condition.Values.All(v => v.StartsWith("arn:", StringComparison.Ordinal)),
            ConditionOperatorFamily.Numeric => type is ConditionKeyType.Numeric or ConditionKeyType.Date,
            ConditionOperatorFamily.Date => type is ConditionKeyType.Date,
            ConditionOperatorFamily.Bool => type is ConditionKeyType.Bool,
            ConditionOperatorFamily.Binary => type is ConditionKeyType.Binary,
            _ => type is ConditionKeyType.IPAddress,
        };
        if (fits) return;
        string suggestion = SuggestedOperator(condition.Operator, type);
        string message = $"{condition.Operator.Name} compares {Family(family)}, but {key.Name} is {Article(type.ToAwsName())} key; use {Describe(type)} operator{(suggestion.Length > 0 ? $" such as {suggestion}" : "")}.";
        // AWS compares a Bool key's value as the text "true" or "false", so a string operator with those values works
        // (AWS managed policies do it, docs/validation-corpus.md): a warning. Any other value never matches: an error.
        bool works = family == ConditionOperatorFamily.String && type == ConditionKeyType.Bool && condition.Values.Count > 0
            && condition.Values.All(v => v is "true" or "false");
        if (works)
        {
            context.Report(PolicyRules.OperatorTypeMismatch, FindingSeverity.Warning, Locations.ConditionOperator(i, condition, c),
                message + " (It works, since AWS compares the text true or false, but Bool says what is meant.)",
                suggestion.Length > 0 ? [suggestion] : []);
            return;
        }
        context.Report(PolicyRules.OperatorTypeMismatch, Locations.ConditionOperator(i, condition, c), message,
            suggestion.Length > 0 ? [suggestion] : []);
    }

    private static string SuggestedOperator(ConditionOperator op, ConditionKeyType type)
    {
        string baseName = type switch
        {
            ConditionKeyType.String => op.IsNegated ? "StringNotEquals" : "StringEquals",
            ConditionKeyType.Arn => op.IsNegated ? "ArnNotLike" : "ArnLike",
            ConditionKeyType.Numeric => op.IsNegated ? "NumericNotEquals" : "NumericEquals",
            ConditionKeyType.Date => op.IsNegated ? "DateNotEquals" : "DateEquals",
            ConditionKeyType.Bool => "Bool",
            ConditionKeyType.IPAddress => op.IsNegated ? "NotIpAddress" : "IpAddress",
            ConditionKeyType.Binary => "BinaryEquals",
            _ => "",
        };
        if (baseName.Length == 0) return "";
        string prefix = op.Qualifier switch
        {
            SetQualifier.ForAllValues => "ForAllValues:",
            SetQualifier.ForAnyValue => "ForAnyValue:",
            _ => "",
        };
        return prefix + baseName + (op.IfExists ? "IfExists" : "");
    }

    private static string Family(ConditionOperatorFamily family) => family switch
    {
        ConditionOperatorFamily.String => "strings",
        ConditionOperatorFamily.Numeric => "numbers",
        ConditionOperatorFamily.Date => "dates",
        ConditionOperatorFamily.Bool => "booleans",
        ConditionOperatorFamily.Binary => "binary values",
        ConditionOperatorFamily.IpAddress => "IP addresses",
        ConditionOperatorFamily.Arn => "ARNs",
        _ => "key presence",
    };

    private static string Describe(ConditionKeyType type) => type switch
    {
        ConditionKeyType.String => "a String",
        ConditionKeyType.Numeric => "a Numeric",
        ConditionKeyType.Date => "a Date",
        ConditionKeyType.Bool => "the Bool",
        ConditionKeyType.Arn => "an ARN (or String)",
        ConditionKeyType.IPAddress => "an IP address",
        _ => "the BinaryEquals",
    };

    /// <summary>Whether some ARN fits both the template of <paramref name="type"/> and the policy ARN (which may have wildcards).</summary>
    private static bool CanMatch(ResourceTypeInfo type, string arn)
    {
        if (!ArnTemplateMatcher.TryTokenizeArn(arn, out var tokens, out _)) return false;
        var rows = new int[4][];
        for (int r = 0; r < rows.Length; r++) rows[r] = new int[tokens.Length + 1];
        return type.Template.Match(tokens, rows, out _, out _);
    }

    private static string DescribeServices(HashSet<string> services, List<ResourceTypeInfo> openTypes)
    {
        var parts = new List<string>();
        if (services.Count > 0) parts.Add(Join(services) + " resources");
        parts.AddRange(openTypes.Select(t => $"{t.Name} ({t.ArnTemplate})").Distinct());
        return string.Join(" and ", parts);
    }

    /// <summary>The service of an ARN template (its third field), or null when it is a placeholder.</summary>
    private static string? ServiceOfTemplate(ResourceTypeInfo type)
    {
        var parts = type.ArnTemplate.Split(':');
        return parts.Length > 2 && parts[2].IndexOf('$') < 0 ? parts[2] : null;
    }

    private static string DidYouMean(IReadOnlyList<string> suggestions)
        => suggestions.Count == 0 ? "" : $" Did you mean {string.Join(" or ", suggestions)}?";

    private static string Join(IEnumerable<string> items) => string.Join(", ", items.OrderBy(s => s, StringComparer.Ordinal));

    private static string Article(string noun) => GrammarRules.Article(noun);
}
