using BenchmarkDotNet.Attributes;
using PolicyAsCode.Json;

namespace PolicyAsCode.Benchmarks;

/// <summary>Reading, preparing and writing policies.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private byte[] _sixKb = null!;
    private byte[] _readOnlyAccess = null!;
    private PolicyDocument _sixKbDocument = null!;

    [GlobalSetup]
    public void Setup()
    {
        // AWSWAFConsoleReadOnlyAccess: 6,077 characters without whitespace, close to the 6,144 managed-policy quota.
        _sixKb = File.ReadAllBytes(BenchmarkData.PathOf("AWSWAFConsoleReadOnlyAccess.json"));
        _readOnlyAccess = File.ReadAllBytes(BenchmarkData.PathOf("ReadOnlyAccess.json"));
        _sixKbDocument = PolicyJson.Parse(_sixKb);
    }

    /// <summary>Parse a policy near the 6 KB managed-policy quota.</summary>
    [Benchmark]
    public PolicyDocument Parse6KbPolicy() => PolicyJson.Parse(_sixKb);

    /// <summary>Parse and prepare the same policy for evaluation.</summary>
    [Benchmark]
    public PreparedPolicy ParseAndPrepare6KbPolicy() => new(PolicyJson.Parse(_sixKb));

    /// <summary>Write the same policy in the canonical format.</summary>
    [Benchmark]
    public string Write6KbPolicy() => PolicyJson.Write(_sixKbDocument);

    /// <summary>Parse and prepare AWS's ReadOnlyAccess (about 118 KB indented).</summary>
    [Benchmark]
    public PreparedPolicy ParseAndPrepareReadOnlyAccess() => new(PolicyJson.Parse(_readOnlyAccess));
}
