using System.Collections.Generic;

namespace PolicyAsCode.Analysis;

public static partial class PolicyAnalysis
{
    /// <summary>
    /// The keys whose values belong to the resource owner's zone of trust: its organization (and its paths), its
    /// accounts, the source ARNs and owners of its resources, its VPCs and endpoints. IAM Access Analyzer treats a
    /// condition on them, with the owner's values, as limiting access to that zone (IAM User Guide, "IAM Access Analyzer
    /// findings"; Amazon S3's meaning of "public": fixed values of aws:SourceArn, aws:SourceVpc, aws:SourceVpce,
    /// aws:SourceOwner, aws:SourceAccount, aws:userid). <c>aws:SourceIp</c> is handled apart (<see cref="ZoneOfTrust"/>).
    /// </summary>
    internal static readonly string[] ZoneOfTrustKeys =
    [
        "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:SourceAccount", "aws:SourceOwner", "aws:SourceArn",
        "aws:SourceOrgID", "aws:SourceOrgPaths", "aws:SourceVpc", "aws:SourceVpce", "aws:SourceVpcArn",
        "aws:VpceAccount", "aws:VpceOrgID", "aws:VpceOrgPaths", "aws:userid",
    ];

    /// <summary>
    /// Whether a request presents a value of the owner's zone of trust, which no outside caller can: a value equal
    /// (ignoring case) to one the policy names without wildcards for that key; for an organization path, one under a
    /// path whose organization id is named exactly (<c>o-a1b2c3/r-ab12/*</c>); for a source ARN, one in an account a
    /// source ARN pattern names exactly; for <c>aws:SourceIp</c>, an address in a CIDR block the policy names that is no
    /// wider than /8 (IPv4) or /32 (IPv6), which S3 counts as limiting access to a set of addresses (a wider block, such
    /// as 0.0.0.0/0, is public).
    /// </summary>
    private static Func<Request, bool> ZoneOfTrust(PolicyDocument policy)
    {
        var exact = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        var organizations = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        var sourceAccounts = new HashSet<string>(StringComparer.Ordinal);
        var networks = new List<IpRange>();
        foreach (var statement in policy.Statements.Items)
        {
            foreach (var condition in statement.Conditions.Items)
            {
                if (string.Equals(condition.Key, "aws:SourceIp", StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var value in condition.Values.Items)
                    {
                        if (IpRange.TryParse(value, out var range) && range.PrefixLength >= (value.IndexOf(':') >= 0 ? 32 : 8)) networks.Add(range);
                    }
                    continue;
                }
                string? key = Array.Find(ZoneOfTrustKeys, k => string.Equals(k, condition.Key, StringComparison.OrdinalIgnoreCase));
                if (key is null) continue;
                foreach (var value in condition.Values.Items)
                {
                    if (value.IndexOf("${", StringComparison.Ordinal) >= 0) continue;
                    if (value.IndexOfAny(['*', '?']) < 0)
                    {
                        if (!exact.TryGetValue(key, out var set)) exact[key] = set = new(StringComparer.OrdinalIgnoreCase);
                        set.Add(value);
                    }
                    else if (key.EndsWith("OrgPaths", StringComparison.Ordinal) && value.IndexOf('/') is > 0 and var slash
                        && value.Substring(0, slash).IndexOfAny(['*', '?']) < 0)
                    {
                        if (!organizations.TryGetValue(key, out var set)) organizations[key] = set = new(StringComparer.OrdinalIgnoreCase);
                        set.Add(value.Substring(0, slash + 1));
                    }
                    else if (key == "aws:SourceArn" && value.Split(':') is { Length: >= 6 } fields && fields[4].Length == 12 && fields[4].IndexOfAny(['*', '?']) < 0)
                    {
                        sourceAccounts.Add(fields[4]);
                    }
                }
            }
        }
        if (exact.Count == 0 && organizations.Count == 0 && sourceAccounts.Count == 0 && networks.Count == 0) return static _ => false;
        return request =>
        {
            if (networks.Count > 0 && request.TryGetValues("aws:SourceIp", out var addresses)
                && addresses.Any(a => ConditionValues.TryAddress(a, out var address) && networks.Any(n => n.Contains(address)))) return true;
            foreach (var (key, values) in exact)
            {
                if (request.TryGetValues(key, out var given) && given.Any(values.Contains)) return true;
            }
            foreach (var (key, prefixes) in organizations)
            {
                if (request.TryGetValues(key, out var given) && given.Any(v => prefixes.Any(p => v.StartsWith(p, StringComparison.OrdinalIgnoreCase)))) return true;
            }
            return sourceAccounts.Count > 0 && request.TryGetValues("aws:SourceArn", out var arns)
                && arns.Any(a => a.Split(':') is { Length: >= 6 } f && sourceAccounts.Contains(f[4]));
        };
    }
}
