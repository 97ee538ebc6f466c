using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using PolicyAsCode.Json;
using PolicyAsCode.Tests.CompiledEvaluator;

namespace PolicyAsCode.Benchmarks;

/// <summary>
/// Compiled evaluators against the interpreter, on the request mixes of <see cref="EvaluatorBenchmarks"/>. The evaluators
/// are emitted and compiled with Roslyn (optimised, in memory) at setup, as the differential tests compile them, and called
/// through a delegate. Results are per decision; each category's baseline is the interpreter.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class CompiledEvaluatorBenchmarks
{
    private PreparedPolicy _readMyBucket = null!;
    private PreparedPolicy _readOnlyAccess = null!;
    private Func<Request, Decision> _readMyBucketCompiled = null!;
    private Func<Request, Decision> _readOnlyAccessCompiled = null!;
    private Request[] _readMyBucketRequests = null!;
    private Request[] _readOnlyAccessRequests = null!;

    [GlobalSetup]
    public void Setup()
    {
        var readMyBucket = PolicyJson.Parse(BenchmarkData.ReadMyBucketJson);
        var readOnlyAccess = PolicyJson.Parse(BenchmarkData.Read("ReadOnlyAccess.json"));
        _readMyBucket = new PreparedPolicy(readMyBucket, "read_my_bucket");
        _readOnlyAccess = new PreparedPolicy(readOnlyAccess, "ReadOnlyAccess");
        var compiled = EvaluatorCompiler.Compile([("ReadMyBucket", readMyBucket), ("ReadOnlyAccess", readOnlyAccess)]);
        _readMyBucketCompiled = compiled["ReadMyBucket"];
        _readOnlyAccessCompiled = compiled["ReadOnlyAccess"];
        _readMyBucketRequests = BenchmarkData.ReadMyBucketRequests();
        _readOnlyAccessRequests = BenchmarkData.ReadOnlyAccessRequests();
        Check(_readMyBucket, _readMyBucketCompiled, _readMyBucketRequests);
        Check(_readOnlyAccess, _readOnlyAccessCompiled, _readOnlyAccessRequests);
    }

    private static void Check(PreparedPolicy interpreter, Func<Request, Decision> compiled, Request[] requests)
    {
        foreach (var request in requests)
        {
            if (interpreter.Decide(request) != compiled(request))
            {
                throw new InvalidOperationException($"{interpreter.Name}: the compiled evaluator decides {request} otherwise");
            }
        }
    }

    /// <summary>read_my_bucket with the interpreter: two statements, four requests per invocation.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 4)]
    [BenchmarkCategory("read_my_bucket")]
    public int ReadMyBucket_Interpreter() => CountAllowed(_readMyBucket, _readMyBucketRequests);

    /// <summary>read_my_bucket compiled: two string comparisons per statement.</summary>
    [Benchmark(OperationsPerInvoke = 4)]
    [BenchmarkCategory("read_my_bucket")]
    public int ReadMyBucket_Compiled() => CountAllowed(_readMyBucketCompiled, _readMyBucketRequests);

    /// <summary>AWS's ReadOnlyAccess with the interpreter: about 2,900 action patterns over 300 services, six requests.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 6)]
    [BenchmarkCategory("ReadOnlyAccess")]
    public int ReadOnlyAccess_Interpreter() => CountAllowed(_readOnlyAccess, _readOnlyAccessRequests);

    /// <summary>ReadOnlyAccess compiled: a switch over the service, then the patterns of that service.</summary>
    [Benchmark(OperationsPerInvoke = 6)]
    [BenchmarkCategory("ReadOnlyAccess")]
    public int ReadOnlyAccess_Compiled() => CountAllowed(_readOnlyAccessCompiled, _readOnlyAccessRequests);

    private static int CountAllowed(PreparedPolicy policy, Request[] requests)
    {
        int allowed = 0;
        foreach (var request in requests)
        {
            if (policy.Decide(request) == Decision.Allow) allowed++;
        }
        return allowed;
    }

    private static int CountAllowed(Func<Request, Decision> evaluate, Request[] requests)
    {
        int allowed = 0;
        foreach (var request in requests)
        {
            if (evaluate(request) == Decision.Allow) allowed++;
        }
        return allowed;
    }
}
