using PolicyAsCode.Analysis;

namespace PolicyAsCode.Tests.Analysis;

/// <summary>
/// Random policies over a small universe: each check's verdict equals brute force over every request of the universe,
/// and every witness replays. The universe is chosen so that it meets every region the pattern pools can form.
/// </summary>
public sealed class CompletenessTests
{
    private static readonly string[] ActionPool = ["s3:GetObject", "s3:Get*", "s3:*", "*", "s3:PutObject", "ec2:*", "s3:?etObject", "iam:PassRole"];
    private static readonly string[] ResourcePool = ["*", "arn:aws:s3:::a/*", "arn:aws:s3:::a/b", "arn:aws:s3:::*", "arn:aws:s3:::?/b", "arn:aws:ec2:*:*:instance/*", "arn:*:s3:::b"];
    private static readonly string[] Actions = ["s3:GetObject", "s3:PutObject", "s3:GetBucketPolicy", "s3:ListBucket", "s3:getobject", "s3:xetObject", "ec2:RunInstances", "iam:PassRole", "sqs:SendMessage"];
    private static readonly string[] Resources = ["arn:aws:s3:::a/b", "arn:aws:s3:::a/c", "arn:aws:s3:::b", "arn:aws:s3:::x/b", "arn:aws-cn:s3:::b", "arn:aws:s3:::ab/b", "arn:aws:ec2:us-east-1:111122223333:instance/i-1", "arn:aws:sqs:us-east-1:111122223333:q", "not-an-arn"];
    private static readonly string?[] Principals =
    [
        null, "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:user/u", "arn:aws:iam::444455556666:role/r",
        "arn:aws:sts::444455556666:assumed-role/r/s", "arn:aws:sts::444455556666:assumed-role/other/s", "arn:aws:iam::444455556666:root",
        "arn:aws:iam::777777777777:user/u", "ec2.amazonaws.com",
    ];

    private static IEnumerable<Request> AllRequests(bool principals)
        => from a in Actions from r in Resources from p in principals ? Principals : [null] select new Request(p, a, r);

    private static Statement RandomStatement(Random random, bool resourcePolicy)
    {
        var action = new ActionElement(random.Next(4) == 0, EquatableArray.Create(Pick(random, ActionPool)));
        var resource = new ResourceElement(random.Next(4) == 0, EquatableArray.Create(Pick(random, ResourcePool)));
        var statement = new Statement(random.Next(3) == 0 ? Effect.Deny : Effect.Allow, action) { Resource = resource };
        if (!resourcePolicy) return statement;
        var principal = random.Next(4) switch
        {
            0 => PrincipalElement.Everyone,
            1 => PrincipalElement.Of(new PrincipalId(PrincipalType.Aws, "111122223333")),
            2 => PrincipalElement.Of(new PrincipalId(PrincipalType.Aws, "arn:aws:iam::444455556666:role/r")),
            _ => new PrincipalElement(true, false, EquatableArray.Create(new PrincipalId(PrincipalType.Aws, "111122223333"))),
        };
        return statement with { Principal = principal };
    }

    private static string[] Pick(Random random, string[] pool)
        => Enumerable.Range(0, random.Next(1, 3)).Select(_ => pool[random.Next(pool.Length)]).Distinct().ToArray();

    private static PolicyDocument RandomPolicy(Random random, bool resourcePolicy = false)
        => new(PolicyDocument.Version2012, null, EquatableArray.Create(Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomStatement(random, resourcePolicy)).ToArray()));

    private static bool Allows(PolicyDocument policy, Request request) => new PreparedPolicy(policy).Decide(request) == Decision.Allow;

    private static void AssertAgrees(Verdict verdict, bool bruteForceFails, Func<Request, bool> violates)
    {
        Assert.NotEqual(VerdictKind.Unknown, verdict.Kind);
        Assert.Equal(bruteForceFails, verdict.Kind == VerdictKind.Fails);
        if (verdict.Kind == VerdictKind.Fails)
        {
            Assert.True(violates(verdict.Witness!), verdict.ToString());
            Assert.DoesNotContain('*', verdict.Witness!.Resource);
        }
    }

    [Fact]
    public void NoNewAccessAndEquivalenceEqualBruteForce()
    {
        var random = new Random(1201);
        for (int round = 0; round < 400; round++)
        {
            var baseline = RandomPolicy(random);
            var candidate = RandomPolicy(random);
            bool New(Request r) => Allows(candidate, r) && !Allows(baseline, r);
            bool Differ(Request r) => Allows(candidate, r) != Allows(baseline, r);
            AssertAgrees(PolicyAnalysis.NoNewAccess([baseline], [candidate]), AllRequests(false).Any(New), New);
            AssertAgrees(PolicyAnalysis.Equivalent([baseline], [candidate]), AllRequests(false).Any(Differ), Differ);
        }
    }

    [Fact]
    public void AccessNotGrantedEqualsBruteForce()
    {
        var random = new Random(1202);
        for (int round = 0; round < 400; round++)
        {
            var policy = RandomPolicy(random);
            var actions = Pick(random, ActionPool);
            var resources = Pick(random, ResourcePool);
            var actionScope = actions.Select(a => GlobPattern.Compile(a, true, false, true)).ToArray();
            var resourceScope = resources.Select(r => ArnPattern.Compile(r, false)).ToArray();
            bool Granted(Request r) => actionScope.Any(p => p.IsMatch(r.Action)) && resourceScope.Any(p => p.IsMatch(r.Resource)) && Allows(policy, r);
            AssertAgrees(PolicyAnalysis.AccessNotGranted([policy], actions, resources), AllRequests(false).Any(Granted), Granted);
        }
    }

    [Fact]
    public void UnusedStatementsEqualBruteForce()
    {
        var random = new Random(1203);
        for (int round = 0; round < 300; round++)
        {
            var policy = RandomPolicy(random);
            var verdicts = PolicyAnalysis.UnusedStatements(policy);
            var statements = policy.Statements.Items;
            for (int i = 0; i < statements.Length; i++)
            {
                var without = policy with { Statements = EquatableArray.Create(statements.Where((_, j) => j != i).ToArray()) };
                bool Changes(Request r) => new PreparedPolicy(policy).Decide(r) != new PreparedPolicy(without).Decide(r);
                bool used = AllRequests(false).Any(Changes);
                // Fails means "the statement is used": a request whose decision it changes.
                AssertAgrees(verdicts[i], used, Changes);
            }
        }
    }

    [Fact]
    public void ChecksOnResourcePoliciesEqualBruteForceOverTheirNamedPrincipals()
    {
        var random = new Random(1205);
        for (int round = 0; round < 300; round++)
        {
            var baseline = RandomPolicy(random, resourcePolicy: true);
            var candidate = RandomPolicy(random, resourcePolicy: true);
            bool New(Request r) => Allows(candidate, r) && !Allows(baseline, r);
            AssertAgrees(PolicyAnalysis.NoNewAccess([baseline], [candidate]), AllRequests(true).Any(New), New);
            var statements = candidate.Statements.Items;
            var verdicts = PolicyAnalysis.UnusedStatements(candidate);
            for (int i = 0; i < statements.Length; i++)
            {
                var without = candidate with { Statements = EquatableArray.Create(statements.Where((_, j) => j != i).ToArray()) };
                bool Changes(Request r) => new PreparedPolicy(candidate).Decide(r) != new PreparedPolicy(without).Decide(r);
                AssertAgrees(verdicts[i], AllRequests(true).Any(Changes), Changes);
            }
        }
    }

    [Fact]
    public void NoPublicAccessEqualsBruteForce()
    {
        var random = new Random(1204);
        int publicCount = 0;
        for (int round = 0; round < 400; round++)
        {
            var policy = RandomPolicy(random, resourcePolicy: true);
            // 777777777777 is named by no pool principal: it stands for every outside account.
            bool Public(Request r) => (r.Principal is null || r.PrincipalAccount == "777777777777") && Allows(policy, r);
            bool WitnessPublic(Request r) => (r.Principal is null || r.PrincipalAccount == "999999999999") && Allows(policy, r);
            var verdict = PolicyAnalysis.NoPublicAccess(policy);
            bool bruteForce = AllRequests(true).Any(Public);
            if (bruteForce) publicCount++;
            AssertAgrees(verdict, bruteForce, WitnessPublic);
        }
        Assert.InRange(publicCount, 20, 380);
    }
}
