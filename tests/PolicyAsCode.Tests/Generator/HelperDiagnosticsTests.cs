using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace PolicyAsCode.Tests.Generator;

/// <summary>
/// Helpers the generator cannot evaluate: recursion, side effects, huge LINQ chains, throws, instance methods, library
/// methods, loops. Each gets a PAC200 on the exact expression, saying why (and, inside a helper, which helper and which
/// declaration it was evaluated for); none throws into the compiler or hangs. What the DSL rejects in a value passed to
/// a helper (PAC201) is reported on that argument at the call.
/// </summary>
public class HelperDiagnosticsTests
{
    private static DiagnosticResult Pac(string id, int location) => PolicyGeneratorTest.Diagnostic(id, location);

    [Fact]
    public Task RecursiveHelper_ReportsPAC200OnTheRecursiveCall()
        => new PolicyGeneratorTest("""
            public static partial class P
            {
                static IamAction[] Grow(int n) => n == 0 ? [] : [S3.GetObject, .. {|#0:Grow(n - 1)|}];

                static IdentityPolicy Ping(int n) => Pong(n);
                static IdentityPolicy Pong(int n) => {|#1:Ping(n)|};

                [ManagedPolicy("recursive")]
                public static IdentityPolicy Recursive => Policy.Identity().Allow(Grow(3)).OnAll();

                [ManagedPolicy("mutual")]
                public static IdentityPolicy Mutual => Ping(1);
            }
            """).Expect(
                Pac("PAC200", 0).WithMessage("'Grow(n - 1)' calls 'Grow' while 'Grow' is running (recursion): a helper evaluated at compile time cannot call itself, directly or through other helpers. (in 'Grow', evaluated for 'Recursive')"),
                Pac("PAC200", 1).WithMessage("'Ping(n)' calls 'Ping' while 'Ping' is running (recursion): a helper evaluated at compile time cannot call itself, directly or through other helpers. (in 'Pong', evaluated for 'Mutual')")).RunAsync();

    [Fact]
    public Task HelperWithSideEffects_ReportsPAC200OnTheSideEffect()
        => new PolicyGeneratorTest("""
            public static partial class P
            {
                private static int s_calls;

                static IdentityPolicy Counted()
                {
                    {|#0:s_calls = 1|};
                    return Policy.Identity().Allow(S3.GetObject).OnAll();
                }

                static IdentityPolicy Logged()
                {
                    {|#1:Console.WriteLine("building")|};
                    return Policy.Identity().Allow(S3.GetObject).OnAll();
                }

                [ManagedPolicy("counted")]
                public static IdentityPolicy CountedPolicy => Counted();

                [ManagedPolicy("logged")]
                public static IdentityPolicy LoggedPolicy => Logged();
            }
            """).Expect(
                Pac("PAC200", 0).WithMessage("'s_calls = 1' assigns to the field 's_calls': code evaluated at compile time may only give its own local variables a value with '='. (in 'Counted', evaluated for 'CountedPolicy')"),
                Pac("PAC200", 1).WithMessage("'Console.WriteLine(\"building\")' calls 'Console.WriteLine', which cannot be run at compile time: a declaration may call its project's own static methods and local functions, the System.Linq operators Select, Where, SelectMany, Concat, Append, Prepend, Distinct, ToArray and ToList, the typed AWS members and the PolicyAsCode DSL. (in 'Logged', evaluated for 'LoggedPolicy')")).RunAsync();

    // A helper shared by many declarations that cannot be evaluated is one problem in one place: reported once, on its
    // expression, naming one of the declarations (the first analysed), not once per caller.
    [Fact]
    public Task SharedHelperThatCannotBeEvaluated_ReportsPAC200Once()
        => new PolicyGeneratorTest("""
            public static partial class P
            {
                static IdentityPolicy Logged(string bucket)
                {
                    {|#0:Console.WriteLine(bucket)|};
                    return Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object(bucket, "*"));
                }

                [ManagedPolicy("a")]
                public static IdentityPolicy A => Logged("a");

                [ManagedPolicy("b")]
                public static IdentityPolicy B => Logged("b");

                [ManagedPolicy("c")]
                public static IdentityPolicy C => Logged("c");
            }
            """).Expect(Pac("PAC200", 0)).RunAsync();

    [Fact]
    public Task HugeLinqChain_ReportsPAC200OnTheChainWithinTheStepBudget()
    {
        string hundred = string.Join(", ", Enumerable.Range(0, 100).Select(i => $"\"b{i}\""));
        return new PolicyGeneratorTest($$"""
            using System.Linq;

            public static partial class P
            {
                private static readonly string[] Xs = [{{hundred}}];

                [ManagedPolicy("huge")]
                public static IdentityPolicy Huge => Policy.Identity().Allow(S3.GetObject)
                    .On({|#0:Xs.SelectMany(a => Xs.SelectMany(b => Xs.Select(c => S3.Arn.Object(a + b, c)))).ToArray()|});
            }
            """).Expect(Pac("PAC200", 0).WithMessage("'Xs.SelectMany(a => Xs.SelectMany(b => Xs.Select(c => S3.A...' takes more than 100,000 steps to evaluate (a huge LINQ chain or list): the generator stops here. Keep compile-time lists to the size of a policy.")).RunAsync();
    }

    [Fact]
    public Task ThrowInstanceMethodLibraryMethodAndLoop_ReportPAC200OnEach()
        => new PolicyGeneratorTest("""
            using System.Linq;

            public sealed partial class P
            {
                static string Bucket(string stage) => stage == "prod" ? "acme-prod" : {|#0:throw new ArgumentException(stage)|};

                private IdentityPolicy Build() => Policy.Identity().Allow(S3.GetObject).OnAll();

                static string Joined(string[] parts)
                {
                    var joined = "";
                    {|#3:while (joined.Length < 3) joined = joined + parts[0];|}
                    return joined;
                }

                [ManagedPolicy("throws")]
                public static IdentityPolicy Throws => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Bucket(Bucket("dev")));

                [ManagedPolicy("instance")]
                public static IdentityPolicy Instance => {|#1:new P().Build()|};

                [ManagedPolicy("library")]
                public static IdentityPolicy Library => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Bucket({|#2:string.Join("-", "a", "b")|}));

                [ManagedPolicy("loop")]
                public static IdentityPolicy Loop => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Bucket(Joined(["a"])));

                [ManagedPolicy("order")]
                public static IdentityPolicy Order => Policy.Identity().Allow(S3.GetObject).On({|#4:new[] { "b", "a" }.OrderBy(b => b)|}.Select(b => S3.Arn.Bucket(b)).ToArray());
            }
            """).Expect(
                Pac("PAC200", 0).WithMessage("'throw new ArgumentException(stage)' throws: a declaration evaluated at compile time must have a value, not an exception. (in 'Bucket', evaluated for 'Throws')"),
                Pac("PAC200", 1).WithMessage("'new P().Build()' calls the instance method 'Build': only static methods and local functions can be evaluated at compile time."),
                Pac("PAC200", 2).WithMessage("'string.Join(\"-\", \"a\", \"b\")' calls 'String.Join', which cannot be run at compile time: a declaration may call its project's own static methods and local functions, the System.Linq operators Select, Where, SelectMany, Concat, Append, Prepend, Distinct, ToArray and ToList, the typed AWS members and the PolicyAsCode DSL."),
                Pac("PAC200", 3).WithMessage("Loops cannot be evaluated at compile time: build lists with arrays, collection expressions and System.Linq (Select, Where, SelectMany, Concat). (in 'Joined', evaluated for 'Loop')"),
                Pac("PAC200", 4).WithMessage("'new[] { \"b\", \"a\" }.OrderBy(b => b)' calls Enumerable.OrderBy in a form that cannot be evaluated at compile time: the operators evaluated are Select, Where, SelectMany, Concat, Append, Prepend, Distinct, ToArray and ToList (without comparers or result selectors).")).RunAsync();

    [Fact]
    public Task UnsupportedStatementsAndValues_ReportPAC200OnThem()
        => new PolicyGeneratorTest("""
            public static partial class P
            {
                static string Stage(int level)
                {
                    {|#0:switch (level) { case 0: return "dev"; default: return "prod"; }|}
                }

                static string? Nothing() => null;

                static string Named(string stage) => {|#2:stage switch { "dev" => "acme-dev" }|};

                [ManagedPolicy("switch_statement")]
                public static IdentityPolicy SwitchStatement => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Bucket(Stage(0)));

                [ManagedPolicy("null")]
                public static IdentityPolicy Null => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Bucket({|#1:Nothing()|}!));

                [ManagedPolicy("no_arm")]
                public static IdentityPolicy NoArm => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Bucket(Named("prod")));
            }
            """).Expect(
                Pac("PAC200", 0).WithMessage("'switch (level) { case 0: return \"dev\"; default: return \"p...' cannot be evaluated at compile time: a helper's body may declare local variables and use if, return and expressions. (in 'Stage', evaluated for 'SwitchStatement')"),
                Pac("PAC200", 1).WithMessage("'Nothing()' returns null, which is not a value a policy can hold."),
                Pac("PAC200", 2).WithMessage("No arm of this switch expression matches \"prod\". (in 'Named', evaluated for 'NoArm')")).RunAsync();

    [Fact]
    public Task InvalidValuePassedToAHelper_ReportsPAC201OnTheArgument()
        => new PolicyGeneratorTest("""
            public static partial class P
            {
                static ResourcePolicy SharedWith(string account, string bucket) => Policy.Resource()
                    .Allow(S3.GetObject).For(Principal.Account(account)).On(S3.Arn.Object(bucket, "*"));

                static Role Assumable(TimeSpan session) => Role.Define().TrustedBy(Principal.Service("ec2.amazonaws.com")).MaxSession(session);

                [ResourcePolicy("shared")]
                public static ResourcePolicy Shared => SharedWith({|#0:"12345"|}, "my-bucket");

                [Role("long")]
                public static Role Long => Assumable({|#1:TimeSpan.FromHours(13)|});
            }
            """).Expect(
                Pac("PAC201", 0).WithMessage("'12345' is not an AWS account id; account ids have 12 digits. (in 'SharedWith')"),
                Pac("PAC201", 1).WithMessage("A role's maximum session duration must be between 1 and 12 hours (3600 to 43200 seconds), not 46800 seconds. (in 'Assumable')")).RunAsync();

    [Theory]
    [InlineData("static IdentityPolicy H(string b) => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Bucket(b", "H(\"x\")")]
    [InlineData("static IdentityPolicy H(string b) { return Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Bucket(b)) }", "H(\"x\")")]
    [InlineData("static IdentityPolicy H(string b) { }", "H(\"x\")")]
    [InlineData("static IdentityPolicy H(string b) { if (b == null) return null!; return Policy.Identity().Allow(S3.GetObject).OnAll(); }", "H(null!)")]
    [InlineData("static IdentityPolicy H(ref string b) => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Bucket(b));", "H(ref s_bucket)")]
    [InlineData("static IdentityPolicy H(out string b) { b = \"x\"; return Policy.Identity().Allow(S3.GetObject).OnAll(); }", "H(out var b)")]
    [InlineData("static T H<T>(bool c, T a, T b) => c ? a : b;", "H(true, Policy.Identity().Allow(S3.GetObject).OnAll(), Policy.Identity())")]
    [InlineData("static IdentityPolicy H(Func<string, IdentityPolicy> f) => f(\"x\");", "H(b => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Bucket(b)))")]
    [InlineData("static IdentityPolicy H(Func<IdentityPolicy> f) => f();", "H(() => H(() => Policy.Identity()))")]
    [InlineData("static Func<IdentityPolicy> F = () => F!();", "F()")]
    [InlineData("static IdentityPolicy H(int n) { var x = n; x = x + 1; return x > 1 ? Policy.Identity().Allow(S3.GetObject).OnAll() : Policy.Identity(); }", "H(1)")]
    [InlineData("static IdentityPolicy H(int n) { var x = n; x += 1; return Policy.Identity().Allow(S3.GetObject).OnAll(); }", "H(1)")]
    [InlineData("static IdentityPolicy H(int n) => n / (n - 1) > 0 ? Policy.Identity().Allow(S3.GetObject).OnAll() : Policy.Identity();", "H(1)")]
    [InlineData("static IdentityPolicy H(int n) => n * int.MaxValue > 0 ? Policy.Identity().Allow(S3.GetObject).OnAll() : Policy.Identity();", "H(3)")]
    [InlineData("static IdentityPolicy H(string[] b) => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Bucket(b[5]));", "H([\"a\"])")]
    [InlineData("static async System.Threading.Tasks.Task<IdentityPolicy> H() => Policy.Identity();", "H().Result")]
    [InlineData("static System.Collections.Generic.IEnumerable<IamAction> H() { yield return S3.GetObject; }", "Policy.Identity().Allow(System.Linq.Enumerable.ToArray(H())).OnAll()")]
    [InlineData("static partial IdentityPolicy H();", "H()")]
    public void BrokenOrHostileHelpers_DoNotThrow(string helper, string call)
    {
        var run = GeneratorHarness.Run($$"""
            public static partial class P
            {
                private static string s_bucket = "b";

                {{helper}}

                [ManagedPolicy("policy")]
                public static IdentityPolicy Declared => {{call}};
            }
            """);
        Assert.All(run.Result.Diagnostics, d => Assert.Contains(d.Id, (string[])["PAC200", "PAC201"]));
    }
}
