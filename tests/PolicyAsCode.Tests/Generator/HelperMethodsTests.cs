namespace PolicyAsCode.Tests.Generator;

/// <summary>
/// Declarations factored the way teams factor code: the user's own static methods and local functions, with parameters,
/// locals, if/return, conditionals, switch expressions, collections and System.Linq. Each generated JSON is byte-equal to
/// what the same C# builds when it runs (<see cref="GeneratedAssembly.AssertMatchesRuntime"/>).
/// </summary>
public class HelperMethodsTests
{
    private static async Task<SortedDictionary<string, string>> GenerateAsync(params string[] sources)
    {
        using var generated = await new PolicyGeneratorTest(sources).RunAndLoadAsync();
        return generated.AssertMatchesRuntime();
    }

    [Fact]
    public async Task TheIssuesExamples_EmitTheRuntimeJson()
    {
        var files = await GenerateAsync("""
            using System.Linq;

            public static partial class Platform
            {
                private const bool Strict = true;
                private static readonly string[] Buckets = ["reports", "exports"];

                static IdentityPolicy ReadBucket(string bucket) => Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket(bucket));

                [ManagedPolicy("reports_read")]
                public static IdentityPolicy ReportsRead => ReadBucket("reports");

                [ManagedPolicy("objects_read")]
                public static IdentityPolicy ObjectsRead => Policy.Identity()
                    .Allow(Strict ? S3.GetObject : S3.GetObjectVersion)
                    .On(Buckets.Select(b => S3.Arn.Object(b, "*")).ToArray());
            }
            """);
        Assert.Contains("\"arn:aws:s3:::reports\"", files["reports_read.json"]);
        Assert.Contains("\"arn:aws:s3:::exports/*\"", files["objects_read.json"]);
        Assert.DoesNotContain("GetObjectVersion", files["objects_read.json"]);
    }

    [Fact]
    public async Task ParametersOptionalNamedAndParamsArguments_EmitTheRuntimeJson()
    {
        var files = await GenerateAsync("""
            public static partial class Helpers
            {
                private static readonly string Account = "111122223333";

                static IdentityPolicy Read(string bucket, string prefix = "*", bool write = false, params IamAction[] extra)
                    => Policy.Identity()
                        .Allow([S3.GetObject, .. extra]).On(S3.Arn.Object(bucket, prefix))
                        .Allow(write ? S3.PutObject : S3.GetObjectAcl).On(S3.Arn.Object(bucket, $"{prefix}"));

                static ResourcePolicy Shared(string bucket, string account) => Policy.Resource()
                    .Allow(S3.GetObject).For(Principal.Account(account)).On(S3.Arn.Object(bucket, "*"));

                [ManagedPolicy("defaults")]
                public static IdentityPolicy Defaults => Read("logs");

                [ManagedPolicy("named")]
                public static IdentityPolicy Named => Read(prefix: "home/" + "alice/*", bucket: "homes", write: true);

                [ManagedPolicy("params")]
                public static IdentityPolicy WithParams => Read("data", "in/*", false, S3.GetObjectVersion, "s3:GetObjectTagging");

                [ResourcePolicy("shared")]
                public static ResourcePolicy SharedBucket => Shared("team-bucket", Account);

                [ManagedPolicy("included")]
                public static IdentityPolicy Included => Read("a").Include(Defaults).Include(Read(bucket: "b"));
            }
            """);
        Assert.Contains("\"arn:aws:s3:::homes/home/alice/*\"", files["named.json"]);
        Assert.Contains("\"s3:PutObject\"", files["named.json"]);
        Assert.Contains("\"s3:GetObjectTagging\"", files["params.json"]);
        Assert.Contains("111122223333", files["shared.json"]);
    }

    [Fact]
    public async Task StatementsLocalFunctionsAndSwitchExpressions_EmitTheRuntimeJson()
    {
        var files = await GenerateAsync("""
            public static partial class Environments
            {
                private const string Stage = "prod";

                static IamAction[] ActionsFor(string stage, int level)
                {
                    var read = new IamAction[] { S3.GetObject, S3.ListBucket };
                    if (stage == "dev" || level > 2) return [.. read, S3.PutObject, S3.DeleteObject];
                    if (stage != "prod" && !(level == 0)) return [.. read, S3.PutObject];
                    return read;
                }

                static string BucketFor(string stage) => stage switch
                {
                    "prod" or "production" => "acme-prod",
                    "dev" => "acme-dev",
                    var other when other.Length > 0 => "acme-" + other,
                    _ => "acme",
                };

                [ManagedPolicy("prod")]
                public static IdentityPolicy Prod => Policy.Identity().Allow(ActionsFor(Stage, 1)).On(S3.Arn.Object(BucketFor(Stage), "*"));

                [ManagedPolicy("dev")]
                public static IdentityPolicy Dev => Policy.Identity().Allow(ActionsFor("dev", 0)).On(S3.Arn.Object(BucketFor("dev"), "*"));

                [ManagedPolicy("pattern")]
                public static IdentityPolicy Pattern => "my-bucket" is var bucket ? Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Bucket(bucket)) : Policy.Identity();

                [ManagedPolicy("qa")]
                public static IdentityPolicy Qa
                {
                    get
                    {
                        const string stage = "qa";
                        string bucket = BucketFor(stage);
                        ResourceArn Objects(string prefix) => S3.Arn.Object(bucket, prefix);
                        var policy = Policy.Identity().Allow(ActionsFor(stage, 1)).On(Objects("in/*"), Objects("out/*"));
                        if (bucket is "acme-qa") return policy.Allow(S3.ListBucket).On(S3.Arn.Bucket(bucket));
                        return policy;
                    }
                }
            }
            """);
        Assert.Contains("\"s3:DeleteObject\"", files["dev.json"]);
        Assert.DoesNotContain("\"s3:PutObject\"", files["prod.json"]);
        Assert.Contains("\"arn:aws:s3:::acme-qa/out/*\"", files["qa.json"]);
        Assert.Contains("\"s3:PutObject\"", files["qa.json"]);
    }

    [Fact]
    public async Task LinqOperatorsAndMethodGroups_EmitTheRuntimeJson()
    {
        var files = await GenerateAsync("""
            using System.Linq;

            public static partial class Lists
            {
                private static readonly string[] Tables = ["orders", "users", "orders", "audit"];
                private static readonly string[] Regions = ["us-east-1", "eu-west-1"];

                static ResourceArn Table(string region, string table) => $"arn:aws:dynamodb:{region}:111122223333:table/{table}";
                static ResourceArn Bucket(string name) => S3.Arn.Bucket(name);

                [ManagedPolicy("tables")]
                public static IdentityPolicy TablesPolicy => Policy.Identity()
                    .Allow(Dynamodb.GetItem, Dynamodb.Query)
                    .On(Regions.SelectMany(r => Tables.Distinct().Where(t => t != "audit").Select(t => Table(r, t))).ToArray())
                    .Allow(S3.ListBucket)
                    .On(Tables.Select(Bucket).Concat([S3.Arn.Bucket("extra")]).Append("arn:aws:s3:::last").Prepend(S3.Arn.Bucket("first")).Distinct().ToList().ToArray())
                    .Allow(S3.GetObject)
                    .On([.. Tables.Where((t, i) => i % 2 == 0).Select((t, i) => S3.Arn.Object(t, i + "/*"))]);
            }
            """);
        string json = files["tables.json"];
        Assert.Contains("\"arn:aws:dynamodb:eu-west-1:111122223333:table/users\"", json);
        Assert.DoesNotContain("table/audit", json);
        Assert.Contains("\"arn:aws:s3:::orders/1/*\"", json);
    }

    [Fact]
    public async Task HelpersBuildingRolesConditionsAndPrincipals_EmitTheRuntimeJson()
    {
        var files = await GenerateAsync("""
            public static partial class Roles
            {
                private static readonly string[] Accounts = ["111122223333", "444455556666"];

                static Condition FromNetwork(string cidr) => Keys.Aws.SourceIp.InRange(cidr);
                static Principal[] Trusted(bool mfa) => mfa ? [Principal.Account(Accounts[0]).WithMfa(), Principal.Account(Accounts[1]).WithMfa()] : [Principal.Account(Accounts[0])];

                [ManagedPolicy("network")]
                public static IdentityPolicy Network => Policy.Identity().Allow(S3.GetObject).OnAll().When(FromNetwork("10.0.0.0/8"), Keys.Aws.SecureTransport.IsTrue());

                static Role Service(string service, IdentityPolicy policy) => Role.Define().TrustedBy(Principal.Service(service)).Attach(policy).MaxSession(TimeSpan.FromHours(Accounts.Length));

                [Role("worker")]
                public static Role Worker => Service("lambda.amazonaws.com", Network);

                [Role("admins")]
                public static Role Admins => Role.Define().TrustedBy(Trusted(mfa: true)).Inline("read", Policy.Identity().Allow(S3.GetObject).OnAll().When(FromNetwork("192.168.0.0/16")));
            }
            """);
        Assert.Contains("\"lambda.amazonaws.com\"", files["worker.trust.json"]);
        Assert.Contains("arn:aws:iam::444455556666:root", files["admins.trust.json"]);
        Assert.Contains("\"192.168.0.0/16\"", files["admins.inline.read.json"]);
    }
}
