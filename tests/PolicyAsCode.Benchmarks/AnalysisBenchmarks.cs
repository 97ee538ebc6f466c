using BenchmarkDotNet.Attributes;
using PolicyAsCode.Analysis;
using PolicyAsCode.Catalogue;
using PolicyAsCode.Json;
using PolicyAsCode.Tests.Analysis;

namespace PolicyAsCode.Benchmarks;

/// <summary>
/// The exact analysis checks of issue 12 on its benchmark targets: no new access on <c>read_my_bucket</c> and on
/// AWS's <c>ReadOnlyAccess</c> against widened copies (both fail, with the witness), no public access on a typical
/// bucket policy (holds), and the equivalence of every AWS managed policy with its canonical rewrite
/// (<see cref="CanonicalRewrite"/>), all of them and the largest alone.
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private const string ReadMyBucketWidened = """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::my-bucket"},
          {"Effect":"Allow","Action":"s3:Get*","Resource":"arn:aws:s3:::my-bucket/*"}]}
        """;

    /// <summary>A bucket policy as AWS's examples write them: a role of another account may read; insecure uploads are denied to all.</summary>
    private const string BucketPolicy = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"CrossAccountRead","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:role/reader"},"Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::my-bucket","arn:aws:s3:::my-bucket/*"]},
          {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::my-bucket","arn:aws:s3:::my-bucket/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}
        """;

    private PolicyDocument _readMyBucket = null!;
    private PolicyDocument _readMyBucketWidened = null!;
    private PolicyDocument _readOnlyAccess = null!;
    private PolicyDocument _readOnlyAccessWidened = null!;
    private PolicyDocument _bucketPolicy = null!;
    private (PolicyDocument Policy, PolicyDocument Rewrite)[] _managed = null!;
    private (PolicyDocument Policy, PolicyDocument Rewrite) _largest;

    [GlobalSetup]
    public void Setup()
    {
        _readMyBucket = PolicyJson.Parse(BenchmarkData.ReadMyBucketJson);
        _readMyBucketWidened = PolicyJson.Parse(ReadMyBucketWidened);
        _readOnlyAccess = Managed("ReadOnlyAccess").Document;
        _readOnlyAccessWidened = WidenFirstPattern(_readOnlyAccess);
        _bucketPolicy = PolicyJson.Parse(BucketPolicy);
        _managed = AwsManagedPolicies.All.Select(p => (p.Document, CanonicalRewrite.Of(p.Document))).ToArray();
        var largest = AwsManagedPolicies.All.OrderByDescending(p => p.Json.Length).First();
        _largest = (largest.Document, CanonicalRewrite.Of(largest.Document));
        Expect(NoNewAccessReadMyBucket(), VerdictKind.Fails);
        Expect(NoNewAccessReadOnlyAccess(), VerdictKind.Fails);
        Expect(NoPublicAccessBucketPolicy(), VerdictKind.Holds);
        Expect(EquivalentLargestManagedPolicy(), VerdictKind.Holds);
    }

    /// <summary>read_my_bucket against a copy whose GetObject is widened to s3:Get*. Target &lt; 1 ms.</summary>
    [Benchmark]
    public Verdict NoNewAccessReadMyBucket() => PolicyAnalysis.NoNewAccess([_readMyBucket], [_readMyBucketWidened]);

    /// <summary>ReadOnlyAccess against itself with its first statement's first pattern widened to the whole service. Target &lt; 200 ms.</summary>
    [Benchmark]
    public Verdict NoNewAccessReadOnlyAccess() => PolicyAnalysis.NoNewAccess([_readOnlyAccess], [_readOnlyAccessWidened]);

    /// <summary>A typical bucket policy (a named cross-account role, a Deny with a condition for everyone). Target &lt; 1 ms.</summary>
    [Benchmark]
    public Verdict NoPublicAccessBucketPolicy() => PolicyAnalysis.NoPublicAccess(_bucketPolicy);

    /// <summary>Each of the AWS managed policies (1,594) against its canonical rewrite; returns how many hold. Target &lt; 60 s in all.</summary>
    [Benchmark]
    public int EquivalentEveryManagedPolicy()
    {
        int holds = 0;
        foreach (var (policy, rewrite) in _managed)
        {
            var verdict = PolicyAnalysis.Equivalent([policy], [rewrite]);
            if (verdict.Kind == VerdictKind.Fails) throw new InvalidOperationException($"a rewrite changed the meaning: {verdict}");
            if (verdict.Kind == VerdictKind.Holds) holds++;
        }
        return holds;
    }

    /// <summary>The largest AWS managed policy (by JSON length) against its rewrite: the memory bound.</summary>
    [Benchmark]
    public Verdict EquivalentLargestManagedPolicy() => PolicyAnalysis.Equivalent([_largest.Policy], [_largest.Rewrite]);

    private static AwsManagedPolicy Managed(string name)
        => AwsManagedPolicies.TryGet(name, out var policy) ? policy : throw new InvalidOperationException($"no managed policy {name}");

    private static PolicyDocument WidenFirstPattern(PolicyDocument policy)
    {
        var first = policy.Statements[0];
        string pattern = first.Action.Values[0];
        var actions = EquatableArray.Create([pattern.Substring(0, pattern.IndexOf(':')) + ":*", .. first.Action.Values.Items.Skip(1)]);
        var widened = first with { Action = first.Action with { Values = actions } };
        return policy with { Statements = EquatableArray.Create([widened, .. policy.Statements.Items.Skip(1)]) };
    }

    private static void Expect(Verdict verdict, VerdictKind kind)
    {
        if (verdict.Kind != kind) throw new InvalidOperationException($"expected {kind}, got {verdict}");
    }
}
