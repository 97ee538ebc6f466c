using BenchmarkDotNet.Attributes;
using PolicyAsCode.Catalogue;
using PolicyAsCode.Json;
using PolicyAsCode.Rules;

namespace PolicyAsCode.Benchmarks;

/// <summary>The rule engine over whole policies, with the catalogue loaded and warm.</summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private PolicyDocument _readOnlyAccess = null!;
    private PolicyDocument _readMyBucket = null!;
    private ValidationOptions _identity = null!;

    [GlobalSetup]
    public void Setup()
    {
        _readOnlyAccess = PolicyJson.Parse(BenchmarkData.Read("ReadOnlyAccess.json"));
        _readMyBucket = PolicyJson.Parse(BenchmarkData.ReadMyBucketJson);
        _identity = new ValidationOptions(PolicyKind.Identity) { Catalogue = ServiceCatalogue.Default };
        PolicyValidator.Validate(_readOnlyAccess, _identity);
    }

    /// <summary>Every rule over AWS's ReadOnlyAccess: about 2,900 action patterns, many of them wildcards.</summary>
    [Benchmark]
    public int ValidateReadOnlyAccess() => PolicyValidator.Validate(_readOnlyAccess, _identity).Count;

    /// <summary>Every rule over the two-statement read_my_bucket policy.</summary>
    [Benchmark]
    public int ValidateReadMyBucket() => PolicyValidator.Validate(_readMyBucket, _identity).Count;
}
