using System.Globalization;

namespace PolicyAsCode.Rules;

/// <summary>
/// The policy grammar rules that depend on the policy kind (IAM User Guide: "Grammar of the IAM JSON policy language",
/// the policy element pages, and "IAM and AWS STS quotas").
/// </summary>
internal static class GrammarRules
{
    /// <summary>The actions a trust policy may allow (IAM User Guide, "Roles terms and concepts": trust policy).</summary>
    internal static readonly string[] TrustActions =
        ["sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity", "sts:TagSession", "sts:SetSourceIdentity", "sts:SetContext"];

    /// <summary>Every STS action, for trust-policy wildcards when no catalogue is at hand.</summary>
    private static readonly string[] s_stsActions =
    [
        "sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoot",
        "sts:DecodeAuthorizationMessage", "sts:GetAccessKeyInfo", "sts:GetCallerIdentity", "sts:GetFederationToken",
        "sts:GetServiceBearerToken", "sts:GetSessionToken", "sts:GetWebIdentityToken", "sts:SetContext",
        "sts:SetSourceIdentity", "sts:TagSession",
    ];

    public static void Check(RuleContext context)
    {
        var document = context.Document;
        CheckVersion(context);
        CheckSize(context);
        var statements = document.Statements;
        for (int i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            CheckPrincipal(context, statement, i);
            CheckResourceElement(context, statement, i);
            CheckSid(context, statement, i);
            if (context.Kind == PolicyKind.Trust && statement.Effect == Effect.Allow) CheckTrustActions(context, statement, i);
            if (statement.Resource is { } resource) CheckArns(context, resource, i);
            if (!document.SupportsPolicyVariables) CheckVariablesNeedVersion(context, statement, i);
            if (context.Kind == PolicyKind.ResourceControlPolicy) CheckResourceControlPolicy(context, statement, i);
        }
        if (context.Kind == PolicyKind.ResourceControlPolicy && document.Version != PolicyDocument.Version2012)
        {
            context.Report(PolicyRules.ResourceControlPolicyGrammar, document.Version is null ? PolicyLocation.Document : Locations.Version(),
                "A resource control policy must have \"Version\": \"2012-10-17\" (AWS Organizations User Guide, \"RCP syntax\"); add it.",
                PolicyDocument.Version2012);
        }
    }

    /// <summary>
    /// PAC025. AWS Organizations User Guide, "RCP syntax": an RCP denies (Allow is supported only in the
    /// <c>RCPFullAWSAccess</c> policy AWS attaches), its Principal is <c>"*"</c> (conditions narrow it), and it has no
    /// NotPrincipal and no NotAction.
    /// </summary>
    private static void CheckResourceControlPolicy(RuleContext context, Statement statement, int i)
    {
        if (statement.Effect == Effect.Allow && !IsFullAccess(statement))
        {
            context.Report(PolicyRules.ResourceControlPolicyGrammar, Locations.Effect(i),
                "A resource control policy can only deny: \"Effect\": \"Allow\" is supported only in RCPFullAWSAccess, which AWS attaches everywhere. Write the restriction as a Deny with conditions.",
                "Deny");
        }
        if (statement.Principal is { } principal)
        {
            if (principal.IsNot)
            {
                context.Report(PolicyRules.ResourceControlPolicyGrammar, Locations.PrincipalElement(i, principal),
                    "NotPrincipal is not supported in a resource control policy; use \"Principal\": \"*\" with a condition on aws:PrincipalArn, aws:PrincipalAccount or aws:PrincipalOrgID.");
            }
            else if (!(principal.IsWildcard || principal.Ids.Count == 1 && principal.Ids[0].Type == PrincipalType.Aws && principal.Ids[0].Value == "*"))
            {
                context.Report(PolicyRules.ResourceControlPolicyGrammar, Locations.PrincipalElement(i, principal),
                    "The Principal of a resource control policy must be \"*\"; narrow who the statement applies to with conditions such as aws:PrincipalOrgID or aws:PrincipalAccount.",
                    "*");
            }
        }
        if (statement.Action.IsNot)
        {
            context.Report(PolicyRules.ResourceControlPolicyGrammar, Locations.ActionElement(i, statement.Action),
                "NotAction is not supported in a resource control policy; list the actions the statement denies with Action.");
        }
    }

    /// <summary>The statement of RCPFullAWSAccess: Allow, Principal *, Action *, Resource *, no condition.</summary>
    private static bool IsFullAccess(Statement statement)
        => statement.Principal is { IsNot: false, IsWildcard: true } && !statement.Action.IsNot && statement.Action.Values.Count == 1
            && statement.Action.Values[0] == "*" && statement.Resource is { IsNot: false } resource && resource.Values.Count == 1
            && resource.Values[0] == "*" && statement.Conditions.Count == 0;

    private static void CheckVersion(RuleContext context)
    {
        string? version = context.Document.Version;
        if (version is null)
        {
            context.Report(PolicyRules.MissingVersion, PolicyLocation.Document,
                "The policy has no Version, so AWS applies the 2008-10-17 language, in which policy variables are literal text. Add \"Version\": \"2012-10-17\".",
                PolicyDocument.Version2012);
        }
        else if (version == PolicyDocument.Version2008)
        {
            context.Report(PolicyRules.MissingVersion, Locations.Version(),
                "Version 2008-10-17 is the old policy language, in which policy variables are literal text. Use \"2012-10-17\".",
                PolicyDocument.Version2012);
        }
    }

    private static void CheckSize(RuleContext context)
    {
        var (quota, what) = context.Kind switch
        {
            PolicyKind.Trust => (context.Options.TrustPolicyQuota, "a role trust policy"),
            PolicyKind.ServiceControlPolicy => (5120, "a service control policy"),
            PolicyKind.ResourceControlPolicy => (5120, "a resource control policy"),
            PolicyKind.SessionPolicy => (2048, "a session policy"),
            PolicyKind.PermissionsBoundary => (6144, "a managed policy (permissions boundary)"),
            PolicyKind.Identity => context.Options.Container switch
            {
                PolicyContainer.UserInline => (2048, "the inline policies of a user"),
                PolicyContainer.GroupInline => (5120, "the inline policies of a group"),
                PolicyContainer.RoleInline => (10240, "the inline policies of a role"),
                _ => (6144, "a customer managed policy"),
            },
            _ => (0, ""),
        };
        if (quota == 0) return;
        int size = PolicySize.Of(context.Document);
        if (size > quota)
        {
            context.Report(PolicyRules.SizeQuota, PolicyLocation.Document,
                $"The policy is {size.ToString("N0", CultureInfo.InvariantCulture)} characters without whitespace; AWS allows {quota.ToString("N0", CultureInfo.InvariantCulture)} for {what}. Use wildcards, split it into several policies, or remove statements.");
        }
    }

    private static void CheckPrincipal(RuleContext context, Statement statement, int i)
    {
        var principal = statement.Principal;
        if (principal is not null && context.Kind.IsIdentityBased())
        {
            context.Report(PolicyRules.PrincipalInIdentityPolicy, Locations.PrincipalElement(i, principal),
                $"{principal.ElementName} is not allowed in {Article(context.Kind.DisplayName())}: such a policy applies to whoever it is attached to, so it names no principals. Only resource-based policies name principals; remove {principal.ElementName}, or make this a resource-based policy.");
            return;
        }
        if (principal is null)
        {
            if (context.Kind.RequiresPrincipal())
            {
                context.Report(PolicyRules.MissingPrincipal, Locations.Statement(i),
                    $"The statement names no principal; every statement of {Article(context.Kind.DisplayName())} needs Principal (who the statement applies to).");
            }
            return;
        }
        if (principal.IsNot && (context.Kind == PolicyKind.Trust || statement.Effect == Effect.Allow))
        {
            context.Report(PolicyRules.NotPrincipalNotAllowed, Locations.PrincipalElement(i, principal),
                context.Kind == PolicyKind.Trust
                    ? "NotPrincipal is not allowed in a role trust policy; name the principals that may assume the role with Principal."
                    : "NotPrincipal with \"Effect\": \"Allow\" grants to everyone not listed, including anonymous callers; AWS rejects it for most services. Use Principal, or Deny with a condition on aws:PrincipalArn.");
        }
        for (int k = 0; k < principal.Ids.Count; k++)
        {
            if (PrincipalProblem(principal.Ids[k]) is { } problem)
            {
                context.Report(PolicyRules.MalformedPrincipal, Locations.Principal(i, principal, k), problem);
            }
        }
    }

    /// <summary>IAM User Guide, "AWS JSON policy elements: Principal".</summary>
    private static string? PrincipalProblem(PrincipalId id)
    {
        string value = id.Value;
        switch (id.Type)
        {
            case PrincipalType.Aws:
                if (value == "*" || Arn.IsAccountId(value)) return null;
                if (value.IndexOf('*') >= 0 || value.IndexOf('?') >= 0)
                {
                    return $"'{value}': a principal cannot use a wildcard to match part of a name or ARN; use \"*\" with a condition on aws:PrincipalArn instead.";
                }
                if (IsDigits(value)) return $"'{value}' is not an account id: account ids have 12 digits.";
                if (!Arn.TryParse(value, out var arn, out var error)) return $"'{value}' is not an account id or principal ARN: {error}";
                if (!Arn.IsAccountId(arn!.Account))
                {
                    return $"'{value}' has no 12-digit account id; principal ARNs name the account, e.g. arn:aws:iam::111122223333:role/NAME.";
                }
                if (arn.Service == "iam")
                {
                    if (arn.Resource == "root" || arn.Resource.StartsWith("user/", StringComparison.Ordinal)
                        || arn.Resource.StartsWith("role/", StringComparison.Ordinal)) return null;
                    return $"'{value}' is not a principal: IAM principals are account root, user and role ARNs (groups and instance profiles cannot be principals).";
                }
                if (arn.Service == "sts")
                {
                    var parts = arn.Resource.Split('/');
                    if (parts.Length == 3 && parts[0] == "assumed-role" || parts.Length == 2 && parts[0] == "federated-user") return null;
                    return $"'{value}' is not a principal: STS principals are arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION and arn:aws:sts::ACCOUNT:federated-user/NAME.";
                }
                return $"'{value}' is not an IAM or STS principal ARN.";
            case PrincipalType.Service:
                return value.IndexOf('.') > 0 && value.IndexOf('*') < 0 && value.IndexOf(':') < 0
                    ? null : $"'{value}' is not a service principal; service principals look like lambda.amazonaws.com.";
            case PrincipalType.Federated:
                if (value.StartsWith("arn:", StringComparison.Ordinal))
                {
                    return Arn.TryParse(value, out var provider, out _) && provider!.Service == "iam"
                        && (provider.Resource.StartsWith("oidc-provider/", StringComparison.Ordinal) || provider.Resource.StartsWith("saml-provider/", StringComparison.Ordinal))
                        ? null : $"'{value}' is not an identity provider ARN (arn:aws:iam::ACCOUNT:oidc-provider/HOST or saml-provider/NAME).";
                }
                return value.IndexOf('.') > 0 && value.IndexOf('*') < 0 ? null
                    : $"'{value}' is not a federated principal: use an OIDC or SAML provider ARN, or cognito-identity.amazonaws.com, accounts.google.com, graph.facebook.com or www.amazon.com.";
            default:
                return value.Length == 64 && IsHex(value) ? null : $"'{value}' is not a canonical user id (64 hexadecimal characters).";
        }
    }

    private static void CheckResourceElement(RuleContext context, Statement statement, int i)
    {
        if (statement.Resource is null && (context.Kind.IsIdentityBased() || context.Kind == PolicyKind.ResourceControlPolicy))
        {
            context.Report(PolicyRules.ResourceElement, Locations.Statement(i),
                $"The statement has no Resource; every statement of {Article(context.Kind.DisplayName())} needs Resource or NotResource (use \"*\" for all resources).", "*");
        }
        else if (statement.Resource is { } resource && context.Kind == PolicyKind.Trust)
        {
            context.Report(PolicyRules.ResourceElement, Locations.ResourceElement(i, resource),
                $"{resource.ElementName} is not allowed in a role trust policy: the resource is the role itself. Remove it.");
        }
    }

    private static void CheckSid(RuleContext context, Statement statement, int i)
    {
        // IAM accepts only ASCII letters and digits in Sid; some resource-based policies (S3, SNS) accept more.
        if (statement.Sid is not { } sid || context.Kind == PolicyKind.Resource) return;
        foreach (char c in sid)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'))
            {
                string suggestion = new string(sid.Where(ch => ch is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9').ToArray());
                context.Report(PolicyRules.InvalidSid, Locations.Sid(i),
                    $"The Sid '{sid}' has the character '{c}'; IAM accepts only letters A-Z, a-z and digits 0-9 in a Sid.",
                    suggestion.Length > 0 ? [suggestion] : []);
                return;
            }
        }
    }

    private static void CheckTrustActions(RuleContext context, Statement statement, int i)
    {
        var action = statement.Action;
        if (action.IsNot)
        {
            context.Report(PolicyRules.TrustPolicyAction, Locations.ActionElement(i, action),
                "NotAction is not meaningful in a role trust policy; list the role-assumption actions with Action (sts:AssumeRole, sts:AssumeRoleWithWebIdentity, sts:AssumeRoleWithSAML, sts:TagSession, sts:SetSourceIdentity, sts:SetContext).");
            return;
        }
        for (int k = 0; k < action.Values.Count; k++)
        {
            string value = action.Values[k];
            var pattern = GlobPattern.Compile(value, wildcards: true, variables: false, ignoreCase: true);
            if (!pattern.HasWildcards && TrustActions.Contains(value, StringComparer.OrdinalIgnoreCase)) continue;
            string what;
            if (pattern.HasWildcards && value.StartsWith("sts:", StringComparison.OrdinalIgnoreCase))
            {
                var bad = StsActions(context).Where(a => pattern.IsMatch(a) && !TrustActions.Contains(a, StringComparer.OrdinalIgnoreCase)).ToList();
                if (bad.Count == 0) continue;
                what = $"'{value}' covers {string.Join(", ", bad.Take(3))}{(bad.Count > 3 ? ", ..." : "")}, which";
            }
            else
            {
                // A wildcard outside sts: (or "*") covers actions of other services, which a trust policy cannot grant.
                what = $"'{value}'";
            }
            context.Report(PolicyRules.TrustPolicyAction, Locations.Action(i, action, k),
                $"{what} cannot be granted by a role trust policy; it allows only sts:AssumeRole, sts:AssumeRoleWithWebIdentity, sts:AssumeRoleWithSAML, sts:TagSession, sts:SetSourceIdentity and sts:SetContext. Grant other actions in a permissions policy.",
                "sts:AssumeRole");
        }
    }

    private static IEnumerable<string> StsActions(RuleContext context)
    {
        if (context.Options.Catalogue is { } catalogue && catalogue.TryGetService("sts", out var sts))
        {
            return sts!.Actions.Select(a => a.FullName);
        }
        return s_stsActions;
    }

    /// <summary>IAM User Guide, "IAM JSON policy elements: Resource" and "IAM identifiers" (ARN format). PAC007, PAC021.</summary>
    internal static void CheckArns(RuleContext context, ResourceElement resource, int i)
    {
        for (int k = 0; k < resource.Values.Count; k++)
        {
            string value = resource.Values[k];
            if (value == "*") continue;
            if (ArnProblem(value, context.Options.Catalogue, out bool accepted) is { } problem)
            {
                // AWS's own managed policies put variables in the account field, so AWS accepts them there (docs/validation-corpus.md).
                if (accepted) context.Report(PolicyRules.MalformedArn, FindingSeverity.Warning, Locations.Resource(i, resource, k), problem);
                else context.Report(PolicyRules.MalformedArn, Locations.Resource(i, resource, k), problem);
                continue;
            }
            if (NeverMatches(value, context.Options.Catalogue, out string? suggestion) is { } never)
            {
                context.Report(PolicyRules.ArnNeverMatches, Locations.Resource(i, resource, k), never, suggestion is null ? [] : [suggestion]);
            }
        }
    }

    internal static string? ArnProblem(string value) => ArnProblem(value, null, out _);

    /// <summary>
    /// What is wrong with a resource ARN, or null. <paramref name="accepted"/> says AWS accepts it nonetheless (a policy
    /// variable outside the resource part, which AWS's managed policies use).
    /// </summary>
    internal static string? ArnProblem(string value, Catalogue.ServiceCatalogue? catalogue, out bool accepted)
    {
        accepted = false;
        if (!ArnFields.TrySplit(value, out var fields, out var error))
        {
            // "If the * wildcard is the last character of a resource ARN segment, it can expand to match beyond the colon
            // boundaries", so arn:aws:logs:* stands for arn:aws:logs:*:*:*; check that, quoting the value as written.
            if (!value.StartsWith("arn:", StringComparison.Ordinal) || !value.EndsWith("*", StringComparison.Ordinal))
            {
                return error + " AWS rejects it: a resource must be in ARN format or \"*\"." + ShapeHint(value, catalogue);
            }
            string expanded = value;
            while (!ArnFields.TrySplit(expanded, out _)) expanded += ":*";
            return ArnProblem(expanded, catalogue, out accepted)?.Replace($"'{expanded}'", $"'{value}'");
        }
        fields.GetRange(value, 1, out int ps, out int pe);
        string partition = value.Substring(ps, pe - ps);
        if (partition.Length == 0) return $"'{value}' has an empty partition; use aws (or aws-cn, aws-us-gov).";
        if (!IsNamePattern(partition)) return $"'{value}' has the partition '{partition}'; partitions are lowercase, e.g. aws, aws-cn, aws-us-gov.";
        fields.GetRange(value, 2, out int ss, out int se);
        string service = value.Substring(ss, se - ss);
        if (service.Length == 0) return $"'{value}' has an empty service field (e.g. s3, iam).";
        if (service.IndexOf('*') >= 0 || service.IndexOf('?') >= 0) return $"'{value}' has a wildcard in the service field; AWS does not allow wildcards there. Name the service, e.g. arn:aws:s3:::*.";
        if (!IsNamePattern(service)) return $"'{value}' has the service '{service}'; service names are lowercase, e.g. s3, iam, dynamodb.";
        for (int f = 1; f <= 4; f++)
        {
            fields.GetRange(value, f, out int s, out int e);
            if (value.IndexOf("${", s, e - s, StringComparison.Ordinal) >= 0)
            {
                accepted = true;
                return $"'{value}' has a policy variable outside the resource part; the IAM User Guide documents variables only after the fifth colon, so whether AWS replaces it there is undocumented (AWS accepts such policies). Name the field, or use a wildcard.";
            }
        }
        fields.GetRange(value, 3, out int regionStart, out int regionEnd);
        string region = value.Substring(regionStart, regionEnd - regionStart);
        if (!region.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '*' or '?'))
        {
            return $"'{value}' has the region '{region}'; regions are codes such as us-east-1 (or empty), so AWS rejects it: a resource must be in ARN format or \"*\"." + ShapeHint(value, catalogue);
        }
        fields.GetRange(value, 4, out int accountStart, out int accountEnd);
        string account = value.Substring(accountStart, accountEnd - accountStart);
        bool accountPattern = account.IndexOf('*') >= 0 || account.IndexOf('?') >= 0;
        if (account.Length > 0 && account != "aws" && !(accountPattern ? account.All(c => c is >= '0' and <= '9' or '*' or '?') : Arn.IsAccountId(account)))
        {
            return $"'{value}' has the account id '{account}'; account ids have 12 digits." + ShapeHint(value, catalogue);
        }
        if (fields.ResourceStart == value.Length) return $"'{value}' has an empty resource part (after the fifth colon), so it matches no resource; use * for all resources.";
        return null;
    }

    /// <summary>What ARNs of the service written after <c>arn:partition:</c> look like, for a malformed one.</summary>
    private static string ShapeHint(string value, Catalogue.ServiceCatalogue? catalogue)
    {
        var parts = value.Split(':');
        if (parts.Length < 3) return "";
        string service = parts[2];
        if (service == "s3") return " S3 bucket and object ARNs have empty region and account fields: arn:aws:s3:::bucket/key (arn:aws:s3:::bucket for the bucket).";
        if (catalogue is null || !catalogue.TryGetService(service, out var info)) return "";
        var template = info.ResourceTypes.Select(t => t.ArnTemplate).FirstOrDefault();
        return template is null ? "" : $" {service} ARNs look like {template.Replace("${Partition}", parts[1].Length > 0 ? parts[1] : "aws")}.";
    }

    /// <summary>
    /// PAC021. ARNs are matched case-sensitively (IAM User Guide, "IAM JSON policy elements: Resource"), and region codes
    /// are lowercase; and an ARN with a region or account where every resource type of its service has none (S3 buckets
    /// and objects, Route 53 hosted zones, IAM's region) names no resource. Judged against the catalogue: the ARN fits no
    /// resource type of its service, but does with the region and account emptied.
    /// </summary>
    internal static string? NeverMatches(string value, Catalogue.ServiceCatalogue? catalogue, out string? suggestion)
    {
        suggestion = null;
        if (!ArnFields.TrySplit(value, out var fields)) return null;
        fields.GetRange(value, 3, out int rs, out int re);
        string region = value.Substring(rs, re - rs);
        if (region.Any(c => c is >= 'A' and <= 'Z'))
        {
            suggestion = value.Substring(0, rs) + region.ToLowerInvariant() + value.Substring(re);
            return $"'{value}' has the region '{region}'; region codes are lowercase (us-east-1) and ARNs are compared case-sensitively, so it never matches. Use {region.ToLowerInvariant()}.";
        }
        if (catalogue is null) return null;
        fields.GetRange(value, 4, out int accountStart, out int accountEnd);
        string account = value.Substring(accountStart, accountEnd - accountStart);
        if (region.Length == 0 && account.Length == 0) return null;
        if (HasWildcard(region) || HasWildcard(account) || PolicyVariables.ContainsVariable(value)) return null;
        fields.GetRange(value, 2, out int ss, out int se);
        string service = value.Substring(ss, se - ss);
        if (!catalogue.TryGetService(service, out var info) || info.ResourceTypes.Count == 0) return null;
        if (catalogue.MatchResourceTypes(value).Any(t => SameService(t, service))) return null;
        // Empty the fields no template of the service has (IAM keeps its account); when every field is used by some type
        // (S3 access points have both), empty both, as for buckets and objects.
        bool regionNever = region.Length > 0 && info.ResourceTypes.All(t => TemplateField(t, 3).Length == 0);
        bool accountNever = account.Length > 0 && info.ResourceTypes.All(t => TemplateField(t, 4).Length == 0);
        bool emptyRegion = region.Length > 0 && (regionNever || !accountNever);
        bool emptyAccount = account.Length > 0 && (accountNever || !regionNever);
        string candidate = value.Substring(0, rs) + (emptyRegion ? "" : region) + ":" + (emptyAccount ? "" : account) + value.Substring(accountEnd);
        var fits = catalogue.MatchResourceTypes(candidate).Where(t => SameService(t, service)).ToList();
        if (fits.Count == 0) return null;
        suggestion = candidate;
        string what = emptyRegion && emptyAccount ? "region or account" : emptyRegion ? "region" : "account";
        string fieldsNamed = emptyRegion && emptyAccount ? "a region and an account" : emptyRegion ? "a region" : "an account";
        var type = fits[0];
        return $"'{value}' has {fieldsNamed}, but {service} {type.Name} ARNs have no {what} ({type.ArnTemplate}), so it never matches. Use {candidate}.";
    }

    private static bool SameService(Catalogue.ResourceTypeInfo type, string service) => TemplateField(type, 2) == service;

    /// <summary>Field <paramref name="index"/> of a type's ARN template (2 = service, 3 = region, 4 = account).</summary>
    private static string TemplateField(Catalogue.ResourceTypeInfo type, int index)
    {
        var parts = type.ArnTemplate.Split(':');
        return parts.Length > index ? parts[index] : "";
    }

    private static bool HasWildcard(string text) => text.IndexOf('*') >= 0 || text.IndexOf('?') >= 0;

    private static void CheckVariablesNeedVersion(RuleContext context, Statement statement, int i)
    {
        string version = context.Document.Version is null ? "no Version, so AWS applies 2008-10-17" : $"Version {context.Document.Version}";
        if (statement.Resource is { } resource)
        {
            for (int k = 0; k < resource.Values.Count; k++)
            {
                if (PolicyVariables.ContainsVariable(resource.Values[k]))
                {
                    context.Report(PolicyRules.VariablesNeedVersion2012, Locations.Resource(i, resource, k),
                        $"'{resource.Values[k]}' uses a policy variable, but the policy has {version}, where ${{...}} is literal text. Set \"Version\": \"2012-10-17\".");
                }
            }
        }
        var conditions = statement.Conditions;
        for (int c = 0; c < conditions.Count; c++)
        {
            if (!conditions[c].Operator.SupportsPolicyVariables) continue;
            var values = conditions[c].Values;
            for (int v = 0; v < values.Count; v++)
            {
                if (PolicyVariables.ContainsVariable(values[v]))
                {
                    context.Report(PolicyRules.VariablesNeedVersion2012, Locations.ConditionValue(i, conditions[c], c, v),
                        $"'{values[v]}' uses a policy variable, but the policy has {version}, where ${{...}} is literal text. Set \"Version\": \"2012-10-17\".");
                }
            }
        }
    }

    // "an ARN", "an IPAddress"; "a user", "a userpool" (resource types beginning with u mostly sound like "you").
    internal static string Article(string noun) => (char.ToLowerInvariant(noun[0]) is 'a' or 'e' or 'i' or 'o' ? "an " : "a ") + noun;

    private static bool IsNamePattern(string value) => value.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '*' or '?');

    private static bool IsDigits(string value) => value.Length > 0 && value.All(c => c is >= '0' and <= '9');

    private static bool IsHex(string value) => value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F');
}
