using PolicyAsCode.Analysis;

namespace PolicyAsCode.Tests.Analysis;

/// <summary>
/// Brute force against the search's decomposition (per service, per action class, resources and conditions only of the
/// statements that apply): policies over several services with cross-service action patterns (<c>*:Get*</c>,
/// <c>s?:Get*</c>), NotAction, NotResource, resource patterns of one service that overlap, conditions on some
/// statements only, several policies on one side. A verdict must fail exactly when brute force over the universe and
/// the witness finds a violating request: holds means no request of the universe violates, and a witness always does.
/// </summary>
public sealed class DecompositionCompletenessTests
{
    private static readonly string[] ActionPool =
        ["s3:Get*", "s3:*", "sqs:*", "*:Get*", "s?:Get*", "*", "ec2:Run*", "iam:PassRole", "s3:PutObject", "sqs:SendMessage", "kms:*", "*Object"];
    private static readonly string[] ResourcePool =
        ["*", "arn:aws:s3:::a/*", "arn:aws:s3:::a/b", "arn:aws:s3:::*", "arn:aws:s3:::a*", "arn:aws:sqs:*:111122223333:q*", "arn:aws:sqs:us-east-1:*:*", "arn:aws:*:*:*:*", "arn:aws:ec2:*:*:instance/*"];
    private static readonly string[] Actions =
        ["s3:GetObject", "s3:PutObject", "s3:GetBucketPolicy", "s3:ListBucket", "sqs:GetQueueUrl", "sqs:SendMessage", "ec2:GetConsoleOutput", "ec2:RunInstances", "iam:PassRole", "kms:Decrypt", "s4:GetObject", "foo:Bar", "sqs:DeleteObject"];
    private static readonly string[] Resources =
        ["arn:aws:s3:::a/b", "arn:aws:s3:::a/c", "arn:aws:s3:::ab", "arn:aws:s3:::b", "arn:aws:sqs:us-east-1:111122223333:q1", "arn:aws:sqs:eu-west-1:111122223333:q1",
         "arn:aws:sqs:us-east-1:444455556666:r", "arn:aws:ec2:us-east-1:111122223333:instance/i-1", "arn:aws:kms:us-east-1:111122223333:key/k", "arn:aws-cn:s3:::a/b", "not-an-arn"];
    private static readonly Dictionary<string, string[]>?[] Contexts =
        [null, new() { ["aws:RequestTag/team"] = ["a"] }, new() { ["aws:RequestTag/team"] = ["b"] }, new() { ["aws:RequestTag/team"] = ["c"] }];

    private static IEnumerable<Request> Universe(Request? witness)
    {
        foreach (var action in Actions)
        foreach (var resource in Resources)
        foreach (var context in Contexts)
            yield return new Request(null, action, resource, context);
        if (witness is not null) yield return witness;
    }

    private static string[] Pick(Random random, string[] pool, int max)
        => Enumerable.Range(0, random.Next(1, max + 1)).Select(_ => pool[random.Next(pool.Length)]).Distinct().ToArray();

    private static Statement RandomStatement(Random random)
    {
        var action = new ActionElement(random.Next(4) == 0, EquatableArray.Create(Pick(random, ActionPool, 3)));
        var resource = new ResourceElement(random.Next(4) == 0, EquatableArray.Create(Pick(random, ResourcePool, 3)));
        var statement = new Statement(random.Next(3) == 0 ? Effect.Deny : Effect.Allow, action) { Resource = resource };
        if (random.Next(4) != 0) return statement;
        string op = random.Next(2) == 0 ? "StringEquals" : "StringNotEquals";
        var condition = new Condition(ConditionOperator.Parse(op), "aws:RequestTag/team", EquatableArray.Create(Pick(random, ["a", "b"], 2)));
        return statement with { Conditions = EquatableArray.Create(condition) };
    }

    private static PolicyDocument RandomPolicy(Random random)
        => new(PolicyDocument.Version2012, null, EquatableArray.Create(Enumerable.Range(0, random.Next(1, 6)).Select(_ => RandomStatement(random)).ToArray()));

    /// <summary>The identity-policy union: any explicit deny wins, else any Allow allows.</summary>
    private static Func<Request, Decision> Decider(params PolicyDocument[] policies)
    {
        var prepared = policies.Select(p => new PreparedPolicy(p)).ToArray();
        return request =>
        {
            var decisions = prepared.Select(p => p.Decide(request)).ToList();
            return decisions.Contains(Decision.ExplicitDeny) ? Decision.ExplicitDeny : decisions.Contains(Decision.Allow) ? Decision.Allow : Decision.ImplicitDeny;
        };
    }

    private static void AssertAgrees(Verdict verdict, Func<Request, bool> violates)
    {
        Assert.NotEqual(VerdictKind.Unknown, verdict.Kind);
        bool bruteForce = Universe(verdict.Witness).Any(violates);
        Assert.True(bruteForce == (verdict.Kind == VerdictKind.Fails), verdict.ToString());
        if (verdict.Kind == VerdictKind.Fails) Assert.True(violates(verdict.Witness!), verdict.ToString());
    }

    [Fact]
    public void NoNewAccessAndEquivalenceOfPolicySetsEqualBruteForce()
    {
        var random = new Random(1206);
        int fails = 0;
        for (int round = 0; round < 250; round++)
        {
            PolicyDocument[] baseline = [RandomPolicy(random), RandomPolicy(random)];
            PolicyDocument[] candidate = [RandomPolicy(random)];
            var before = Decider(baseline);
            var after = Decider(candidate);
            bool New(Request r) => after(r) == Decision.Allow && before(r) != Decision.Allow;
            bool Differ(Request r) => (after(r) == Decision.Allow) != (before(r) == Decision.Allow);
            var verdict = PolicyAnalysis.NoNewAccess(baseline, candidate);
            if (verdict.Kind == VerdictKind.Fails) fails++;
            AssertAgrees(verdict, New);
            AssertAgrees(PolicyAnalysis.Equivalent(baseline, candidate), Differ);
        }
        // Both outcomes occur often: the pools are not degenerate.
        Assert.InRange(fails, 25, 225);
    }

    [Fact]
    public void AccessNotGrantedAndUnusedStatementsEqualBruteForce()
    {
        var random = new Random(1207);
        for (int round = 0; round < 200; round++)
        {
            var policy = RandomPolicy(random);
            var actions = Pick(random, ActionPool, 2);
            var resources = Pick(random, ResourcePool, 2);
            var actionScope = actions.Select(a => GlobPattern.Compile(a, true, false, true)).ToArray();
            var resourceScope = resources.Select(r => ArnPattern.Compile(r, false)).ToArray();
            var decide = Decider(policy);
            bool Granted(Request r) => actionScope.Any(p => p.IsMatch(r.Action)) && resourceScope.Any(p => p.IsMatch(r.Resource)) && decide(r) == Decision.Allow;
            AssertAgrees(PolicyAnalysis.AccessNotGranted([policy], actions, resources), Granted);
            var statements = policy.Statements.Items;
            var verdicts = PolicyAnalysis.UnusedStatements(policy);
            for (int i = 0; i < statements.Length; i++)
            {
                var without = policy with { Statements = EquatableArray.Create(statements.Where((_, j) => j != i).ToArray()) };
                var whole = Decider(policy);
                var rest = Decider(without);
                bool Changes(Request r) => whole(r) != rest(r);
                AssertAgrees(verdicts[i], Changes);
            }
        }
    }
}
