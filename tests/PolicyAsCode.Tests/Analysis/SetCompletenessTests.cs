using PolicyAsCode.Analysis;

namespace PolicyAsCode.Tests.Analysis;

/// <summary>
/// Random policy sets (identity policies, permissions boundary, session policy, SCP levels of several policies, an RCP
/// level, a resource policy, same and cross account, a management account): each check over a set equals brute force
/// over every request of a small universe, decided by <see cref="Authorizer"/>, and every witness replays. With the
/// callers fixed, conditions on the keys the evaluator derives from the caller and policy variables naming them are in
/// the pools too; without, the callers are every principal of a pool that meets each way the policies can treat one.
/// Brute force is over the pool and the witness: every violation the pool holds is found (never a wrong holds), and every
/// witness is a real violation (the analysis's universe is larger than any pool: all actions, all ARNs).
/// </summary>
public sealed class SetCompletenessTests
{
    private static readonly string[] ActionPool = ["s3:GetObject", "s3:*", "*", "ec2:*", "iam:PassRole", "sts:AssumeRole", "kms:*", "iam:*"];
    private static readonly string[] Actions =
        ["s3:GetObject", "s3:PutObject", "ec2:RunInstances", "iam:PassRole", "sts:AssumeRole", "kms:Decrypt", "sts:GetCallerIdentity", "iam:DeleteRole"];
    private static readonly string[] ResourcePool =
        ["*", "arn:aws:s3:::a/*", "arn:aws:s3:::*", "arn:aws:ec2:*:111122223333:*", "arn:aws:iam::*:role/*", "arn:aws:kms:*:*:key/*"];
    private static readonly string[] VariableResourcePool = [.. ResourcePool, "arn:aws:s3:::home/${aws:username}/*", "arn:aws:s3:::home/${aws:PrincipalAccount}/*"];
    private static readonly string[] Resources =
    [
        "arn:aws:s3:::a/b", "arn:aws:s3:::b", "arn:aws:ec2:us-east-1:111122223333:instance/i-1", "arn:aws:ec2:us-east-1:444455556666:instance/i-1",
        "arn:aws:iam::111122223333:role/r", "arn:aws:iam::444455556666:role/r", "arn:aws:kms:us-east-1:111122223333:key/k",
        "arn:aws:iam::111122223333:role/aws-service-role/x", "arn:aws:s3:::home/u/x", "arn:aws:s3:::home/111122223333/x", "*",
    ];

    private static readonly string[] FixedCallers =
    [
        "arn:aws:iam::111122223333:user/u", "arn:aws:sts::111122223333:assumed-role/r/s", "arn:aws:sts::444455556666:assumed-role/r/s",
        "arn:aws:iam::444455556666:user/v", "arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForX/s",
    ];

    private static readonly string?[] AnyCallers =
    [
        null, "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:user/u", "arn:aws:iam::444455556666:role/r",
        "arn:aws:sts::444455556666:assumed-role/r/s", "arn:aws:sts::444455556666:assumed-role/other/s", "arn:aws:iam::444455556666:root",
        "arn:aws:iam::777777777777:user/u", "ec2.amazonaws.com", "arn:aws:sts::111122223333:federated-user/f", "arn:aws:sts::777777777777:federated-user/f",
        "arn:aws:sts::777777777777:assumed-role/AWSServiceRoleForX/s", "arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForX/s",
        "arn:aws:sts::555555555555:assumed-role/x/s",
    ];

    private static readonly string[][] KValues = [["a"], ["a*"], ["b"]];

    private static Condition[] RandomConditions(Random random, bool derived)
    {
        var pool = new List<Func<Condition>>
        {
            () => new Condition(ConditionOperator.Parse("StringEquals"), "k", EquatableArray.Create("a*")),
            () => new Condition(ConditionOperator.Parse("StringLike"), "k", EquatableArray.Create("a*")),
        };
        if (derived)
        {
            pool.Add(() => new Condition(ConditionOperator.Parse("StringEquals"), "aws:PrincipalAccount", EquatableArray.Create("111122223333")));
            pool.Add(() => new Condition(ConditionOperator.Parse("ArnLike"), "aws:PrincipalArn", EquatableArray.Create("arn:aws:iam::*:user/*")));
            pool.Add(() => new Condition(ConditionOperator.Parse("StringLike"), "aws:username", EquatableArray.Create("u*")));
            pool.Add(() => new Condition(ConditionOperator.Parse("Null"), "aws:username", EquatableArray.Create("true")));
            pool.Add(() => new Condition(ConditionOperator.Parse("StringEquals"), "k", EquatableArray.Create("${aws:username, 'b'}")));
        }
        return random.Next(3) == 0 ? [pool[random.Next(pool.Count)]()] : [];
    }

    private static Statement RandomStatement(Random random, bool derived, PrincipalElement? principal, bool deny)
    {
        var action = new ActionElement(random.Next(5) == 0, EquatableArray.Create(Pick(random, ActionPool)));
        var resource = new ResourceElement(random.Next(6) == 0, EquatableArray.Create(Pick(random, derived ? VariableResourcePool : ResourcePool)));
        return new Statement(deny || random.Next(4) == 0 ? Effect.Deny : Effect.Allow, action)
        {
            Resource = resource,
            Principal = principal,
            Conditions = EquatableArray.Create(RandomConditions(random, derived)),
        };
    }

    private static string[] Pick(Random random, string[] pool)
        => Enumerable.Range(0, random.Next(1, 3)).Select(_ => pool[random.Next(pool.Length)]).Distinct().ToArray();

    private static PreparedPolicy Policy(Random random, bool derived, Func<PrincipalElement?> principal, bool deny = false)
        => new(new PolicyDocument(PolicyDocument.Version2012, null,
            EquatableArray.Create(Enumerable.Range(0, random.Next(1, 3)).Select(_ => RandomStatement(random, derived, principal(), deny)).ToArray())));

    private static PrincipalElement RandomPrincipal(Random random) => random.Next(5) switch
    {
        0 => PrincipalElement.Everyone,
        1 => PrincipalElement.Of(new PrincipalId(PrincipalType.Aws, "111122223333")),
        2 => PrincipalElement.Of(new PrincipalId(PrincipalType.Aws, "arn:aws:iam::444455556666:role/r")),
        3 => PrincipalElement.Of(new PrincipalId(PrincipalType.Aws, "arn:aws:iam::111122223333:user/u")),
        _ => new PrincipalElement(true, false, EquatableArray.Create(new PrincipalId(PrincipalType.Aws, "111122223333"))),
    };

    private static readonly PreparedPolicy FullAccess = new(PolicyAsCode.Json.PolicyJson.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"""));
    private static readonly PreparedPolicy RcpFullAccess = new(PolicyAsCode.Json.PolicyJson.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"""));

    private static PolicySet RandomSet(Random random, bool derived, bool resourcePolicy)
    {
        PrincipalElement? None() => null;
        var scps = Enumerable.Range(0, random.Next(0, 3)).Select(_ => (IReadOnlyList<PreparedPolicy>)(random.Next(2) == 0
            ? [Policy(random, derived, None)] : [FullAccess, Policy(random, derived, None, deny: true)])).ToArray();
        var rcps = random.Next(3) == 0 ? new IReadOnlyList<PreparedPolicy>[] { [RcpFullAccess, Policy(random, derived, () => PrincipalElement.Everyone, deny: true)] } : [];
        return new PolicySet
        {
            IdentityPolicies = Enumerable.Range(0, random.Next(1, 3)).Select(_ => Policy(random, derived, None)).ToArray(),
            PermissionsBoundary = random.Next(2) == 0 ? Policy(random, derived, None) : null,
            SessionPolicies = random.Next(4) == 0 ? [Policy(random, derived, None)] : [],
            ServiceControlPolicyLevels = scps,
            ResourceControlPolicyLevels = rcps,
            ResourcePolicy = resourcePolicy ? Policy(random, derived, () => RandomPrincipal(random)) : null,
            ManagementAccount = random.Next(5) == 0 ? "444455556666" : null,
        };
    }

    private static AnalysisScope? RandomScope(Random random, bool fixedCallers)
    {
        string? owner = random.Next(3) == 0 ? "444455556666" : null;
        if (!fixedCallers) return owner is null ? null : new AnalysisScope { ResourceAccount = owner };
        var callers = Enumerable.Range(0, random.Next(1, 4)).Select(_ => (string?)FixedCallers[random.Next(FixedCallers.Length)]).Distinct().ToArray();
        return new AnalysisScope { Callers = callers, ResourceAccount = owner };
    }

    private static IEnumerable<Request> AllRequests(AnalysisScope? scope, bool anyCallers)
    {
        var callers = scope?.Callers ?? (anyCallers ? AnyCallers : [null]);
        var contexts = KValues.Select(v => new Dictionary<string, string[]> { ["k"] = v }).Prepend([]).ToArray();
        foreach (var caller in callers)
        foreach (var action in Actions)
        foreach (var resource in Resources)
        foreach (var context in contexts)
        {
            bool noAccount = !resource.StartsWith("arn:", StringComparison.Ordinal) || resource.Split(':')[4].Length == 0;
            yield return new Request(caller, action, resource, context, noAccount ? scope?.ResourceAccount : null);
        }
    }

    private static string Show(PolicySet set)
    {
        static string J(PreparedPolicy p) => PolicyAsCode.Json.PolicyJson.Write(p.Document);
        return $"identity [{string.Join(" ", set.IdentityPolicies.Select(J))}] boundary {(set.PermissionsBoundary is { } b ? J(b) : "-")} session [{string.Join(" ", set.SessionPolicies.Select(J))}]"
            + $" scp [{string.Join(" | ", set.ServiceControlPolicyLevels.Select(l => string.Join(" ", l.Select(J))))}] rcp [{string.Join(" | ", set.ResourceControlPolicyLevels.Select(l => string.Join(" ", l.Select(J))))}]"
            + $" resource {(set.ResourcePolicy is { } r ? J(r) : "-")} management {set.ManagementAccount}";
    }

    private static bool Allows(PolicySet set, Request request) => Authorizer.Authorize(set, request) == Decision.Allow;

    private static void AssertAgrees(Verdict verdict, bool bruteForceFails, Func<Request, bool> violates, string what = "")
    {
        Assert.True(verdict.Kind != VerdictKind.Unknown, verdict.ToString());
        // The pool is finite and the analysis's universe is not (every action, every ARN): a violation the pool has must
        // be found, and a violation found must be real (it replays). Brute force over the pool plus the witness agrees.
        if (bruteForceFails) Assert.True(verdict.Kind == VerdictKind.Fails, verdict + what);
        if (verdict.Kind == VerdictKind.Fails)
        {
            Assert.True(violates(verdict.Witness!), verdict.ToString());
            Assert.DoesNotContain('*', verdict.Witness!.Resource == "*" ? "" : verdict.Witness.Resource);
        }
    }

    private static void Run(int seed, int rounds, bool fixedCallers, bool resourcePolicy)
    {
        var random = new Random(seed);
        int fails = 0;
        for (int round = 0; round < rounds; round++)
        {
            var baseline = RandomSet(random, fixedCallers, resourcePolicy);
            var candidate = random.Next(2) == 0 ? RandomSet(random, fixedCallers, resourcePolicy)
                : new PolicySet
                {
                    // One part changed: equivalence and no-new-access often hold.
                    IdentityPolicies = baseline.IdentityPolicies,
                    PermissionsBoundary = random.Next(2) == 0 ? null : baseline.PermissionsBoundary,
                    SessionPolicies = baseline.SessionPolicies,
                    ServiceControlPolicyLevels = random.Next(2) == 0 ? [] : baseline.ServiceControlPolicyLevels,
                    ResourceControlPolicyLevels = baseline.ResourceControlPolicyLevels,
                    ResourcePolicy = baseline.ResourcePolicy,
                    ManagementAccount = baseline.ManagementAccount,
                };
            var scope = RandomScope(random, fixedCallers);
            var all = AllRequests(scope, anyCallers: resourcePolicy).ToList();
            string what = $"\nbaseline {Show(baseline)}\ncandidate {Show(candidate)}\ncallers {string.Join(", ", scope?.Callers ?? [])} owner {scope?.ResourceAccount}";
            bool Allowed(Request r) => Allows(candidate, r);
            bool New(Request r) => Allows(candidate, r) && !Allows(baseline, r);
            bool Differ(Request r) => Allows(candidate, r) != Allows(baseline, r);
            AssertAgrees(PolicyAnalysis.FindAllowed(candidate, scope), all.Any(Allowed), Allowed, what + "\nfirst " + all.FirstOrDefault(Allowed));
            var noNew = PolicyAnalysis.NoNewAccess(baseline, candidate, scope);
            AssertAgrees(noNew, all.Any(New), New, what + "\nfirst " + all.FirstOrDefault(New));
            if (noNew.Kind == VerdictKind.Fails) fails++;
            AssertAgrees(PolicyAnalysis.Equivalent(baseline, candidate, scope), all.Any(Differ), Differ, what);
            var actions = Pick(random, ActionPool);
            var resources = Pick(random, ResourcePool);
            var actionScope = actions.Select(a => GlobPattern.Compile(a, true, false, true)).ToArray();
            var resourceScope = resources.Select(r => ArnPattern.Compile(r, false)).ToArray();
            bool Granted(Request r) => actionScope.Any(p => p.IsMatch(r.Action)) && resourceScope.Any(p => p.IsMatch(r.Resource)) && Allows(candidate, r);
            AssertAgrees(PolicyAnalysis.AccessNotGranted(candidate, actions, resources, scope), all.Any(Granted), Granted, what + $"\nscope {string.Join(",", actions)} {string.Join(",", resources)} first {all.FirstOrDefault(Granted)} {all.FirstOrDefault(Granted)?.ResourceAccount}");
        }
        // The pools give both answers often.
        Assert.InRange(fails, rounds / 10, rounds - rounds / 10);
    }

    [Fact]
    public void IdentitySetsWithBoundariesSessionsAndOrganizationLevelsEqualBruteForce() => Run(1221, 80, fixedCallers: false, resourcePolicy: false);

    [Fact]
    public void SetsWithAResourcePolicyEqualBruteForceOverEveryCaller() => Run(1222, 30, fixedCallers: false, resourcePolicy: true);

    [Fact]
    public void SetsOfFixedCallersDecideDerivedKeysAndVariablesLikeBruteForce() => Run(1223, 60, fixedCallers: true, resourcePolicy: false);

    [Fact]
    public void CrossAccountSetsOfFixedCallersEqualBruteForce() => Run(1224, 40, fixedCallers: true, resourcePolicy: true);
}
