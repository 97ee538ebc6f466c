using BenchmarkDotNet.Attributes;
using PolicyAsCode.Json;

namespace PolicyAsCode.Benchmarks;

/// <summary>
/// The interpreter deciding requests against one identity policy, after the policy and the requests are prepared.
/// Each invocation decides every request of a fixed mix of allowed and denied requests; results are per decision.
/// </summary>
[MemoryDiagnoser]
public class EvaluatorBenchmarks
{
    private PreparedPolicy _readMyBucket = null!;
    private PreparedPolicy _readOnlyAccess = null!;
    private Request[] _readMyBucketRequests = null!;
    private Request[] _readOnlyAccessRequests = null!;

    [GlobalSetup]
    public void Setup()
    {
        _readMyBucket = new PreparedPolicy(PolicyJson.Parse(BenchmarkData.ReadMyBucketJson), "read_my_bucket");
        _readOnlyAccess = new PreparedPolicy(PolicyJson.Parse(BenchmarkData.Read("ReadOnlyAccess.json")), "ReadOnlyAccess");
        _readMyBucketRequests = BenchmarkData.ReadMyBucketRequests();
        _readOnlyAccessRequests = BenchmarkData.ReadOnlyAccessRequests();
        foreach (var r in _readMyBucketRequests) _readMyBucket.Decide(r);
    }

    /// <summary>read_my_bucket: two statements, four requests per invocation.</summary>
    [Benchmark(OperationsPerInvoke = 4)]
    public int ReadMyBucket()
    {
        int allowed = 0;
        foreach (var request in _readMyBucketRequests)
        {
            if (_readMyBucket.Decide(request) == Decision.Allow) allowed++;
        }
        return allowed;
    }

    /// <summary>AWS's ReadOnlyAccess: about 2,900 action patterns over 300 services, six requests per invocation.</summary>
    [Benchmark(OperationsPerInvoke = 6)]
    public int ReadOnlyAccess()
    {
        int allowed = 0;
        foreach (var request in _readOnlyAccessRequests)
        {
            if (_readOnlyAccess.Decide(request) == Decision.Allow) allowed++;
        }
        return allowed;
    }
}
