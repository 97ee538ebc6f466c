using System.Text;

namespace PolicyAsCode.Tests.Generator;

/// <summary>
/// Broken, half-typed and hostile code: the generator never throws into the compiler (no exception on the run result,
/// no CS8785, no PAC205 from its own catch-all), reports what it cannot generate, and its output never adds errors.
/// </summary>
public class GeneratorRobustnessTests
{
    private static GeneratorRun Run(params string[] sources)
    {
        var run = GeneratorHarness.Run(sources);
        Assert.Empty(run.ErrorsInGeneratedCode);
        return run;
    }

    private static string[] Ids(GeneratorRun run) => run.Diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void MissingSemicolonsAndBraces_DoNotThrow()
    {
        var run = Run("""
            public static partial class P
            {
                [ManagedPolicy("a")]
                public static IdentityPolicy A => Policy.Identity().Allow(S3.GetObject).OnAll()

                [ManagedPolicy("b")]
                public static IdentityPolicy B => Policy.Identity().Allow(S3.GetObject).On(
            """);
        Assert.All(run.Diagnostics, d => Assert.StartsWith("PAC20", d.Id));
    }

    [Theory]
    [InlineData("Policy.Identity().Allow(S3.GetObjekt).OnAll()", "CS0117")]
    [InlineData("Policy.Identity().Allow(S4.GetObject).OnAll()", "CS0103")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).OnAll().When(Keys.Aws.SourceIpp.InRange(\"10.0.0.0/8\"))", "CS0117")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).OnAll().When(Keys.Aws.SourceIp.Like(\"10.0.0.0/8\"))", "CS1061")]
    [InlineData("Policy.Identity().Allow(S3.GetObject)", "CS0029")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object(\"my-bucket\"))", "CS7036")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).OnAll().Named(\"a\", \"b\")", "CS1501")]
    [InlineData("Role.Define()", "CS0029")]
    public void CodeThatDoesNotCompile_ReportsOnlyTheCompilersError(string expression, string compilerError)
    {
        var run = Run($$"""
            public static partial class P
            {
                [ManagedPolicy("policy")]
                public static IdentityPolicy Declared => {{expression}};

                [ManagedPolicy("unknown_type")]
                public static IdentityPolicyy Unknown => Policy.Identity().Allow(S3.GetObject).OnAll();
            }
            """);
        Assert.Contains(run.Output.GetDiagnostics(), d => d.Id == compilerError);
        Assert.Empty(run.Diagnostics);
    }

    [Theory]
    [InlineData("Policy.Identity().Allow(S3.GetObjekt).OnAll()")]
    [InlineData("Policy.Identity().Allow(S4.GetObject).OnAll()")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).OnAll().When(Keys.Aws.SourceIpp.InRange(\"10.0.0.0/8\"))")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).OnAll().When(Keys.Aws.SourceIp.Like(\"10.0.0.0/8\"))")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).Onn()")]
    [InlineData("Polisy.Identity().Allow(S3.GetObject).OnAll()")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).On(UnknownArn)")]
    [InlineData("Policy.Identity().Allow(S3.GetObject)")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object(\"my-bucket\"))")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object(\"my-bucket\", \"*\", \"aws\", \"extra\"))")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).OnAll().Named()")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).OnAll().Named(\"a\", \"b\")")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).OnAll().When()")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).OnAll().When(null)")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).OnAll().When(null!)")]
    [InlineData("Policy.Identity().Allow((IamAction[])null!).OnAll()")]
    [InlineData("Policy.Identity().Allow(default(IamAction)).OnAll()")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).On(default(ResourceArn))")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).On((string)null!)")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).OnAll().When(S3.Keys.MaxKeys.Is())")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).OnAll().When(S3.Keys.MaxKeys.AtMost(decimal.MaxValue))")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).OnAll().When(S3.Keys.Prefix.Like(new string[0]))")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).OnAll().When(S3.Keys.Prefix.Like(new string[] { null! }))")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).OnAll().When(Keys.Aws.CurrentTime.After(DateTimeOffset.UtcNow))")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).OnAll().When(S3.Keys.ExistingObjectTag(null!).Is(\"x\"))")]
    [InlineData("Policy.Identity().When(Keys.Aws.SourceIp.InRange(\"10.0.0.0/8\"))")]
    [InlineData("Policy.Identity().Named(\"x\")")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).OnAll().On(ResourceArn.All)")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).OnAll() ?? Policy.Identity()")]
    [InlineData("true ? Policy.Identity().Allow(S3.GetObject).OnAll() : null!")]
    [InlineData("(IdentityPolicy)(object)Policy.Resource()")]
    [InlineData("null!")]
    [InlineData("default!")]
    [InlineData("throw new InvalidOperationException()")]
    [InlineData("typeof(Policy) is null ? null! : Policy.Identity()")]
    [InlineData("new Func<IdentityPolicy>(() => Policy.Identity().Allow(S3.GetObject).OnAll())()")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).OnAll() with { }")]
    [InlineData("Policy.Identity().Allow(\"s3:GetObject\" + 1 + 2.5 + 'c' + true).OnAll()")]
    [InlineData("Policy.Identity().Allow($\"{1.5}{DateTime.Now}{S3.GetObject,10}{S3.GetObject:x}\").OnAll()")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object(nameof(Policy), $\"{nameof(S3)}/*\"))")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).On(\"arn:aws:s3:::\" + Policy.Identity())")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).On(\"arn:aws:s3:::\" + (1 - 1))")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).On(Helpers.Arns)")]
    [InlineData("Policy.Identity().Allow(Helpers.Actions).On(Helpers.Arns[0])")]
    [InlineData("Policy.Identity().Allow([S3.GetObject, .. Helpers.Actions]).OnAll()")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).OnAll().When(Helpers.Key.Is(\"x\"))")]
    [InlineData("Policy.Identity().Allow(S3.GetObject).OnAll().When(Helpers.Conditions)")]
    [InlineData("Helpers.Extend(Policy.Identity())")]
    [InlineData("Policy.Identity().AllowRead()")]
    public void PolicyExpressionsThatAreBrokenOrNotEvaluable_DoNotThrow(string expression)
    {
        var run = Run($$"""
            public static partial class P
            {
                [ManagedPolicy("policy")]
                public static IdentityPolicy Declared => {{expression}};
            }

            public static class Helpers
            {
                public static ResourceArn[] Arns => [S3.Arn.Bucket("a"), "arn:aws:s3:::b"];
                public static IamAction[] Actions { get; } = new IamAction[] { S3.GetObject, "s3:List*" };
                public static StringConditionKey Key = new("aws:PrincipalTag/team");
                public static Condition[] Conditions => [Keys.Aws.SourceIp.InRange("10.0.0.0/8"), Key.Is("x")];
                public static IdentityPolicy Extend(IdentityPolicy policy) => policy.Allow(S3.GetObject).OnAll();
                public static IdentityPolicy AllowRead(this IdentityPolicy policy) => policy.Allow(S3.GetObject).OnAll();
            }
            """);
        Assert.All(run.Diagnostics, d => Assert.Contains(d.Id, (string[])["PAC200", "PAC201"]));
    }

    [Theory]
    [InlineData("Role.Define().TrustedBy()")]
    [InlineData("Role.Define().TrustedBy(null!)")]
    [InlineData("Role.Define().TrustedBy(Principal.Account())")]
    [InlineData("Role.Define().TrustedBy(Principal.Role(\"111122223333\"))")]
    [InlineData("Role.Define().TrustedBy(Principal.Role(\"111122223333\", \"\"))")]
    [InlineData("Role.Define().TrustedBy(Principal.Role(\"111122223333\", null!))")]
    [InlineData("Role.Define().TrustedBy(Principal.Everyone)")]
    [InlineData("Role.Define().TrustedBy(Principal.WebIdentity.GitHubActions(\"111122223333\"))")]
    [InlineData("Role.Define().TrustedBy(Principal.WebIdentity.GitHubActions(\"111122223333\", \"no-slash\"))")]
    [InlineData("Role.Define().TrustedBy(Principal.WebIdentity.GitHubActions(\"111122223333\", \"o/r\", null))")]
    [InlineData("Role.Define().TrustedBy(Principal.WebIdentity.GitHubActions(\"111122223333\", \"o/r\", \"main\", \"extra\"))")]
    [InlineData("Role.Define().TrustedBy(Principal.WebIdentity.Provider(\"cognito-identity.amazonaws.com\"))")]
    [InlineData("Role.Define().TrustedBy(Principal.WebIdentity.Provider(\"cognito-identity.amazonaws.com\", null!))")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\").When())")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\").WithMfa().WithMfa())")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\")).Attach()")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\")).Attach(null!)")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\")).Attach(AwsManaged.ReadOnlyAccess).Attach(AwsManaged.ReadOnlyAccess)")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\")).Attach(P.Policy1).Attach(P.Policy1)")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\")).Attach(AwsManaged.DoesNotExist)")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\")).AttachArn(\"not an arn\")")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\")).AttachArn(\"arn:aws:s3:::bucket\")")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\")).Inline(\"\", P.Policy1)")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\")).Inline(\"x\")")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\")).Inline(\"x\", P.Policy1).Inline(\"x\", P.Policy1)")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\")).Inline(\"x\", Policy.Identity())")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\")).PermissionsBoundary(null!)")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\")).MaxSession(TimeSpan.Zero)")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\")).MaxSession(TimeSpan.FromDays(1e300))")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\")).MaxSession(TimeSpan.FromHours(double.NaN))")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\")).MaxSession(TimeSpan.FromHours(int.MaxValue))")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\")).MaxSession(TimeSpan.FromTicks(1))")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\")).MaxSession(new TimeSpan(2, 0, 0))")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\")).MaxSession(default)")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\")).Path(null!)")]
    [InlineData("Role.Define().TrustedBy(Principal.Account(\"111122223333\")).Description(null!)")]
    [InlineData("Role.Define()")]
    [InlineData("Role.Define().Define()")]
    public void RoleExpressionsThatAreBrokenOrNotEvaluable_DoNotThrow(string expression)
    {
        var run = Run($$"""
            public static partial class P
            {
                [ManagedPolicy("policy1")]
                public static IdentityPolicy Policy1 => Policy.Identity().Allow(S3.GetObject).OnAll();

                [Role("role")]
                public static Role Declared => {{expression}};
            }
            """);
        Assert.All(run.Diagnostics, d => Assert.Contains(d.Id, (string[])["PAC200", "PAC201", "PAC203"]));
    }

    [Fact]
    public void DeclarationsReferringToEachOther_ReportPAC200OnBoth()
    {
        var run = Run("""
            public static partial class P
            {
                [ManagedPolicy("a")]
                public static IdentityPolicy A => B.Allow(S3.GetObject).OnAll();

                [ManagedPolicy("b")]
                public static IdentityPolicy B => A.Allow(S3.PutObject).OnAll();

                [Role("r")]
                public static Role R => Role.Define().TrustedBy(Principal.Service("ec2.amazonaws.com")).Attach(A);
            }
            """);
        Assert.Equal(["PAC200", "PAC200", "PAC200"], Ids(run));
    }

    [Fact]
    public void DeclarationReferringToItself_ReportsPAC200()
    {
        var run = Run("""
            public static partial class P
            {
                [ManagedPolicy("self")]
                public static IdentityPolicy Self => Self.Allow(S3.GetObject).OnAll();

                [ManagedPolicy("self_field")]
                public static readonly IdentityPolicy SelfField = SelfField.Allow(S3.GetObject).OnAll();

                [Role("self_role")]
                public static Role SelfRole => SelfRole.TrustedBy(Principal.Service("ec2.amazonaws.com"));
            }
            """);
        Assert.Equal(["PAC200", "PAC200", "PAC200"], Ids(run));
    }

    [Fact]
    public void DeeplyNestedExpressions_ReportPAC200InsteadOfOverflowingTheStack()
    {
        // 2100 nested additions, deeper than the interpreter's limit, and not a constant that the compiler folds.
        var run = Run($$"""
            public static partial class P
            {
                private static readonly string Bucket = "arn:aws:s3:::b";

                [ManagedPolicy("deep")]
                public static IdentityPolicy Deep => Policy.Identity().Allow(S3.GetObject).On(Bucket{{string.Concat(Enumerable.Repeat(" + \"a\"", 2100))}});
            }
            """);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(("PAC200", "The expression is nested too deeply to evaluate."), (diagnostic.Id, diagnostic.GetMessage()));
    }

    [Fact]
    public void ManyParentheses_AreNotNesting()
    {
        // C# operations have no parentheses: 300 pairs around a value are the value.
        var run = Run($$"""
            public static partial class P
            {
                private static readonly string Bucket = "arn:aws:s3:::b";

                [ManagedPolicy("parentheses")]
                public static IdentityPolicy Parentheses => Policy.Identity().Allow(S3.GetObject).On({{new string('(', 300)}}Bucket{{new string(')', 300)}});
            }
            """);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void LongPolicies_AreEvaluatedWhole()
    {
        // A fluent chain nests one call per step: 60 statements of Allow/On/When/Named is 240 nested calls.
        var chain = new StringBuilder("Policy.Identity()");
        for (int i = 0; i < 60; i++)
        {
            chain.Append($"\n        .Allow(S3.GetObject).On(S3.Arn.Object(\"bucket{i}\", \"*\")).When(S3.Keys.Prefix.Like(\"p{i}/*\")).Named(\"S{i}\")");
        }
        var run = Run($$"""
            public static partial class P
            {
                [ManagedPolicy("long")]
                public static IdentityPolicy Long => {{chain}};
            }
            """);
        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.Result.GeneratedTrees, tree => tree.ToString().Contains("S59", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[ManagedPolicy(Names.NotConstant)]")]
    [InlineData("[ManagedPolicy(Names.Method())]")]
    [InlineData("[ManagedPolicy]")]
    [InlineData("[ManagedPolicy(null)]")]
    [InlineData("[ManagedPolicy(null!)]")]
    [InlineData("[ManagedPolicy(\"a\", \"b\")]")]
    [InlineData("[ManagedPolicy(42)]")]
    [InlineData("[ManagedPolicy(\"x\", Description = \"d\")]")]
    [InlineData("[ManagedPolicy(name: \"x\")]")]
    [InlineData("[ManagedPolicy(\"x\"), ManagedPolicy(\"y\")]")]
    [InlineData("[ManagedPolicy(\"x\")] [ResourcePolicy(\"y\")] [Role(\"z\")]")]
    [InlineData("[PolicyAsCode.ManagedPolicyAttribute(\"x\")]")]
    [InlineData("[global::PolicyAsCode.ManagedPolicy(\"x\")]")]
    public void AttributesWithBadArguments_DoNotThrow(string attribute)
    {
        Run($$"""
            public static class Names
            {
                public static readonly string NotConstant = "x";
                public static string Method() => "x";
            }

            public static partial class P
            {
                {{attribute}}
                public static IdentityPolicy Declared => Policy.Identity().Allow(S3.GetObject).OnAll();
            }
            """);
    }

    [Fact]
    public void AttributeWithANonConstantName_ReportsNothingButTheCompilerError()
    {
        var run = Run("""
            public static partial class P
            {
                private static readonly string Name = "x";

                [ManagedPolicy(Name)]
                public static IdentityPolicy Declared => Policy.Identity().Allow(S3.GetObject).OnAll();
            }
            """);
        Assert.Contains(run.Output.GetDiagnostics(), d => d.Id == "CS0182");
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void GetterWithStatements_ReportsPAC200()
    {
        var run = Run("""
            public static partial class P
            {
                private static bool s_production;

                [ManagedPolicy("conditional")]
                public static IdentityPolicy Conditional
                {
                    get
                    {
                        if (s_production) return Policy.Identity().Allow(S3.GetObject).OnAll();
                        return Policy.Identity().Allow(IamAction.All).OnAll();
                    }
                }

                [ManagedPolicy("setter_only")]
                public static IdentityPolicy SetterOnly { set { } }

                [ManagedPolicy("auto")]
                public static IdentityPolicy Auto { get; set; } = null!;

                [ManagedPolicy("uninitialized")]
                public static IdentityPolicy? Uninitialized;

                [ManagedPolicy("throwing")]
                public static IdentityPolicy Throwing { get { throw new NotImplementedException(); } }
            }
            """);
        Assert.All(run.Diagnostics, d => Assert.Contains(d.Id, (string[])["PAC200", "PAC202"]));
        Assert.Equal(5, run.Diagnostics.Length);
    }

    [Fact]
    public void GenericAndFileLocalTypes_ReportPAC202AndGenerateNoBrokenCode()
    {
        var run = Run("""
            public static partial class Generic<T>
            {
                [ManagedPolicy("generic")]
                public static IdentityPolicy Read => Policy.Identity().Allow(S3.GetObject).OnAll();
            }

            public static partial class Outer<T>
            {
                public static partial class Inner
                {
                    [ManagedPolicy("generic_outer")]
                    public static IdentityPolicy Read => Policy.Identity().Allow(S3.GetObject).OnAll();
                }
            }

            public static partial class NonGeneric
            {
                [ManagedPolicy("from_generic")]
                public static IdentityPolicy Read => Generic<int>.Read;
            }

            file static partial class FileLocal
            {
                [ManagedPolicy("file_local")]
                public static IdentityPolicy Read => Policy.Identity().Allow(S3.GetObject).OnAll();
            }
            """);
        Assert.Equal([("PAC202", "Read"), ("PAC202", "Read"), ("PAC202", "Read")], run.DiagnosticTexts);
        Assert.Equal("[ManagedPolicy] cannot be used in a generic type (Generic<T>); declare 'Read' in a non-generic type that is not file-local.", run.Diagnostics.MinBy(d => d.Location.SourceSpan.Start)!.GetMessage());
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
    }

    [Fact]
    public void PartialMembers_DoNotThrow()
    {
        var run = Run("""
            public static partial class P
            {
                [ManagedPolicy("partial_method")]
                public static partial IdentityPolicy Method();
                public static partial IdentityPolicy Method() => Policy.Identity().Allow(S3.GetObject).OnAll();

                [ManagedPolicy("partial_property")]
                public static partial IdentityPolicy Property { get; }
                public static partial IdentityPolicy Property => Policy.Identity().Allow(S3.PutObject).OnAll();

                static partial void Nothing();
            }
            """);
        Assert.Equal(["P.Property.g.cs", "PolicyAsCode.Declarations.g.cs"], run.HintNames);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void OtherMembersAndPlaces_DoNotThrow()
    {
        var run = Run("""
            public interface IPolicies
            {
                [ManagedPolicy("interface_static")]
                static IdentityPolicy Static => Policy.Identity().Allow(S3.GetObject).OnAll();

                [ManagedPolicy("interface_instance")]
                IdentityPolicy Instance => Policy.Identity().Allow(S3.GetObject).OnAll();
            }

            public static partial class P
            {
                [ManagedPolicy("a"), ManagedPolicy("b")]
                public static readonly IdentityPolicy A = Policy.Identity().Allow(S3.GetObject).OnAll(), B = A.Allow(S3.PutObject).OnAll();

                [ManagedPolicy("indexer")]
                public IdentityPolicy this[int i] => Policy.Identity().Allow(S3.GetObject).OnAll();

                [ManagedPolicy("event")]
                public static event Action? Changed;

                [ManagedPolicy("const")]
                public const IdentityPolicy? Const = null;

                [ManagedPolicy("method")]
                public static IdentityPolicy Method() => Policy.Identity().Allow(S3.GetObject).OnAll();

                public static void Local()
                {
                    [ManagedPolicy("local_function")]
                    static IdentityPolicy Inner() => Policy.Identity();
                }

                [ManagedPolicy("abstract_like")]
                public static extern IdentityPolicy External { get; }
            }

            public abstract partial class Abstract
            {
                [ManagedPolicy("abstract")]
                public abstract IdentityPolicy AbstractPolicy { get; }
            }

            public static partial class @class
            {
                [ManagedPolicy("keyword")]
                public static IdentityPolicy @event => Policy.Identity().Allow(S3.GetObject).OnAll();
            }

            namespace N { public static partial class C { [ManagedPolicy("n_c")] public static IdentityPolicy P => Policy.Identity().Allow(S3.GetObject).OnAll(); } }

            public static partial class N { public static partial class C { [ManagedPolicy("n_c_nested")] public static IdentityPolicy P => Policy.Identity().Allow(S3.GetObject).OnAll(); } }

            public static partial class Twin<T> { [ManagedPolicy("twin_generic")] public static IdentityPolicy P => Policy.Identity().Allow(S3.GetObject).OnAll(); }

            public static partial class Twin { [ManagedPolicy("twin")] public static IdentityPolicy P => Policy.Identity().Allow(S3.GetObject).OnAll(); }
            """);
        // Each shape either generates (a static property or field of the declared type, in any type and namespace) or
        // says why not; attributes on methods and local functions are the compiler's error (CS0592), not the generator's.
        Assert.Equal(["IPolicies.Static.g.cs", "N+C.P.g.cs", "N.C.P.g.cs", "P.A.g.cs", "P.B.g.cs", "PolicyAsCode.Declarations.g.cs", "Twin.P.g.cs", "class.event.g.cs"], run.HintNames);
        Assert.Equal(
            [("PAC204", "Static"), ("PAC202", "Instance"), ("PAC203", "B"), ("PAC202", "this"), ("PAC202", "Changed"), ("PAC202", "Const"),
             ("PAC200", "{ get; }"), ("PAC202", "AbstractPolicy"), ("PAC202", "P")],
            run.DiagnosticTexts);
    }

    [Fact]
    public void DeclarationAmongTopLevelStatements_GetsAValidHintName()
    {
        // Members written outside any type belong to the compiler's <invalid-global-code> type: the compiler reports
        // them, and the generator still must not throw (CS8785 for an invalid hint name).
        var run = Run("""
            [ManagedPolicy("top_level")]
            public static IdentityPolicy TopLevel => Policy.Identity().Allow(S3.GetObject).OnAll();
            """);
        var hint = Assert.Single(run.HintNames, h => h != "PolicyAsCode.Declarations.g.cs");
        Assert.Matches(@"^_invalid-global-code_\.TopLevel\.[0-9a-f]{8}\.g\.cs$", hint);
        Assert.Contains("top_level.json", run.GeneratedSource(hint));
    }
}
