extern alias generator;

namespace PolicyAsCode.Tests.Generator;

/// <summary>
/// Each feature of the DSL, declared in a test project: the generator embeds the JSON that the same code builds at run
/// time, byte for byte, with the compiled class and registry entry of each declaration, and the generated code compiles.
/// </summary>
public class GeneratedDeclarationsTests
{
    private static async Task<SortedDictionary<string, string>> GenerateAsync(params string[] sources)
    {
        using var generated = await new PolicyGeneratorTest(sources).RunAndLoadAsync();
        return generated.AssertMatchesRuntime();
    }

    [Fact]
    public async Task IdentityPolicyWithSeveralStatements_EmitsTheRuntimeJson()
    {
        var files = await GenerateAsync("""
            namespace Features;

            public static partial class Storage
            {
                [ManagedPolicy("storage_access")]
                public static IdentityPolicy Access => Policy.Identity()
                    .Allow(S3.ListBucket).On(S3.Arn.Bucket("my-bucket"))
                    .Allow(S3.GetObject, S3.PutObject).On(S3.Arn.Object("my-bucket", "reports/*"), S3.Arn.Object("my-bucket", "exports/*"))
                    .Deny(IamAction.All).On(ResourceArn.All);
            }
            """);
        Assert.Equal(["manifest.json", "storage_access.json"], files.Keys);
        Assert.Contains("\"s3:PutObject\"", files["storage_access.json"]);
        Assert.Contains("\"arn:aws:s3:::my-bucket/exports/*\"", files["storage_access.json"]);
    }

    [Fact]
    public async Task IncludedPolicies_EmitTheRuntimeJson()
    {
        var files = await GenerateAsync("""
            public static partial class Composed
            {
                [ManagedPolicy("deny_outside_org")]
                public static IdentityPolicy DenyOutsideOrg => Policy.Identity()
                    .Deny(IamAction.All).OnAll().When(Keys.Aws.PrincipalOrgID.IsNot("o-a1b2c3d4e5")).Named("DenyOutsideOrg");

                private static IdentityPolicy ListBucket => Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket("my-bucket"));

                [ManagedPolicy("reader")]
                public static IdentityPolicy Reader => Policy.Identity()
                    .Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*"))
                    .Include(DenyOutsideOrg)
                    .Include(ListBucket)
                    .Include(Policy.Identity().Allow(S3.GetObjectVersion).On(S3.Arn.Object("my-bucket", "*")));

                [ResourcePolicy("bucket")]
                public static ResourcePolicy Bucket => Policy.Resource()
                    .Allow(S3.GetObject).For(Principal.Account("111122223333")).On(S3.Arn.Object("my-bucket", "*"))
                    .Include(Policy.Resource().Deny(S3.DeleteObject).For(Principal.Everyone).On(S3.Arn.Object("my-bucket", "*")));
            }
            """);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(files["reader.json"], "\"Effect\""));
        Assert.Contains("\"Sid\": \"DenyOutsideOrg\"", files["reader.json"]);
        Assert.Contains("\"s3:DeleteObject\"", files["bucket.json"]);
    }

    [Fact]
    public async Task NotActionAndNotResource_EmitTheRuntimeJson()
    {
        var files = await GenerateAsync("""
            public static partial class NotElements
            {
                [ManagedPolicy("not_elements")]
                public static IdentityPolicy Policy1 => Policy.Identity()
                    .Deny().AllExcept(Sts.GetSessionToken, S3.ListBucket).OnAll()
                    .Allow().AllExcept(S3.DeleteObject).OnAllExcept(S3.Arn.Object("secrets", "*"), S3.Arn.Bucket("secrets"));
            }
            """);
        Assert.Contains("\"NotAction\"", files["not_elements.json"]);
        Assert.Contains("\"NotResource\"", files["not_elements.json"]);
    }

    [Fact]
    public async Task ConditionsWithTypedKeys_EmitTheRuntimeJson()
    {
        var files = await GenerateAsync("""
            public static partial class Conditions
            {
                [ManagedPolicy("conditions")]
                public static IdentityPolicy All => Policy.Identity()
                    .Allow(S3.ListBucket).On(S3.Arn.Bucket("my-bucket"))
                        .When(S3.Keys.Prefix.Like("home/", "home/*"), S3.Keys.MaxKeys.AtMost(100), Keys.Aws.SourceIp.IfExists().InRange("10.0.0.0/8", "2001:db8::/32"))
                    .Allow(S3.PutObject).On(S3.Arn.Object("my-bucket", "*"))
                        .When(Keys.Aws.TagKeys.ForAnyValue.Is("team", "project"), Keys.Aws.MultiFactorAuthPresent.IsTrue(), Keys.Aws.PrincipalTag("team").Exists())
                        .When(S3.Keys.XAmzAcl.IsNot("public-read"), Keys.Aws.PrincipalArn.Like("arn:aws:iam::*:role/admin-*"))
                    .Deny(IamAction.All).OnAll()
                        .When(Keys.Aws.SecureTransport.IsFalse(), Keys.Aws.MultiFactorAuthAge.IfExists().GreaterThan(3600.5m))
                        .When(Keys.Aws.TagKeys.ForAllValues.IfExists().NotLike("secret*"), S3.Keys.MaxKeys.Is(1, 2, 3), Keys.Aws.PrincipalOrgID.IsAbsent());
            }
            """);
        string json = files["conditions.json"];
        foreach (var fragment in new[]
        {
            "\"StringLike\"", "\"NumericLessThanEquals\"", "\"IpAddressIfExists\"", "\"ForAnyValue:StringEquals\"", "\"Bool\"", "\"Null\"",
            "\"StringNotEquals\"", "\"ArnLike\"", "\"NumericGreaterThanIfExists\"", "\"3600.5\"", "\"ForAllValues:StringNotLikeIfExists\"",
            "\"NumericEquals\"", "\"aws:PrincipalTag/team\"",
        })
        {
            Assert.Contains(fragment, json);
        }
    }

    [Fact]
    public async Task DateConditions_EmitTheRuntimeJson()
    {
        var files = await GenerateAsync("""
            public static partial class Dates
            {
                private static readonly DateTimeOffset End = new(2026, 12, 31, 23, 59, 59, TimeSpan.Zero);

                [ManagedPolicy("dates")]
                public static IdentityPolicy During2026 => Policy.Identity()
                    .Allow(S3.GetObject).OnAll()
                        .When(Keys.Aws.CurrentTime.AtOrAfter(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), Keys.Aws.CurrentTime.Before(End))
                    .Deny(S3.PutObject).OnAll()
                        .When(Keys.Aws.CurrentTime.After(new DateTimeOffset(2026, 6, 1, 2, 0, 0, 500, TimeSpan.FromHours(2))), Keys.Aws.TokenIssueTime.IfExists().AtOrBefore(new DateTimeOffset(year: 2025, month: 1, day: 1, hour: 0, minute: 0, second: 0, offset: TimeSpan.FromMinutes(-90))));
            }
            """);
        string json = files["dates.json"];
        Assert.Contains("\"2026-01-01T00:00:00Z\"", json);
        Assert.Contains("\"2026-12-31T23:59:59Z\"", json);
        Assert.Contains("\"2026-06-01T00:00:00Z\"", json);
        Assert.Contains("\"2025-01-01T01:30:00Z\"", json);
        Assert.Contains("\"DateLessThanEqualsIfExists\"", json);
    }

    [Fact]
    public async Task NamedStatementsStringActionsAndStringArns_EmitTheRuntimeJson()
    {
        var files = await GenerateAsync("""
            public static partial class Strings
            {
                [ManagedPolicy("strings")]
                public static IdentityPolicy Policy1 => Policy.Identity()
                    .Allow("s3:GetObject", "s3:List*").On("arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/*").Named("ReadMyBucket")
                    .Deny(new IamAction("s3:Delete*")).On(new ResourceArn("arn:aws:s3:::my-bucket/*")).Named("NoDelete");
            }
            """);
        Assert.Contains("\"Sid\": \"ReadMyBucket\"", files["strings.json"]);
        Assert.Contains("\"s3:List*\"", files["strings.json"]);
    }

    [Fact]
    public async Task ConstantsAndInterpolation_EmitTheRuntimeJson()
    {
        var files = await GenerateAsync("""
            public static partial class Constants
            {
                private const string Bucket = "my-bucket";
                private const string Reports = Bucket + "/reports";
                private const string ReportsArn = $"arn:aws:s3:::{Reports}/*";
                private static readonly string LogsPrefix = "logs";
                internal static string Region => "eu-west-1";

                [ManagedPolicy("constants_" + Bucket)]
                public static IdentityPolicy Policy1 => Policy.Identity()
                    .Allow(S3.GetObject).On(ReportsArn, S3.Arn.Object(Bucket, $"{LogsPrefix}/*"))
                    .Allow($"{S3.ListBucket}").On($"arn:aws:s3:::{Bucket}").When(Keys.Aws.RequestedRegion.Is(Region), S3.Keys.Prefix.Like($"{LogsPrefix}/{42}/*"))
                    .Deny(S3.PutObject).On($"arn:aws:s3:::{Bucket}/{LogsPrefix}/*").When(Keys.Aws.PrincipalTag($"{LogsPrefix}-writer").IsNot("yes"));
            }
            """);
        string json = files["constants_my-bucket.json"];
        Assert.Contains("\"arn:aws:s3:::my-bucket/reports/*\"", json);
        Assert.Contains("\"arn:aws:s3:::my-bucket/logs/*\"", json);
        Assert.Contains("\"logs/42/*\"", json);
        Assert.Contains("\"aws:PrincipalTag/logs-writer\"", json);
    }

    [Fact]
    public async Task ResourcePolicyWithPrincipals_EmitsTheRuntimeJson()
    {
        var files = await GenerateAsync("""
            public static partial class Bucket
            {
                [ResourcePolicy("bucket_policy")]
                public static ResourcePolicy Policy1 => Policy.Resource()
                    .Allow(S3.GetObject).For(Principal.Account("444455556666"), Principal.Role("444455556666", "reader")).On(S3.Arn.Object("my-bucket", "*")).Named("CrossAccountRead")
                    .Allow(S3.GetObject).For(Principal.Everyone).On(S3.Arn.Object("my-bucket", "public/*"))
                    .Allow(S3.PutObject).For(Principal.Service("logging.s3.amazonaws.com")).On(S3.Arn.Object("my-bucket", "logs/*"))
                        .When(Keys.Aws.SourceAccount.Is("111122223333"))
                    .Deny(S3.DeleteObject).ForAllExcept(Principal.User("111122223333", "admin"), Principal.AssumedRole("111122223333", "ops", "session"))
                        .On(S3.Arn.Object("my-bucket", "*"))
                    .Allow(S3.ListBucket).For(Principal.Arn("arn:aws:iam::777788889999:root")).On(S3.Arn.Bucket("my-bucket"));
            }
            """);
        string json = files["bucket_policy.json"];
        Assert.Contains("\"Principal\": \"*\"", json);
        Assert.Contains("\"NotPrincipal\"", json);
        Assert.Contains("\"Service\": \"logging.s3.amazonaws.com\"", json);
        Assert.Contains("\"resource\"", files["manifest.json"]);
    }

    [Fact]
    public async Task RoleWithEveryTrustAndPermissionFeature_EmitsTheRuntimeJsonAndManifest()
    {
        var files = await GenerateAsync("""
            namespace Deploy;

            public static partial class Roles
            {
                [ManagedPolicy("storage_access")]
                public static IdentityPolicy Storage => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*"));

                [Role("ci_deployer")]
                public static Role Deployer => Role.Define()
                    .TrustedBy(Principal.WebIdentity.GitHubActions("111122223333", "octo/app", branch: "main"))
                    .TrustedBy(Principal.WebIdentity.GitHubActions("111122223333", "octo/lib"))
                    .TrustedBy(Principal.WebIdentity.GitHubActions(repository: "octo/tools", account: "111122223333", branch: null))
                    .TrustedBy(Principal.WebIdentity.GitHubActions(branch: "release", repository: "octo/web", account: "111122223333"))
                    .Attach(Storage).Attach(AwsManaged.ReadOnlyAccess)
                    .AttachArn("arn:aws:iam::111122223333:policy/legacy/deploy")
                    .Inline("extra", Policy.Identity().Allow(S3.PutObject).On(S3.Arn.Object("deploy", "*")))
                    .PermissionsBoundary(AwsManaged.PowerUserAccess)
                    .MaxSession(TimeSpan.FromHours(2)).Path("/ci/").Description("Deploys from GitHub Actions");

                [Role("admin")]
                public static Role Admin => Role.Define()
                    .TrustedBy(Principal.Account("444455556666").WithMfa(), Principal.Role(roleName: "breakglass", account: "444455556666").When(Keys.Aws.SourceIp.InRange("203.0.113.0/24")))
                    .TrustedBy(Principal.Saml("111122223333", "Okta"), Principal.Service("ec2.amazonaws.com"))
                    .TrustedBy(Principal.WebIdentity.Provider("cognito-identity.amazonaws.com",
                        new StringConditionKey("cognito-identity.amazonaws.com:aud").Is("us-east-1:12345678-1234-1234-1234-123456789012"),
                        new StringConditionKey("cognito-identity.amazonaws.com:amr").ForAnyValue.Like("authenticated")))
                    .TrustedBy(Principal.Arn("arn:aws:iam::444455556666:user/ops"), Principal.User("444455556666", "auditor"))
                    .Inline("declared", Storage)
                    .MaxSession(TimeSpan.FromMinutes(90));
            }
            """);
        Assert.Equal(["admin.inline.declared.json", "admin.trust.json", "ci_deployer.inline.extra.json", "ci_deployer.trust.json", "manifest.json", "storage_access.json"], files.Keys);
        Assert.Contains("\"repo:octo/app:ref:refs/heads/main\"", files["ci_deployer.trust.json"]);
        Assert.Contains("\"repo:octo/lib:*\"", files["ci_deployer.trust.json"]);
        Assert.Contains("\"repo:octo/tools:*\"", files["ci_deployer.trust.json"]);
        Assert.Contains("\"repo:octo/web:ref:refs/heads/release\"", files["ci_deployer.trust.json"]);
        Assert.Contains("\"arn:aws:iam::444455556666:role/breakglass\"", files["admin.trust.json"]);
        Assert.Contains("\"sts:AssumeRoleWithSAML\"", files["admin.trust.json"]);
        Assert.Contains("\"aws:MultiFactorAuthPresent\"", files["admin.trust.json"]);
        Assert.Contains("\"sts:AssumeRoleWithWebIdentity\"", files["admin.trust.json"]);
        Assert.Contains("\"ForAnyValue:StringLike\"", files["admin.trust.json"]);
        Assert.Equal(files["storage_access.json"], files["admin.inline.declared.json"]);
        Assert.Equal("""
            {
              "policies": [
                {"name": "storage_access", "kind": "managed", "file": "storage_access.json"}
              ],
              "roles": [
                {"name": "admin", "path": "/", "trustPolicyFile": "admin.trust.json", "maxSessionDuration": 5400, "attachedPolicies": [], "inlinePolicies": [{"name": "declared", "file": "admin.inline.declared.json"}]},
                {"name": "ci_deployer", "path": "/ci/", "description": "Deploys from GitHub Actions", "trustPolicyFile": "ci_deployer.trust.json", "maxSessionDuration": 7200, "attachedPolicies": [{"name": "storage_access", "file": "storage_access.json"}, {"name": "ReadOnlyAccess", "arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}, {"name": "deploy", "arn": "arn:aws:iam::111122223333:policy/legacy/deploy"}], "inlinePolicies": [{"name": "extra", "file": "ci_deployer.inline.extra.json"}], "permissionsBoundary": "arn:aws:iam::aws:policy/PowerUserAccess"}
              ]
            }

            """.ReplaceLineEndings("\n"), files["manifest.json"]);
    }

    [Fact]
    public async Task RoleAttachingDeclaredPolicies_ListsThemInTheManifestAsTheRuntimeRoleDoes()
    {
        using var generated = await new PolicyGeneratorTest("""
            public static partial class Production
            {
                [ManagedPolicy("read_my_bucket")]
                public static IdentityPolicy ReadMyBucket => Policy.Identity()
                    .Allow(S3.ListBucket).On(S3.Arn.Bucket("my-bucket"))
                    .Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*"));

                [ManagedPolicy("write_my_bucket")]
                public static readonly IdentityPolicy WriteMyBucket = Policy.Identity().Allow(S3.PutObject).On(S3.Arn.Object("my-bucket", "*"));

                [Role("delegate")]
                public static Role Delegate => Role.Define()
                    .TrustedBy(Principal.Account("444455556666"))
                    .Attach(ReadMyBucket).Attach(WriteMyBucket)
                    .MaxSession(TimeSpan.FromHours(1, 30));
            }
            """).RunAndLoadAsync();
        var files = generated.AssertMatchesRuntime();
        var role = (Role)generated.Declarations().Single(d => d.Name == "delegate").Value;
        Assert.Equal([files["read_my_bucket.json"], files["write_my_bucket.json"]], role.AttachedPolicies.Select(p => p.ToJson()));
        Assert.Contains("""
            {"name": "delegate", "path": "/", "trustPolicyFile": "delegate.trust.json", "maxSessionDuration": 5400, "attachedPolicies": [{"name": "read_my_bucket", "file": "read_my_bucket.json"}, {"name": "write_my_bucket", "file": "write_my_bucket.json"}], "inlinePolicies": []}
            """, files["manifest.json"]);
    }

    [Fact]
    public async Task PolicyBuiltOnAnotherDeclaredPolicy_EmitsTheRuntimeJson()
    {
        var files = await GenerateAsync(
            """
            public static partial class Base
            {
                internal static IdentityPolicy Common => Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket("my-bucket"));

                [ManagedPolicy("reader")]
                public static IdentityPolicy Reader => Common.Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*"));
            }
            """,
            """
            public static partial class Derived
            {
                [ManagedPolicy("writer")]
                public static IdentityPolicy Writer => Base.Reader.Allow(S3.PutObject).On(S3.Arn.Object("my-bucket", "*")).Named("Write");

                [ManagedPolicy("writer_alias")]
                public static IdentityPolicy WriterAlias => Writer;

                [Role("writer_role")]
                public static Role WriterRole => Role.Define().TrustedBy(Principal.Service("lambda.amazonaws.com")).Inline("base", Base.Reader).Attach(Writer);
            }
            """);
        Assert.Contains("\"s3:ListBucket\"", files["writer.json"]);
        Assert.Contains("\"s3:PutObject\"", files["writer.json"]);
    }

    [Fact]
    public async Task FieldsAndProperties_AreBothDeclarations()
    {
        var files = await GenerateAsync("""
            public static partial class Members
            {
                [ManagedPolicy("expression_bodied")]
                public static IdentityPolicy ExpressionBodied => Policy.Identity().Allow(S3.GetObject).OnAll();

                [ManagedPolicy("initialized")]
                public static IdentityPolicy Initialized { get; } = Policy.Identity().Allow(S3.PutObject).OnAll();

                [ManagedPolicy("getter")]
                public static IdentityPolicy Getter { get { return Policy.Identity().Allow(S3.ListBucket).OnAll(); } }

                [ManagedPolicy("getter_expression")]
                internal static IdentityPolicy GetterExpression { get => Policy.Identity().Allow(S3.DeleteObject).OnAll(); }

                [ManagedPolicy("readonly_field")]
                public static readonly IdentityPolicy ReadonlyField = Policy.Identity().Allow(S3.GetObjectAcl).OnAll();

                [ResourcePolicy("private_field")]
                private static ResourcePolicy PrivateField = Policy.Resource().Allow(S3.GetObject).For(Principal.Everyone).OnAll();
            }
            """);
        Assert.Equal(7, files.Count);
    }

    [Fact]
    public async Task NestedTypesNamespacesAndTheGlobalNamespace_EachGetTheirCompiledClass()
    {
        var test = new PolicyGeneratorTest(
            """
            namespace Outer.Inner
            {
                public static partial class Policies
                {
                    public static partial class Storage
                    {
                        [ManagedPolicy("nested")]
                        public static IdentityPolicy Read => Policy.Identity().Allow(S3.GetObject).OnAll();
                    }

                    private static partial class Hidden
                    {
                        [ManagedPolicy("private_nested")]
                        private static IdentityPolicy Read => Policy.Identity().Allow(S3.GetObject).OnAll();
                    }

                    internal partial struct InStruct
                    {
                        [ManagedPolicy("in_struct")]
                        public static IdentityPolicy Read => Policy.Identity().Allow(S3.GetObject).OnAll();
                    }
                }

                public partial record InRecord(int Value)
                {
                    [ManagedPolicy("in_record")]
                    public static IdentityPolicy Read => Policy.Identity().Allow(S3.GetObject).OnAll();
                }

                public readonly partial record struct InRecordStruct
                {
                    [ManagedPolicy("in_record_struct")]
                    public static IdentityPolicy Read => Policy.Identity().Allow(S3.GetObject).OnAll();
                }
            }
            """,
            """
            public partial class GlobalPolicies
            {
                [ManagedPolicy("global")]
                public static IdentityPolicy Read => Policy.Identity().Allow(S3.GetObject).OnAll();
            }

            namespace Outer
            {
                public static partial class Inner2
                {
                    [ResourcePolicy("file_scoped_elsewhere")]
                    public static ResourcePolicy Read => Policy.Resource().Allow(S3.GetObject).For(Principal.Everyone).OnAll();
                }
            }
            """);
        using var generated = await test.RunAndLoadAsync();
        generated.AssertMatchesRuntime();
        Assert.Equal(
            [
                "GlobalPolicies.Read.g.cs", "Outer.Inner.InRecord.Read.g.cs", "Outer.Inner.InRecordStruct.Read.g.cs", "Outer.Inner.Policies+Hidden.Read.g.cs",
                "Outer.Inner.Policies+InStruct.Read.g.cs", "Outer.Inner.Policies+Storage.Read.g.cs", "Outer.Inner2.Read.g.cs", "PolicyAsCode.Declarations.g.cs",
            ],
            generated.Compilation.SyntaxTrees.Select(t => Path.GetFileName(t.FilePath)).Where(f => f.EndsWith(".g.cs", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// <c>PolicyAsCode.Declarations.g.cs</c> of the CrossAccountS3 example, as text. It holds no evaluator body (only
    /// the evaluators' names), so it is compared whole; in a type that is not partial it is the only generated file.
    /// </summary>
    private const string CrossAccountS3 = """
        namespace CrossAccountS3
        {
            public static PARTIAL class Production
            {
                public const string DevelopmentAccount = "444455556666";

                [ManagedPolicy("read_my_bucket")]
                public static IdentityPolicy {|#0:ReadMyBucket|} => Policy.Identity()
                    .Allow(S3.ListBucket).On(S3.Arn.Bucket("my-bucket"))
                    .Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*"));

                [Role("delegate_read_my_bucket")]
                public static Role {|#1:DelegateReadMyBucket|} => Role.Define()
                    .TrustedBy(Principal.Account(DevelopmentAccount))
                    .Attach(ReadMyBucket)
                    .MaxSession(TimeSpan.FromHours(1));
            }
        }
        """;

    [Fact]
    public async Task NonPartialType_GeneratesTheJsonButNoCompiledClass()
    {
        var test = new PolicyGeneratorTest(CrossAccountS3.Replace("PARTIAL ", "")).Expect(
            PolicyGeneratorTest.Diagnostic("PAC204", 0, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning),
            PolicyGeneratorTest.Diagnostic("PAC204", 1, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
        using var generated = await test.RunAndLoadAsync();
        // The IamFile attributes and the registry (with the JSON inline, as there is no compiled class to name) match the
        // run-time DSL; no Compiled class exists.
        generated.AssertMatchesRuntime(compiled: false);
        Assert.DoesNotContain(generated.Compilation.SyntaxTrees, t => t.ToString().Contains("class Compiled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PartialType_RegistersTheCompiledEvaluators_AndTheAssemblyOutputsDependOnNamesOnly()
    {
        using var generated = await new PolicyGeneratorTest(CrossAccountS3.Replace("PARTIAL ", "partial ").Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", "")).RunAndLoadAsync();
        generated.AssertMatchesRuntime();
        string declarations = generated.Compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("PolicyAsCode.Declarations.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("global::CrossAccountS3.Production.Compiled.ReadMyBucket.Json, global::CrossAccountS3.Production.Compiled.ReadMyBucket.Evaluate", declarations);
        Assert.Contains("global::CrossAccountS3.Production.Compiled.DelegateReadMyBucket.TrustPolicyJson, global::CrossAccountS3.Production.Compiled.DelegateReadMyBucket.EvaluateTrust", declarations);
        Assert.Contains("IamFile(\"manifest.json\"", declarations);
        // The policies' JSON is in their own files, so editing a statement does not change this one.
        Assert.DoesNotContain("s3:GetObject", declarations);
    }
}
