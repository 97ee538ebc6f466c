namespace PolicyAsCode.Catalogue;

/// <summary>
/// Finds the resource types an ARN can be: the candidates are the types whose ARN template has the ARN's service field,
/// each tested with <see cref="ArnTemplateMatcher"/>; <see cref="Match"/> then keeps the most specific.
/// </summary>
internal sealed class ResourceTypeIndex
{
    private readonly Dictionary<string, ResourceTypeInfo[]> _byServiceField;
    private readonly ResourceTypeInfo[] _anyServiceField;

    public ResourceTypeIndex(ServiceInfo[] services)
    {
        var byField = new Dictionary<string, List<ResourceTypeInfo>>(StringComparer.Ordinal);
        var any = new List<ResourceTypeInfo>();
        foreach (var service in services)
        {
            foreach (var type in service.ResourceTypes)
            {
                if (type.Template.ServiceField is not { } field)
                {
                    any.Add(type);
                    continue;
                }
                if (!byField.TryGetValue(field, out var list)) byField.Add(field, list = new List<ResourceTypeInfo>());
                list.Add(type);
            }
        }
        _byServiceField = new Dictionary<string, ResourceTypeInfo[]>(byField.Count, StringComparer.Ordinal);
        foreach (var pair in byField) _byServiceField.Add(pair.Key, pair.Value.ToArray());
        _anyServiceField = any.ToArray();
    }

    /// <summary>
    /// The rule (docs/formats/catalogue.md, "Matching ARNs to resource types"): among the types whose template can match,
    /// keep the definite matches with the highest score, and the possible-only matches scoring at least as high.
    /// </summary>
    public IReadOnlyList<ResourceTypeInfo> Match(string arn)
    {
        if (!ArnTemplateMatcher.TryTokenizeArn(arn, out var tokens, out string? serviceField)) return Array.Empty<ResourceTypeInfo>();

        var candidates = new List<ResourceTypeInfo>();
        if (serviceField is not null)
        {
            if (_byServiceField.TryGetValue(serviceField, out var sameService)) candidates.AddRange(sameService);
        }
        else
        {
            var servicePattern = ServicePattern(arn);
            foreach (var pair in _byServiceField)
            {
                if (servicePattern is null || servicePattern.IsMatch(pair.Key)) candidates.AddRange(pair.Value);
            }
        }
        candidates.AddRange(_anyServiceField);

        var rows = new int[4][];
        for (int r = 0; r < rows.Length; r++) rows[r] = new int[tokens.Length + 1];
        var matches = MatchAll(candidates, tokens, rows, accountMayBeEmpty: false, out int bestDefinite);
        // AWS-owned resources (SSM's AWS-* documents and public parameters, ...) have ARNs without an account, which
        // templates write as ${Account}; when no type of the ARN's own service matches such an ARN, let the account
        // placeholder be empty. Only then: an account-less ARN of a type that always has an account (an S3 object
        // arn:aws:s3:::b/k is no multi-Region access point) keeps the types it matches as written.
        if (serviceField is not null && HasEmptyAccount(arn) && !matches.Exists(m => m.Type.Template.ServiceField == serviceField))
        {
            matches = MatchAll(candidates, tokens, rows, accountMayBeEmpty: true, out bestDefinite);
        }

        var kept = new List<ResourceTypeInfo>();
        foreach (var (type, definite, any) in matches)
        {
            if (definite >= 0 ? definite == bestDefinite : any >= bestDefinite) kept.Add(type);
        }
        kept.Sort((a, b) => string.CompareOrdinal(a.Service.Prefix, b.Service.Prefix) is var c && c != 0 ? c : string.CompareOrdinal(a.Name, b.Name));
        return kept.ToArray();
    }

    private static List<(ResourceTypeInfo Type, int Definite, int Any)> MatchAll(
        List<ResourceTypeInfo> candidates, ArnToken[] tokens, int[][] rows, bool accountMayBeEmpty, out int bestDefinite)
    {
        var matches = new List<(ResourceTypeInfo Type, int Definite, int Any)>();
        bestDefinite = -1;
        foreach (var type in candidates)
        {
            var template = accountMayBeEmpty ? type.TemplateWithoutAccount : type.Template;
            if (!template.Match(tokens, rows, out int definite, out int any)) continue;
            matches.Add((type, definite, any));
            if (definite > bestDefinite) bestDefinite = definite;
        }
        return matches;
    }

    // Whether the ARN's fifth field (the account) is written and empty: arn:aws:ssm:us-east-1::document/NAME.
    private static bool HasEmptyAccount(string arn)
    {
        int at = -1;
        for (int k = 0; k < 4; k++)
        {
            at = arn.IndexOf(':', at + 1);
            if (at < 0) return false;
        }
        return at + 1 < arn.Length && arn[at + 1] == ':';
    }

    // The ARN's third field as a glob (it has wildcards, or the ARN ends inside it); null to consider every service.
    private static GlobPattern? ServicePattern(string arn)
    {
        int c1 = arn.IndexOf(':');
        int c2 = c1 < 0 ? -1 : arn.IndexOf(':', c1 + 1);
        if (c2 < 0) return null;
        int c3 = arn.IndexOf(':', c2 + 1);
        string field = c3 < 0 ? arn.Substring(c2 + 1) : arn.Substring(c2 + 1, c3 - c2 - 1);
        if (PolicyVariables.ContainsVariable(field)) return null;
        return GlobPattern.Compile(field, wildcards: true, variables: false, ignoreCase: false);
    }
}
