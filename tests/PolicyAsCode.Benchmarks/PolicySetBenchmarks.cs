using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using PolicyAsCode.Json;
using PolicyAsCode.Tests.CompiledEvaluator;

namespace PolicyAsCode.Benchmarks;

/// <summary>
/// Multi-policy evaluation (<see cref="Authorizer.Authorize"/>) of a role session's requests: its identity-based policy,
/// a permissions boundary, two SCP levels (FullAWSAccess beside a guardrail at the root, an allow list on the OU) and
/// the bucket's policy. Interpreted, and with every policy prepared with its compiled evaluator (emitted and compiled
/// with Roslyn at setup, as generated code is), beside the single-policy <see cref="CompiledEvaluatorBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class PolicySetBenchmarks
{
    private const string Identity = """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::my-bucket","arn:aws:s3:::my-bucket/*"]},
          {"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::my-bucket/uploads/*"},
          {"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}]}
        """;
    private const string Boundary = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*","s3:PutObject"],"Resource":"*"}]}""";
    private const string FullAwsAccess = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
    private const string Guardrail = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["s3:DeleteBucket","s3:PutBucketPolicy"],"Resource":"*"}]}""";
    private const string Workloads = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","kms:Decrypt"],"Resource":"*"}]}""";
    private const string Bucket = """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/app"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*"},
          {"Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::my-bucket/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}
        """;

    private PolicySet _interpreted = null!;
    private PolicySet _compiled = null!;
    private Request[] _requests = null!;

    [GlobalSetup]
    public void Setup()
    {
        (string Name, string Json)[] policies = [("Identity", Identity), ("Boundary", Boundary), ("FullAwsAccess", FullAwsAccess), ("Guardrail", Guardrail), ("Workloads", Workloads), ("Bucket", Bucket)];
        var documents = policies.ToDictionary(p => p.Name, p => PolicyJson.Parse(p.Json));
        var compiled = EvaluatorCompiler.Prepare(documents.Select(d => (d.Key, d.Value)).ToArray());
        _interpreted = Set(name => new PreparedPolicy(documents[name], name));
        _compiled = Set(name => compiled[name]);
        const string session = "arn:aws:sts::111122223333:assumed-role/app/build";
        const string account = "111122223333";
        _requests =
        [
            new Request(session, "s3:GetObject", "arn:aws:s3:::my-bucket/reports/1.csv", null, account),   // allowed: identity, boundary, SCPs, bucket
            new Request(session, "s3:PutObject", "arn:aws:s3:::my-bucket/uploads/a", [new("aws:SecureTransport", ["true"])], account), // allowed
            new Request(session, "s3:DeleteObject", "arn:aws:s3:::my-bucket/reports/1.csv", null, account), // explicit deny (identity)
            new Request(session, "s3:PutObject", "arn:aws:s3:::my-bucket/reports/1.csv", null, account),    // implicit deny (no identity grant)
        ];
        int allowed = CountAllowed(_interpreted);
        if (allowed != 2) throw new InvalidOperationException($"expected 2 of the 4 requests allowed, got {allowed}");
        foreach (var request in _requests)
        {
            if (Authorizer.Authorize(_interpreted, request) != Authorizer.Authorize(_compiled, request))
            {
                throw new InvalidOperationException($"the compiled set decides {request} otherwise");
            }
        }
    }

    private static PolicySet Set(Func<string, PreparedPolicy> prepare) => new()
    {
        IdentityPolicies = [prepare("Identity")],
        PermissionsBoundary = prepare("Boundary"),
        ServiceControlPolicyLevels = [[prepare("FullAwsAccess"), prepare("Guardrail")], [prepare("Workloads")]],
        ResourcePolicy = prepare("Bucket"),
    };

    /// <summary>The role session's four requests with the interpreter: six policies each.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 4)]
    [BenchmarkCategory("role session, boundary, 2 SCP levels, bucket policy")]
    public int RoleSessionPolicySet_Interpreter() => CountAllowed(_interpreted);

    /// <summary>The same with every policy's compiled evaluator.</summary>
    [Benchmark(OperationsPerInvoke = 4)]
    [BenchmarkCategory("role session, boundary, 2 SCP levels, bucket policy")]
    public int RoleSessionPolicySet_Compiled() => CountAllowed(_compiled);

    private int CountAllowed(PolicySet set)
    {
        int allowed = 0;
        foreach (var request in _requests)
        {
            if (Authorizer.Authorize(set, request) == Decision.Allow) allowed++;
        }
        return allowed;
    }
}
