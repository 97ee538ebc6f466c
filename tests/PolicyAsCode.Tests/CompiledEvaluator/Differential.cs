namespace PolicyAsCode.Tests.CompiledEvaluator;

/// <summary>Compares a compiled evaluator with the interpreter (<see cref="PreparedPolicy.Decide"/>) request by request.</summary>
internal static class Differential
{
    /// <summary>
    /// Asserts that <paramref name="compiled"/> decides every request as the interpreter does, and returns how many requests
    /// ended in each decision (so tests can check the requests reached every outcome).
    /// </summary>
    public static Dictionary<Decision, int> AssertSameDecisions(string name, PolicyDocument document, Func<Request, Decision> compiled, IEnumerable<Request> requests)
    {
        var prepared = new PreparedPolicy(document, name);
        var counts = new Dictionary<Decision, int> { [Decision.Allow] = 0, [Decision.ImplicitDeny] = 0, [Decision.ExplicitDeny] = 0 };
        var failures = new List<string>();
        int total = 0;
        foreach (var request in requests)
        {
            total++;
            var expected = prepared.Decide(request);
            counts[expected]++;
            var actual = compiled(request);
            if (actual != expected && failures.Count < 10)
            {
                failures.Add($"  interpreter {expected}, compiled {actual}: {RequestPool.Describe(request)}");
            }
        }
        Assert.True(failures.Count == 0,
            $"{name}: the compiled evaluator differs from the interpreter on {failures.Count}+ of {total} requests:\n"
            + string.Join("\n", failures) + "\npolicy: " + CanonicalJsonWriter.Write(document, indented: false));
        return counts;
    }
}
