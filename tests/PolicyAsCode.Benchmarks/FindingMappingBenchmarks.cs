using System.Text;
using BenchmarkDotNet.Attributes;
using PolicyAsCode.Catalogue;
using PolicyAsCode.Json;
using PolicyAsCode.Rules;

namespace PolicyAsCode.Benchmarks;

/// <summary>
/// What <c>pac validate</c> does with a file: read it with its source map, run the rules, and place every finding at a
/// line and column. The policy is about 1 MiB with 10,000 findings (unknown service prefixes), minified (one line) and
/// indented (one value a line): mapping must be linear in the document, not in the document times the findings (issue 11).
/// </summary>
[MemoryDiagnoser]
public class FindingMappingBenchmarks
{
    private byte[] _minified = null!;
    private byte[] _indented = null!;
    private ValidationOptions _identity = null!;

    [GlobalSetup]
    public void Setup()
    {
        // 10,000 unknown actions (PAC002 each), padded with resources to about 1 MiB.
        var actions = Enumerable.Range(0, 10_000).Select(i => $"\"s4:GetObject{i}\"");
        var resources = Enumerable.Range(0, 14_000).Select(i => $"\"arn:aws:s3:::bucket-{i:D8}/reports/2026/*\"");
        string json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[" + string.Join(",", actions)
            + "],\"Resource\":[" + string.Join(",", resources) + "]}]}";
        _minified = Encoding.UTF8.GetBytes(json);
        _indented = Encoding.UTF8.GetBytes(PolicyJson.Write(PolicyJson.Parse(json)));
        _identity = new ValidationOptions(PolicyKind.Identity) { Catalogue = ServiceCatalogue.Default };
        if (Run(_minified) < 10_000) throw new InvalidOperationException("the benchmark policy should have 10,000 findings");
    }

    /// <summary>Read, validate and map every finding of the minified policy (one line of about 1 MiB).</summary>
    [Benchmark]
    public long ValidateAndMapMinified() => Run(_minified);

    /// <summary>The same for the indented policy (about 24,000 lines).</summary>
    [Benchmark]
    public long ValidateAndMapIndented() => Run(_indented);

    private long Run(byte[] utf8)
    {
        var document = PolicyJson.Parse(utf8, out var map);
        long sum = 0;
        foreach (var finding in PolicyValidator.Validate(document, _identity))
        {
            var (line, column) = map.Find(finding.Location.JsonPath);
            sum += line + column;
        }
        return sum;
    }
}
