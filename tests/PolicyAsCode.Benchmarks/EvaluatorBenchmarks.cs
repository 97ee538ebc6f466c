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

    private const string Session = "arn:aws:sts::111122223333:assumed-role/delegate_read_my_bucket/s1";

    [GlobalSetup]
    public void Setup()
    {
        _readMyBucket = new PreparedPolicy(PolicyJson.Parse(BenchmarkData.ReadMyBucketJson), "read_my_bucket");
        _readOnlyAccess = new PreparedPolicy(PolicyJson.Parse(BenchmarkData.Read("ReadOnlyAccess.json")), "ReadOnlyAccess");
        _readMyBucketRequests =
        [
            new Request(Session, "s3:ListBucket", "arn:aws:s3:::my-bucket"),                 // Allow
            new Request(Session, "s3:GetObject", "arn:aws:s3:::my-bucket/reports/q3.csv"),    // Allow
            new Request(Session, "s3:PutObject", "arn:aws:s3:::my-bucket/reports/q3.csv"),    // ImplicitDeny: action
            new Request(Session, "s3:GetObject", "arn:aws:s3:::other-bucket/a.txt"),          // ImplicitDeny: resource
        ];
        _readOnlyAccessRequests =
        [
            new Request(Session, "s3:GetObject", "arn:aws:s3:::my-bucket/a.txt"),            // Allow
            new Request(Session, "ec2:DescribeInstances", "*"),                             // Allow
            new Request(Session, "dynamodb:Query", "arn:aws:dynamodb:us-east-1:111122223333:table/t"), // Allow
            new Request(Session, "s3:PutObject", "arn:aws:s3:::my-bucket/a.txt"),            // ImplicitDeny
            new Request(Session, "iam:CreateUser", "arn:aws:iam::111122223333:user/x"),      // ImplicitDeny
            new Request(Session, "notaservice:DoThing", "*"),                               // ImplicitDeny
        ];
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
