using PolicyAsCode.Analysis;

namespace PolicyAsCode.Tests.Analysis;

/// <summary>
/// Random policies with conditions of every decided family (String, case-insensitive String, Arn, Numeric, Date, Bool,
/// IpAddress, Binary, Null; literal * and ? in StringEquals; IfExists; ForAllValues/ForAnyValue): each check's verdict equals brute force over every request of a
/// small universe, whose values meet every region the pools form and whose keys take no value, one or two values.
/// </summary>
public sealed class ConditionCompletenessTests
{
    private sealed record KeyPool(string Key, string[] Operators, string[] PolicyValues, string[] RequestValues);

    private static readonly KeyPool[] Pools =
    [
        new("k", ["StringEquals", "StringNotEquals", "StringLike", "StringNotLike"], ["a", "b", "a*", "?"],
            ["a", "b", "ax", "c", "", "xy", "A", "a*", "?", "*"]),
        new("ci", ["StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase"], ["Ab", "c"], ["ab", "AB", "c", "C", "x"]),
        new("n", ["NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals"],
            ["1", "5", "2.5"], ["0", "1", "2", "2.5", "3", "5", "6", "x"]),
        new("d", ["DateLessThan", "DateGreaterThanEquals", "DateEquals", "DateNotEquals"], ["2020-01-01T00:00:00Z", "2021-06-01T00:00:00Z"],
            ["2019-01-01T00:00:00Z", "2020-01-01T00:00:00Z", "1590969600", "2021-06-01T00:00:00Z", "2022-01-01", "x"]),
        new("b", ["Bool"], ["true", "false"], ["true", "FALSE", "x"]),
        new("ip", ["IpAddress", "NotIpAddress"], ["10.0.0.0/8", "10.1.0.0/16", "2001:db8::/32", "10.1.2.3"],
            ["10.1.2.3", "10.1.2.4", "10.2.0.0", "11.0.0.1", "2001:db8::1", "::ffff:10.1.2.3", "2002::1", "x"]),
        new("bin", ["BinaryEquals"], ["QUJD", "AA=="], ["QUJD", "AA==", "AQ==", "x"]),
        new("arn", ["ArnLike", "ArnNotLike", "ArnEquals"], ["arn:aws:s3:::a/*", "arn:aws:iam::*:role/x"],
            ["arn:aws:s3:::a/b", "arn:aws:s3:::b", "arn:aws:iam::1:role/x", "arn:aws:iam::1:role/y", "x"]),
    ];

    private static readonly string[] Actions = ["s3:GetObject", "s3:PutObject"];

    private static Condition RandomCondition(Random random, KeyPool pool)
    {
        if (random.Next(8) == 0) return new Condition(ConditionOperator.Parse("Null"), pool.Key, EquatableArray.Create(random.Next(2) == 0 ? "true" : "false"));
        string name = pool.Operators[random.Next(pool.Operators.Length)];
        if (random.Next(4) == 0) name += "IfExists";
        name = random.Next(5) switch { 0 => "ForAllValues:" + name, 1 => "ForAnyValue:" + name, _ => name };
        // StringEquals compares * and ? literally (the request values "a*", "?" and "*" meet those regions).
        var values = Enumerable.Range(0, random.Next(1, 3)).Select(_ => pool.PolicyValues[random.Next(pool.PolicyValues.Length)]).Distinct().ToArray();
        return new Condition(ConditionOperator.Parse(name), pool.Key, EquatableArray.Create(values));
    }

    private static PolicyDocument RandomPolicy(Random random, KeyPool[] keys)
    {
        var statements = Enumerable.Range(0, random.Next(1, 3)).Select(_ =>
        {
            var action = new ActionElement(false, EquatableArray.Create(Actions[random.Next(Actions.Length)]));
            var conditions = Enumerable.Range(0, random.Next(0, 3)).Select(_ => RandomCondition(random, keys[random.Next(keys.Length)])).ToArray();
            return new Statement(random.Next(3) == 0 ? Effect.Deny : Effect.Allow, action)
            {
                Resource = new ResourceElement(false, EquatableArray.Create("*")),
                Conditions = EquatableArray.Create(conditions),
            };
        }).ToArray();
        return new PolicyDocument(PolicyDocument.Version2012, null, EquatableArray.Create(statements));
    }

    /// <summary>Every request over the keys: each missing, or given one or two of its request values.</summary>
    private static List<Request> AllRequests(KeyPool[] keys)
    {
        var contexts = new List<Dictionary<string, string[]>> { new() };
        foreach (var pool in keys)
        {
            var sets = new List<string[]>();
            var v = pool.RequestValues;
            for (int i = 0; i < v.Length; i++)
            {
                sets.Add([v[i]]);
                for (int j = i + 1; j < v.Length; j++) sets.Add([v[i], v[j]]);
            }
            contexts = contexts.SelectMany(c => sets.Select(s => new Dictionary<string, string[]>(c) { [pool.Key] = s }).Prepend(c)).ToList();
        }
        return (from a in Actions from c in contexts select new Request(null, a, "arn:aws:s3:::a/b", c)).ToList();
    }

    private static Decision Decide(PolicyDocument policy, Request request) => new PreparedPolicy(policy).Decide(request);

    private static void AssertAgrees(Verdict verdict, bool bruteForceFails, Func<Request, bool> violates)
    {
        Assert.True(verdict.Kind != VerdictKind.Unknown, verdict.ToString());
        Assert.True(bruteForceFails == (verdict.Kind == VerdictKind.Fails), verdict.ToString());
        if (verdict.Kind == VerdictKind.Fails) Assert.True(violates(verdict.Witness!), verdict.ToString());
    }

    private static IEnumerable<(int Round, KeyPool[] Keys, Random Random)> Rounds(int seed, int rounds)
    {
        var random = new Random(seed);
        for (int round = 0; round < rounds; round++)
        {
            var first = Pools[random.Next(Pools.Length)];
            var second = Pools[random.Next(Pools.Length)];
            yield return (round, first == second ? [first] : [first, second], random);
        }
    }

    [Fact]
    public void NoNewAccessAndEquivalenceEqualBruteForceForEveryFamily()
    {
        foreach (var (_, keys, random) in Rounds(1211, 150))
        {
            var baseline = RandomPolicy(random, keys);
            var candidate = RandomPolicy(random, keys);
            var all = AllRequests(keys);
            bool New(Request r) => Decide(candidate, r) == Decision.Allow && Decide(baseline, r) != Decision.Allow;
            bool Differ(Request r) => (Decide(candidate, r) == Decision.Allow) != (Decide(baseline, r) == Decision.Allow);
            AssertAgrees(PolicyAnalysis.NoNewAccess([baseline], [candidate]), all.Any(New), New);
            AssertAgrees(PolicyAnalysis.Equivalent([baseline], [candidate]), all.Any(Differ), Differ);
        }
    }

    [Fact]
    public void FindAllowedAndUnusedStatementsEqualBruteForceForEveryFamily()
    {
        foreach (var (_, keys, random) in Rounds(1212, 150))
        {
            var policy = RandomPolicy(random, keys);
            var all = AllRequests(keys);
            bool Allowed(Request r) => Decide(policy, r) == Decision.Allow;
            AssertAgrees(PolicyAnalysis.FindAllowed([policy]), all.Any(Allowed), Allowed);
            var statements = policy.Statements.Items;
            var verdicts = PolicyAnalysis.UnusedStatements(policy);
            for (int i = 0; i < statements.Length; i++)
            {
                var without = policy with { Statements = EquatableArray.Create(statements.Where((_, j) => j != i).ToArray()) };
                bool Changes(Request r) => Decide(policy, r) != Decide(without, r);
                AssertAgrees(verdicts[i], all.Any(Changes), Changes);
            }
        }
    }

    [Fact]
    public void AWitnessGivesOnlyTheKeysItsDecisionNeeds()
    {
        var policy = PolicyAsCode.Json.PolicyJson.Parse("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
              "Condition":{"NumericLessThan":{"s3:max-keys":"10"},"IpAddress":{"aws:SourceIp":"203.0.113.0/24"},"BoolIfExists":{"aws:MultiFactorAuthPresent":"true"}}}]}
            """);
        var verdict = PolicyAnalysis.FindAllowed([policy]);
        Assert.Equal(VerdictKind.Fails, verdict.Kind);
        Assert.Equal(["aws:SourceIp", "s3:max-keys"], verdict.WitnessContext.Keys.Order(StringComparer.Ordinal));
        Assert.True(decimal.Parse(verdict.WitnessContext["s3:max-keys"][0], System.Globalization.CultureInfo.InvariantCulture) < 10);
        Assert.StartsWith("203.0.113.", verdict.WitnessContext["aws:SourceIp"][0]);
    }

    [Fact]
    public void TwoConditionsOnOneKeyAreMetByAWitnessWithTwoValues()
    {
        // No single value equals both a and b, but a request may give the key both values: the statement applies.
        var policy = PolicyAsCode.Json.PolicyJson.Parse("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
              "Condition":{"ForAnyValue:StringEquals":{"aws:TagKeys":"a"},"StringLike":{"aws:TagKeys":"b*"}}}]}
            """);
        var verdict = PolicyAnalysis.FindAllowed([policy]);
        Assert.Equal(VerdictKind.Fails, verdict.Kind);
        Assert.Equal(2, verdict.WitnessContext["aws:TagKeys"].Length);
    }

    [Fact]
    public void OneKeyReadByTwoFamiliesIsUnknownAndBinaryEqualsIsDecided()
    {
        var mixed = PolicyAsCode.Json.PolicyJson.Parse("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
              "Condition":{"StringLike":{"k":"1*"},"NumericLessThan":{"k":"5"}}}]}
            """);
        var unknown = PolicyAnalysis.FindAllowed([mixed]);
        Assert.Equal(VerdictKind.Unknown, unknown.Kind);
        Assert.Contains("several families", unknown.Reason);
        // BinaryEquals compares the decoded bytes: "QQ==" is the byte 'A'.
        var binary = PolicyAsCode.Json.PolicyJson.Parse("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"BinaryEquals":{"k":"QQ=="}}}]}
            """);
        var verdict = PolicyAnalysis.FindAllowed([binary]);
        Assert.Equal(VerdictKind.Fails, verdict.Kind);
        Assert.Equal(["QQ=="], verdict.WitnessContext["k"]);
    }

    [Fact]
    public void StringEqualsComparesWildcardsLiterally()
    {
        // IAM User Guide, "String condition operators": StringEquals is an exact match; only StringLike has wildcards.
        var policy = PolicyAsCode.Json.PolicyJson.Parse("""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"k":"a*"}}}]}
            """);
        var verdict = PolicyAnalysis.FindAllowed([policy]);
        Assert.Equal(VerdictKind.Fails, verdict.Kind);
        Assert.Equal(["a*"], verdict.WitnessContext["k"]);
        var like = policy with { Statements = EquatableArray.Create(policy.Statements[0] with { Conditions = EquatableArray.Create(
            new Condition(ConditionOperator.Parse("StringLike"), "k", EquatableArray.Create("a*"))) }) };
        // StringLike a* allows "a", which StringEquals a* does not: the candidate grants more.
        var wider = PolicyAnalysis.NoNewAccess([policy], [like]);
        Assert.Equal(VerdictKind.Fails, wider.Kind);
        Assert.NotEqual("a*", wider.WitnessContext["k"][0]);
        Assert.Equal(VerdictKind.Holds, PolicyAnalysis.NoNewAccess([like], [policy]).Kind);
    }

    [Fact]
    public void ASingleValuedKeyGetsOneValueInTheWitness()
    {
        // aws:SourceVpc is a String key (not ArrayOf) in the Service Authorization Reference: a request has one value.
        // Two conditions read it, so a multi-valued key would be tried with sets of values; this one is not.
        var policy = PolicyAsCode.Json.PolicyJson.Parse("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
              "Condition":{"StringEquals":{"aws:SourceVpc":"vpc-1"},"StringNotEquals":{"aws:SourceVpc":"vpc-2"}}}]}
            """);
        var verdict = PolicyAnalysis.FindAllowed([policy]);
        Assert.Equal(VerdictKind.Fails, verdict.Kind);
        Assert.Equal(["vpc-1"], verdict.WitnessContext["aws:SourceVpc"]);
        var contradictory = PolicyAsCode.Json.PolicyJson.Parse("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
              "Condition":{"ForAnyValue:StringEquals":{"aws:SourceVpc":"vpc-1"},"ForAnyValue:StringNotEquals":{"aws:SourceVpc":"vpc-1"}}}]}
            """);
        // With two values ["vpc-1", "vpc-2"] both would hold; one value never satisfies both.
        Assert.Equal(VerdictKind.Holds, PolicyAnalysis.FindAllowed([contradictory]).Kind);
    }
}
