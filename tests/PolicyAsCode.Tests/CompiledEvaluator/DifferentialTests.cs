using CsCheck;
using PolicyAsCode.Catalogue;
using PolicyAsCode.Json;

namespace PolicyAsCode.Tests.CompiledEvaluator;

/// <summary>
/// Differential tests: compiled evaluators (emitted, compiled with Roslyn, loaded) decide every request as the interpreter
/// does, for hand-written policies that reach every branch of the emitter, for AWS managed policies, and for random
/// policies.
/// </summary>
public sealed class DifferentialTests
{
    private static readonly Lazy<Dictionary<string, Func<Request, Decision>>> s_handWritten = new(() =>
        EvaluatorCompiler.Compile(HandWrittenPolicies.All.Select(p => (p.Name, HandWrittenPolicies.Document(p.Name))).ToArray()));

    private static string ManagedPoliciesDirectory =>
        Environment.GetEnvironmentVariable("PAC_MANAGED_POLICIES_DIR") is { Length: > 0 } directory ? directory
            : Path.Combine(AppContext.BaseDirectory, "TestData", "managed-policies");

    private static readonly Lazy<(PolicyDocument Document, string Name)[]> s_managed = new(() =>
        Directory.GetFiles(ManagedPoliciesDirectory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => (PolicyJson.Parse(File.ReadAllBytes(path)), MethodName(Path.GetFileNameWithoutExtension(path))))
            .ToArray());

    private static readonly Lazy<Dictionary<string, Func<Request, Decision>>> s_managedCompiled = new(() =>
        EvaluatorCompiler.Compile(s_managed.Value.Select(p => (p.Name, p.Document)).ToArray()));

    private static string MethodName(string fileName) => "Managed_" + new string(fileName.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    private static int Seed(string name) => name.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));

    public static TheoryData<string> HandWrittenNames() => new(HandWrittenPolicies.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(HandWrittenNames))]
    public void HandWrittenPolicy_CompiledDecidesLikeInterpreter(string name)
    {
        var document = HandWrittenPolicies.Document(name);
        var pool = RequestPool.For(document);
        var requests = pool.ActionsTimesResources(Evaluation.Kit.Alice)
            .Concat(pool.ActionsTimesResources(null))
            .Concat(pool.Sample(5_000, Seed(name)));

        var counts = Differential.AssertSameDecisions(name, document, s_handWritten.Value[name], requests);

        Assert.True(counts[Decision.Allow] + counts[Decision.ExplicitDeny] > 0, $"{name}: no request matched a statement");
    }

    public static TheoryData<string> ManagedPolicyNames() => new(s_managed.Value.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(ManagedPolicyNames))]
    public void ManagedPolicy_CompiledDecidesLikeInterpreter(string name)
    {
        var document = s_managed.Value.Single(p => p.Name == name).Document;
        var pool = RequestPool.For(document);
        var requests = pool.ActionsTimesResources(Evaluation.Kit.AppSession).Concat(pool.Sample(5_000, Seed(name)));

        Differential.AssertSameDecisions(name, document, s_managedCompiled.Value[name], requests);
    }

    /// <summary>Set to <c>1</c> to check every AWS managed policy the runtime embeds (about a minute), not a sample of them.</summary>
    public const string AllManagedPoliciesVariable = "PAC_COMPILED_EVALUATOR_ALL_MANAGED";

    private const int EmbeddedChunkSize = 200;

    /// <summary>Every 25th embedded AWS managed policy, or all of them; in chunks compiled together.</summary>
    private static AwsManagedPolicy[] EmbeddedSelection =>
        Environment.GetEnvironmentVariable(AllManagedPoliciesVariable) == "1"
            ? [.. AwsManagedPolicies.All]
            : AwsManagedPolicies.All.Where((_, i) => i % 25 == 0).ToArray();

    public static TheoryData<int> EmbeddedChunks() => new(Enumerable.Range(0, (EmbeddedSelection.Length + EmbeddedChunkSize - 1) / EmbeddedChunkSize));

    [Theory]
    [MemberData(nameof(EmbeddedChunks))]
    public void EmbeddedManagedPolicies_CompiledDecidesLikeInterpreter(int chunk)
    {
        var policies = EmbeddedSelection.Skip(chunk * EmbeddedChunkSize).Take(EmbeddedChunkSize).ToArray();
        var compiled = EvaluatorCompiler.Compile(policies.Select((p, i) => ($"Embedded{i}", p.Document)).ToArray());

        for (int i = 0; i < policies.Length; i++)
        {
            var policy = policies[i];
            var pool = RequestPool.For(policy.Document);
            Differential.AssertSameDecisions(policy.Name, policy.Document, compiled[$"Embedded{i}"], pool.Sample(300, Seed(policy.Name)));
        }
    }

    // Random policies are compiled once, in one assembly; CsCheck then draws a policy and a request aimed at it.
    [Fact]
    public void RandomPolicy_CompiledDecidesLikeInterpreter()
    {
        var documents = RandomPolicyGen.Policy.Array[150].Single();
        var compiled = EvaluatorCompiler.Compile(documents.Select((d, i) => ($"Policy{i}", d)).ToArray());
        var prepared = documents.Select(d => new PreparedPolicy(d)).ToArray();
        var pools = documents.Select(RequestPool.For).ToArray();

        Gen.Int[0, documents.Length - 1]
            .SelectMany(i => pools[i].Requests.Select(request => (i, request)))
            .Sample((i, request) => compiled[$"Policy{i}"](request) == prepared[i].Decide(request),
                iter: 50_000,
                print: t => CanonicalJsonWriter.Write(documents[t.Item1], indented: false) + "\n" + RequestPool.Describe(t.Item2));
    }
}
