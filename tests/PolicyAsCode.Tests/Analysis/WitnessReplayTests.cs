using CsCheck;
using PolicyAsCode.Analysis;
using PolicyAsCode.Json;
using PolicyAsCode.Tests.CompiledEvaluator;

namespace PolicyAsCode.Tests.Analysis;

/// <summary>
/// Issue 12's soundness evidence: every witness the analysis reports replays to the claimed decision in the compiled
/// evaluators (emitted by the generator, compiled with Roslyn, loaded) as well as in the interpreter the analysis uses.
/// The policies are the differential tests' random ones (every operator, variables, principals, NotAction/NotResource,
/// unreadable values), so a witness that only the interpreter would decide as claimed, or a compiled evaluator that
/// disagrees with the interpreter on a witness, fails here.
/// </summary>
public sealed class WitnessReplayTests
{
    private const int Policies = 60;

    // Per check: a decision that takes longer is unknown (and not replayed); random policies are mostly small.
    private static AnalysisOptions Budget() => new() { CancellationToken = new CancellationTokenSource(TimeSpan.FromSeconds(2)).Token };

    private sealed record Replay(string Check, PolicyDocument[] Documents, Verdict Verdict, Func<Func<PolicyDocument, Decision>, bool> Claim);

    private static Gen<T> OneOf<T>(params T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    // Policies inside the fragment the analysis decides (most of the differential tests' random policies are outside it:
    // variables naming request keys, keys derived from the caller, resources that are not ARNs), so that it answers
    // holds or fails and the witnesses are many.
    private static readonly Gen<Condition> DecidedCondition = OneOf(
        ("StringLike", "aws:PrincipalTag/team", new[] { "red", "r*" }),
        ("StringNotEqualsIgnoreCase", "aws:PrincipalTag/team", new[] { "Blue" }),
        ("ForAnyValue:StringEquals", "aws:TagKeys", new[] { "env", "team" }),
        ("NumericLessThanEquals", "s3:max-keys", new[] { "10" }),
        ("NumericGreaterThanIfExists", "s3:max-keys", new[] { "1.5e3" }),
        ("Bool", "aws:SecureTransport", new[] { "true" }),
        ("BoolIfExists", "aws:MultiFactorAuthPresent", new[] { "false" }),
        ("IpAddress", "aws:SourceIp", new[] { "203.0.113.0/24", "2001:db8::/32" }),
        ("NotIpAddress", "aws:SourceIp", new[] { "203.0.113.128/25" }),
        ("DateGreaterThan", "aws:CurrentTime", new[] { "2020-01-01T00:00:00Z" }),
        ("Null", "aws:PrincipalTag/team", new[] { "true" }),
        ("ArnLike", "aws:SourceArn", new[] { "arn:aws:sns:*:111122223333:*" }),
        ("StringEquals", "aws:SourceVpce", new[] { "vpce-1a2b3c4d" }))
        .Select(c => new Condition(ConditionOperator.Parse(c.Item1), c.Item2, EquatableArray.Create(c.Item3)));

    private static readonly Gen<Statement> DecidedStatement = Gen.Select(
            Gen.Int[0, 3].Select(n => n == 0 ? Effect.Deny : Effect.Allow),
            Gen.Int[0, 5].Select(n => n == 0),
            OneOf("s3:GetObject", "s3:Get*", "s3:*", "*", "s3:PutObject", "s3:?etObject", "iam:PassRole", "iam:*", "sqs:SendMessage", "*:Get*").Array[1, 3],
            Gen.Int[0, 5].Select(n => n == 0),
            OneOf("*", "arn:aws:s3:::my-bucket/*", "arn:aws:s3:::my-bucket", "arn:aws:s3:::my-*", "arn:aws:s3:::?y-bucket/a", "arn:aws:iam::111122223333:role/*",
                "arn:aws:sqs:us-east-1:111122223333:queue", "arn:*:s3:::other/*").Array[1, 2],
            Gen.Frequency(
                (3, Gen.Const((PrincipalElement?)null)),
                (1, Gen.Const((PrincipalElement?)PrincipalElement.Everyone)),
                (1, OneOf("111122223333", "arn:aws:iam::444455556666:role/reader", "444455556666").Select(id => (PrincipalElement?)PrincipalElement.Of(new PrincipalId(PrincipalType.Aws, id))))),
            DecidedCondition.Array[0, 2])
        .Select((effect, notAction, actions, notResource, resources, principal, conditions) => new Statement(effect, new ActionElement(notAction, EquatableArray.Create(actions)))
        {
            Resource = new ResourceElement(notResource, EquatableArray.Create(resources)),
            Principal = principal,
            Conditions = EquatableArray.Create(conditions.DistinctBy(c => (c.Operator.Name, c.Key)).ToArray()),
        });

    private static readonly Gen<PolicyDocument> DecidedPolicy = DecidedStatement.Array[1, 4]
        .Select(statements => new PolicyDocument(PolicyDocument.Version2012, null, EquatableArray.Create(statements)));

    // Half the policies inside the decided fragment, half anything the differential tests generate.
    private static readonly Gen<PolicyDocument[]> Documents = Gen.Select(DecidedPolicy.Array[Policies / 2], RandomPolicyGen.Policy.Array[Policies / 2],
        (decided, any) => decided.Concat(any).ToArray());

    [Fact]
    public void EveryWitness_ReplaysInTheCompiledEvaluatorsAndTheInterpreter()
    {
        Documents.Sample(documents =>
        {
            var withoutStatements = documents.Take(20)
                .SelectMany((d, i) => Enumerable.Range(0, d.Statements.Items.Length).Select(k => (Name: $"P{i}_without{k}", Document: Without(d, k))))
                .ToArray();
            var named = documents.Select((d, i) => (Name: $"P{i}", Document: d)).Concat(withoutStatements).ToArray();
            var compiled = EvaluatorCompiler.Compile(named);
            var byDocument = new Dictionary<PolicyDocument, Func<Request, Decision>>(ReferenceEqualityComparer.Instance);
            foreach (var (name, document) in named) byDocument.TryAdd(document, compiled[name]);

            int fails = 0;
            foreach (var replay in Checks(documents, withoutStatements.Select(w => w.Document).ToArray()))
            {
                if (replay.Verdict.Kind != VerdictKind.Fails) continue;
                fails++;
                var witness = replay.Verdict.Witness!;
                string context = $"{replay.Check}: {replay.Verdict}\n{string.Join("\n", replay.Documents.Select(d => CanonicalJsonWriter.Write(d, indented: false)))}";
                foreach (var document in replay.Documents)
                {
                    // The compiled evaluator and the interpreter agree on the witness ...
                    Assert.True(byDocument[document](witness) == new PreparedPolicy(document).Decide(witness), "compiled and interpreted decisions differ on the witness. " + context);
                }
                // ... and the witness shows the claimed failure in each of them.
                Assert.True(replay.Claim(d => byDocument[d](witness)), "the compiled evaluators do not show the failure. " + context);
                Assert.True(replay.Claim(d => new PreparedPolicy(d).Decide(witness)), "the interpreter does not show the failure. " + context);
            }
            Assert.True(fails >= 50, $"only {fails} witnesses among the checks of {Policies} random policies: the test would show nothing");
        }, iter: 2, threads: 1);
    }

    private static IEnumerable<Replay> Checks(PolicyDocument[] documents, PolicyDocument[] withoutStatements)
    {
        for (int i = 0; i < documents.Length; i++)
        {
            var policy = documents[i];
            var next = documents[(i + 1) % documents.Length];
            yield return new Replay("FindAllowed", [policy], PolicyAnalysis.FindAllowed([policy], options: Budget()),
                decide => decide(policy) == Decision.Allow);
            yield return new Replay("AccessNotGranted s3:Get* on my-bucket", [policy],
                PolicyAnalysis.AccessNotGranted([policy], ["s3:Get*"], ["arn:aws:s3:::my-bucket*"], Budget()),
                decide => decide(policy) == Decision.Allow);
            yield return new Replay("NoNewAccess", [policy, next], PolicyAnalysis.NoNewAccess([policy], [next], Budget()),
                decide => decide(next) == Decision.Allow && decide(policy) != Decision.Allow);
            yield return new Replay("Equivalent", [policy, next], PolicyAnalysis.Equivalent([policy], [next], Budget()),
                decide => (decide(policy) == Decision.Allow) != (decide(next) == Decision.Allow));
            if (policy.Statements.Items.Any(s => s.Principal is not null))
            {
                yield return new Replay("NoPublicAccess", [policy], PolicyAnalysis.NoPublicAccess(policy, Budget()),
                    decide => decide(policy) == Decision.Allow);
            }
        }
        int w = 0;
        for (int i = 0; i < 20; i++)
        {
            var policy = documents[i];
            var verdicts = PolicyAnalysis.UnusedStatements(policy, Budget());
            for (int k = 0; k < verdicts.Count; k++)
            {
                var without = withoutStatements[w++];
                yield return new Replay($"UnusedStatements #{k}", [policy, without], verdicts[k],
                    decide => decide(policy) != decide(without));
            }
        }
    }

    private static PolicyDocument Without(PolicyDocument policy, int index)
        => policy with { Statements = EquatableArray.Create(policy.Statements.Items.Where((_, j) => j != index).ToArray()) };
}
