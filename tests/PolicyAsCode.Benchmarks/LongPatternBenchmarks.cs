using BenchmarkDotNet.Attributes;
using PolicyAsCode.Catalogue;
using PolicyAsCode.Json;
using PolicyAsCode.Rules;

namespace PolicyAsCode.Benchmarks;

/// <summary>
/// Very long wildcard ARNs stay linear and cheap (issue 11): a 40,000-character resource pattern <c>*a*a...*a*b</c>, the
/// classic worst case of backtracking wildcard matchers, decided against a 100,000-character ARN that it does not
/// match, and validated with every rule.
/// </summary>
[MemoryDiagnoser]
public class LongPatternBenchmarks
{
    private PreparedPolicy _policy = null!;
    private PolicyDocument _document = null!;
    private Request _request = null!;
    private ValidationOptions _identity = null!;

    [GlobalSetup]
    public void Setup()
    {
        string pattern = "arn:aws:s3:::" + string.Concat(Enumerable.Repeat("*a", 20_000)) + "*b";
        _document = PolicyJson.Parse($$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"{{pattern}}"}]}""");
        _policy = new PreparedPolicy(_document, "long_pattern");
        _request = new Request(BenchmarkData.Session, "s3:GetObject", "arn:aws:s3:::" + new string('a', 100_000));
        _identity = new ValidationOptions(PolicyKind.Identity) { Catalogue = ServiceCatalogue.Default };
        if (_policy.Decide(_request) != Decision.ImplicitDeny) throw new InvalidOperationException("the long pattern must not match");
    }

    /// <summary>Decide the request that the pattern almost matches.</summary>
    [Benchmark]
    public Decision DecideAgainstLongPattern() => _policy.Decide(_request);

    /// <summary>Run every rule on the policy with the long pattern.</summary>
    [Benchmark]
    public int ValidateLongPattern() => PolicyValidator.Validate(_document, _identity).Count;
}
