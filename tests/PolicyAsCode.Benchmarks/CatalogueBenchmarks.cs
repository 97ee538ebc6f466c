using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PolicyAsCode.Catalogue;

namespace PolicyAsCode.Benchmarks;

/// <summary>Loading the embedded service catalogue and looking things up in it.</summary>
[MemoryDiagnoser]
public class CatalogueBenchmarks
{
    private ServiceCatalogue _catalogue = null!;

    [GlobalSetup]
    public void Setup()
    {
        _catalogue = LoadEmbedded();
        // Parse every service and build the indexes, so the lookups below measure lookups.
        _catalogue.MatchResourceTypes("arn:aws:s3:::warm-up");
        _catalogue.TryGetConditionKey("saml:aud", out _);
    }

    /// <summary>Load the catalogue: decompress and find each service's lines (services are parsed on first use).</summary>
    [Benchmark]
    public ServiceCatalogue Load() => LoadEmbedded();

    /// <summary>Load the catalogue and parse every service, as <c>*:List*</c> or the first <see cref="ServiceCatalogue.MatchResourceTypes"/> does.</summary>
    [Benchmark]
    public int LoadAndParseEveryService() => LoadEmbedded().Services.Sum(s => s.Actions.Count);

    /// <summary>Find an action.</summary>
    [Benchmark]
    public bool TryGetAction() => _catalogue.TryGetAction("s3:GetObject", out _);

    /// <summary>Find a tag key through the placeholder key <c>aws:RequestTag/${TagKey}</c>.</summary>
    [Benchmark]
    public bool TryGetTagConditionKey() => _catalogue.TryGetConditionKey("aws:RequestTag/team", out _);

    /// <summary>Expand <c>s3:Get*</c>.</summary>
    [Benchmark]
    public int ExpandS3Get() => _catalogue.ExpandAction("s3:Get*").Count();

    /// <summary>Expand <c>*:List*</c> over every service.</summary>
    [Benchmark]
    public int ExpandListEverywhere() => _catalogue.ExpandAction("*:List*").Count();

    /// <summary>Which resource types an object ARN can be.</summary>
    [Benchmark]
    public int MatchObjectArn() => _catalogue.MatchResourceTypes("arn:aws:s3:::my-bucket/reports/2026/a.txt").Count;

    /// <summary>Which resource types a wildcard IAM ARN can be.</summary>
    [Benchmark]
    public int MatchWildcardIamArn() => _catalogue.MatchResourceTypes("arn:aws:iam::*:role/*").Count;

    /// <summary>Suggest an action for a misspelling.</summary>
    [Benchmark]
    public int SuggestAction() => _catalogue.SuggestActions("ec2", "DescribeInstanse").Count;

    internal static ServiceCatalogue LoadEmbedded()
    {
        using var stream = typeof(ServiceCatalogue).Assembly.GetManifestResourceStream(ServiceCatalogue.ResourceName)!;
        return ServiceCatalogue.Load(stream);
    }
}

/// <summary>
/// The first load in a fresh process, JIT compilation included: each launch measures one call. The target is under 50 ms.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 10, warmupCount: 0, iterationCount: 1)]
[MinColumn, MaxColumn, MedianColumn]
public class CatalogueColdStartBenchmarks
{
    /// <summary>The first use of <see cref="ServiceCatalogue.Default"/> and of one action.</summary>
    [Benchmark]
    public bool FirstLookup() => ServiceCatalogue.Default.TryGetAction("s3:GetObject", out _);

    /// <summary>The first load of the AWS managed policies and of one document.</summary>
    [Benchmark]
    public int FirstManagedPolicy() => AwsManagedPolicies.TryGet("ReadOnlyAccess", out var policy) ? policy.Document.Statements.Count : 0;
}
