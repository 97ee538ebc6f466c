using CsCheck;
using PolicyAsCode.Json;
using PolicyAsCode.Tests.Generator;

namespace PolicyAsCode.Tests.CompiledEvaluator;

/// <summary>
/// Compiled evaluators in multi-policy evaluation: a role session's identity policy, its permissions boundary and
/// session policy, a bucket policy (all declared, so compiled) and SCPs read from JSON at run time, decided together by
/// <see cref="Authorizer"/>. Differential: every random request gets the same decision as with the interpreter alone.
/// </summary>
public class CompiledPolicySetTests
{
    internal const string Estate = """
        public static partial class Estate
        {
            [ManagedPolicy("app_data")]
            public static IdentityPolicy AppData => Policy.Identity()
                .Allow(S3.GetObject, S3.ListBucket).On(S3.Arn.Bucket("my-bucket"), S3.Arn.Object("my-bucket", "*"))
                .Allow(S3.PutObject).On(S3.Arn.Object("my-bucket", "alice/*"))
                .Allow(Kms.Decrypt).OnAll()
                .Deny(S3.DeleteObject).OnAll();

            [ManagedPolicy("developer_boundary")]
            public static IdentityPolicy Boundary => Policy.Identity().Allow(S3.GetObject, S3.PutObject, S3.ListBucket, S3.DeleteObject).OnAll();

            [ManagedPolicy("session")]
            public static IdentityPolicy Session => Policy.Identity().Allow(S3.GetObject, S3.ListBucket, Kms.Decrypt).OnAll();

            [ResourcePolicy("my_bucket")]
            public static ResourcePolicy Bucket => Policy.Resource()
                .Allow(S3.GetObject).For(Principal.Account("111122223333")).On(S3.Arn.Object("my-bucket", "*"))
                .Allow(S3.ListBucket).For(Principal.Account("444455556666")).On(S3.Arn.Bucket("my-bucket"))
                .Deny(S3.PutObject).For(Principal.Account("444455556666")).On(S3.Arn.Object("my-bucket", "*"));
        }
        """;

    /// <summary>The root's SCPs (AWS's FullAWSAccess beside a guardrail) and an OU's allow list, as read from JSON at run time.</summary>
    internal static IReadOnlyList<IReadOnlyList<PreparedPolicy>> ScpLevels { get; } =
    [
        [
            new PreparedPolicy(PolicyJson.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"""), "FullAWSAccess"),
            new PreparedPolicy(PolicyJson.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}"""), "guardrail"),
        ],
        [new PreparedPolicy(PolicyJson.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","kms:Decrypt"],"Resource":"*"}]}"""), "workloads")],
    ];

    [Fact]
    public async Task RoleSessionWithBoundarySessionPolicyScpsAndBucketPolicy_DecidesLikeTheInterpreter()
    {
        using var generated = await new PolicyGeneratorTest(Estate).RunAndLoadAsync();
        var compiled = generated.Declarations().ToDictionary(d => d.Name, d => Prepared(d.Type, d.Member));
        Assert.All(compiled.Values, p => Assert.True(p.IsCompiled));

        var compiledSet = Set(compiled);
        var interpretedSet = Set(compiled.ToDictionary(p => p.Key, p => new PreparedPolicy(p.Value.Document, p.Value.Name)));

        // Requests over the actions, resources, callers and context values of all the policies together.
        var pool = RequestPool.For(new PolicyDocument("2012-10-17", null,
            EquatableArray.Create(compiled.Values.Concat(ScpLevels.SelectMany(l => l)).SelectMany(p => p.Document.Statements.Items).ToArray())));
        var counts = new Dictionary<Decision, int> { [Decision.Allow] = 0, [Decision.ImplicitDeny] = 0, [Decision.ExplicitDeny] = 0 };
        var failures = new List<string>();
        foreach (var request in pool.Sample(20_000, seed: 10).Concat(pool.ActionsTimesResources("arn:aws:sts::111122223333:assumed-role/app/session")))
        {
            var expected = Authorizer.Authorize(interpretedSet, request);
            counts[expected]++;
            var actual = Authorizer.Authorize(compiledSet, request);
            if (actual != expected && failures.Count < 10) failures.Add($"interpreter {expected}, compiled {actual}: {RequestPool.Describe(request)}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // The requests reached every outcome, so each policy's part in the decision was exercised.
        Assert.All(counts, c => Assert.True(c.Value > 100, $"{c.Key}: {c.Value}"));
    }

    [Fact]
    public async Task CompiledPolicyInASet_ExplainsWithTheInterpretedStatements()
    {
        using var generated = await new PolicyGeneratorTest(Estate).RunAndLoadAsync();
        var compiled = generated.Declarations().ToDictionary(d => d.Name, d => Prepared(d.Type, d.Member));
        var request = new Request("arn:aws:sts::111122223333:assumed-role/app/session", "s3:GetObject", "arn:aws:s3:::my-bucket/alice/x");

        var explained = Authorizer.Explain(Set(compiled), request);

        Assert.Equal(Decision.Allow, explained.Decision);
        Assert.Equal(Authorizer.Authorize(Set(compiled), request), explained.Decision);
        Assert.Contains(explained.Statements, t => t.Policy.Contains("app_data", StringComparison.Ordinal));
    }

    [Fact]
    public void RandomResourcePolicies_CompiledWithTheirGrants_DecideLikeTheInterpreter()
    {
        // How the caller matched a resource-based policy (itself, its role, its account) decides what else must allow: the
        // generated EvaluateGrant must say what the interpreter says, alone and beside an identity-based policy.
        var documents = RandomPolicyGen.Policy.Array[150].Single();
        var compiled = EvaluatorCompiler.Prepare(documents.Select((d, i) => ($"Policy{i}", d)).ToArray());
        var identity = new PreparedPolicy(PolicyJson.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"""));
        var pools = documents.Select(RequestPool.For).ToArray();
        int allowed = 0;
        Gen.Int[0, documents.Length - 1]
            .SelectMany(i => pools[i].Requests.Select(request => (i, request)))
            .Sample((i, request) =>
            {
                var interpreted = new PreparedPolicy(documents[i]);
                var expected = Authorizer.Authorize(new PolicySet { ResourcePolicy = interpreted }, request);
                if (expected == Decision.Allow) Interlocked.Increment(ref allowed);
                return expected == Authorizer.Authorize(new PolicySet { ResourcePolicy = compiled[$"Policy{i}"] }, request)
                    && Authorizer.Authorize(new PolicySet { IdentityPolicies = [identity], ResourcePolicy = interpreted }, request)
                        == Authorizer.Authorize(new PolicySet { IdentityPolicies = [identity], ResourcePolicy = compiled[$"Policy{i}"] }, request);
            },
            iter: 30_000,
            print: t => CanonicalJsonWriter.Write(documents[t.Item1], indented: false) + "\n" + RequestPool.Describe(t.Item2));
        Assert.True(allowed > 100, $"only {allowed} requests were allowed by a resource policy alone");
    }

    [Fact]
    public void FullAwsAccessSkippedInDecisions_DecidesAsTheExplainedEvaluation()
    {
        // Authorize does not evaluate a policy that allows everything and denies nothing (FullAWSAccess) at an SCP level;
        // Explain evaluates every policy. Over random requests both give the same decision, with policies that look like
        // FullAWSAccess but are not (a condition, a Deny statement, NotAction) at the same levels, which must be evaluated.
        PreparedPolicy Json(string name, string statements) => new(PolicyJson.Parse($$"""{"Version":"2012-10-17","Statement":[{{statements}}]}"""), name);
        var full = Json("FullAWSAccess", """{"Effect":"Allow","Action":"*","Resource":"*"}""");
        var conditional = Json("conditional", """{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}""");
        var withDeny = Json("withDeny", """{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"s3:PutObject","Resource":"*"}""");
        var notAction = Json("notAction", """{"Effect":"Allow","NotAction":"*","Resource":"*"}""");
        var guardrail = Json("guardrail", """{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::my-bucket/*"}""");
        Assert.True(full.AllowsEverything);
        Assert.All(new[] { conditional, withDeny, notAction, guardrail }, p => Assert.False(p.AllowsEverything, p.Name));

        var set = new PolicySet
        {
            IdentityPolicies = [Json("identity", """{"Effect":"Allow","Action":["s3:*","kms:Decrypt"],"Resource":"*"}""")],
            ServiceControlPolicyLevels = [[full, guardrail], [conditional], [full, withDeny], [notAction, full]],
        };
        var pool = RequestPool.For(new PolicyDocument("2012-10-17", null, EquatableArray.Create(
            new[] { full, conditional, withDeny, guardrail }.SelectMany(p => p.Document.Statements.Items).ToArray())));
        var counts = new Dictionary<Decision, int> { [Decision.Allow] = 0, [Decision.ImplicitDeny] = 0, [Decision.ExplicitDeny] = 0 };
        foreach (var request in pool.Sample(20_000, seed: 12))
        {
            var explained = Authorizer.Explain(set, request).Decision;
            counts[explained]++;
            Assert.True(explained == Authorizer.Authorize(set, request), RequestPool.Describe(request));
        }
        Assert.All(counts, c => Assert.True(c.Value > 50, $"{c.Key}: {c.Value}"));
    }

    internal static PolicySet Set(IReadOnlyDictionary<string, PreparedPolicy> policies) => new()
    {
        IdentityPolicies = [policies["app_data"]],
        PermissionsBoundary = policies["developer_boundary"],
        SessionPolicies = [policies["session"]],
        ResourcePolicy = policies["my_bucket"],
        ServiceControlPolicyLevels = ScpLevels,
    };

    private static PreparedPolicy Prepared(Type type, string member)
        => (PreparedPolicy)type.GetNestedType("Compiled")!.GetNestedType(member)!.GetProperty("Prepared")!.GetValue(null)!;
}
