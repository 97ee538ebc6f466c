using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace PolicyAsCode.Tests.Generator;

/// <summary>
/// The generator's diagnostics (PAC200-PAC204), each with its exact span: the expression that cannot be evaluated, the
/// DSL call that is wrong, the declared member or the attribute's name.
/// </summary>
public class GeneratorDiagnosticsTests
{
    private static DiagnosticResult Pac(string id, int location, DiagnosticSeverity severity = DiagnosticSeverity.Error)
        => PolicyGeneratorTest.Diagnostic(id, location, severity);

    // PAC200: values the generator cannot evaluate at compile time, reported on the expression itself.

    [Fact]
    public Task LoopInAGetter_ReportsPAC200OnTheLoop()
        => new PolicyGeneratorTest("""
            public static partial class P
            {
                [ManagedPolicy("loop")]
                public static IdentityPolicy Loop
                {
                    get
                    {
                        var bucket = "my-bucket";
                        {|#0:for (int i = 0; i < 3; i++) bucket += "x";|}
                        return Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Bucket(bucket));
                    }
                }
            }
            """).Expect(Pac("PAC200", 0).WithMessage("Loops cannot be evaluated at compile time: build lists with arrays, collection expressions and System.Linq (Select, Where, SelectMany, Concat).")).RunAsync();

    [Fact]
    public Task LibraryMethodCall_ReportsPAC200OnTheCall()
        => new PolicyGeneratorTest("""
            public static partial class P
            {
                private const string Bucket = "my-bucket";

                [ManagedPolicy("method")]
                public static IdentityPolicy Method => Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket({|#0:Bucket.ToUpperInvariant()|}));
            }
            """).Expect(Pac("PAC200", 0).WithMessage("'Bucket.ToUpperInvariant()' calls 'String.ToUpperInvariant', which cannot be run at compile time: a declaration may call its project's own static methods and local functions, the System.Linq operators Select, Where, SelectMany, Concat, Append, Prepend, Distinct, ToArray and ToList, the typed AWS members and the PolicyAsCode DSL.")).RunAsync();

    [Fact]
    public Task TypePattern_ReportsPAC200OnThePattern()
        => new PolicyGeneratorTest("""
            public static partial class P
            {
                private static readonly object Bucket = "my-bucket";

                [ManagedPolicy("pattern")]
                public static IdentityPolicy Pattern => Bucket is {|#0:string bucket|} ? Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Bucket(bucket)) : Policy.Identity();
            }
            """).Expect(Pac("PAC200", 0).WithMessage("The pattern 'string bucket' cannot be evaluated at compile time: use constants, 'not', 'and', 'or', relational patterns, 'var' and '_'.")).RunAsync();

    [Fact]
    public Task EnvironmentVariable_ReportsPAC200OnTheCall()
        => new PolicyGeneratorTest("""
            public static partial class P
            {
                [ManagedPolicy("environment")]
                public static IdentityPolicy FromEnvironment => Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket({|#0:Environment.GetEnvironmentVariable("BUCKET")|}!));
            }
            """).Expect(Pac("PAC200", 0)).RunAsync();

    [Fact]
    public Task StaticFieldInitializedByAMethod_ReportsPAC200OnItsInitializer()
        => new PolicyGeneratorTest("""
            public static partial class P
            {
                private static readonly string Bucket = {|#0:string.Concat("my-", "bucket")|};

                [ManagedPolicy("field")]
                public static IdentityPolicy FromField => Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket(Bucket));
            }
            """).Expect(Pac("PAC200", 0)).RunAsync();

    [Fact]
    public Task InstanceMember_ReportsPAC200OnTheInstanceReference()
        => new PolicyGeneratorTest("""
            public sealed partial class P
            {
                private readonly string _bucket = "my-bucket";
                private static readonly P s_instance = new();

                [ManagedPolicy("instance")]
                public static IdentityPolicy FromInstance => Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket({|#0:s_instance._bucket|}));
            }
            """).Expect(Pac("PAC200", 0)).RunAsync();

    [Fact]
    public Task AttachingAnUndeclaredPolicy_ReportsPAC200OnTheArgument()
        => new PolicyGeneratorTest("""
            public static partial class P
            {
                [Role("role")]
                public static Role R => Role.Define().TrustedBy(Principal.Service("ec2.amazonaws.com"))
                    .Attach({|#0:Policy.Identity().Allow(S3.GetObject).OnAll()|});
            }
            """).Expect(Pac("PAC200", 0).WithMessage("Attach takes a policy declared with [ManagedPolicy] or an AwsManaged policy.")).RunAsync();

    [Fact]
    public Task DateFromTheClockOrWithoutOffset_ReportsPAC200OnIt()
        => new PolicyGeneratorTest("""
            public static partial class P
            {
                [ManagedPolicy("clock")]
                public static IdentityPolicy Clock => Policy.Identity().Allow(S3.GetObject).OnAll().When(Keys.Aws.CurrentTime.After({|#0:DateTimeOffset.UtcNow|}));

                [ManagedPolicy("local_time")]
                public static IdentityPolicy LocalTime => Policy.Identity().Allow(S3.GetObject).OnAll().When(Keys.Aws.CurrentTime.After({|#1:new DateTime(2026, 1, 1)|}));
            }
            """).Expect(Pac("PAC200", 0), Pac("PAC200", 1)).RunAsync();

    // PAC201: what the DSL itself rejects, on the call that is wrong.

    [Fact]
    public Task InvalidDate_ReportsPAC201OnIt()
        => new PolicyGeneratorTest("""
            public static partial class P
            {
                [ManagedPolicy("month_13")]
                public static IdentityPolicy Month13 => Policy.Identity().Allow(S3.GetObject).OnAll().When(Keys.Aws.CurrentTime.After({|#0:new DateTimeOffset(2026, 13, 1, 0, 0, 0, TimeSpan.Zero)|}));

                [ManagedPolicy("odd_offset")]
                public static IdentityPolicy OddOffset => Policy.Identity().Allow(S3.GetObject).OnAll().When(Keys.Aws.CurrentTime.After({|#1:new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromSeconds(30))|}));
            }
            """).Expect(Pac("PAC201", 0), Pac("PAC201", 1)).RunAsync();

    [Fact]
    public Task EmptyAllow_ReportsPAC201OnTheCall()
        => new PolicyGeneratorTest("""
            public static partial class P
            {
                // Allow() without arguments is the NotAction step (Allow().AllExcept(...)); an empty list is written [].
                [ResourcePolicy("empty_allow")]
                public static ResourcePolicy EmptyAllow => {|#0:Policy.Resource().Allow([])|}.For(Principal.Everyone).OnAll();

                [ResourcePolicy("empty_resource_all_except")]
                public static ResourcePolicy EmptyResourceAllExcept => {|#3:Policy.Resource().Allow().AllExcept()|}.For(Principal.Everyone).OnAll();

                [ManagedPolicy("empty_all_except")]
                public static IdentityPolicy EmptyAllExcept => {|#1:Policy.Identity().Deny().AllExcept()|}.OnAll();

                [ManagedPolicy("empty_on")]
                public static IdentityPolicy EmptyOn => {|#2:Policy.Identity().Allow(S3.GetObject).On()|};
            }
            """).Expect(
                Pac("PAC201", 0).WithMessage("Allow needs at least one action, e.g. Allow(S3.GetObject); use Allow(IamAction.All) for every action."),
                Pac("PAC201", 1),
                Pac("PAC201", 2),
                Pac("PAC201", 3).WithMessage("AllExcept needs at least one action to except.")).RunAsync();

    [Fact]
    public Task DuplicateSid_ReportsPAC201OnTheSecondNamed()
        => new PolicyGeneratorTest("""
            public static partial class P
            {
                [ManagedPolicy("duplicate_sid")]
                public static IdentityPolicy DuplicateSid => {|#0:Policy.Identity()
                    .Allow(S3.GetObject).OnAll().Named("Read")
                    .Allow(S3.ListBucket).OnAll().Named("Read")|};
            }
            """).Expect(Pac("PAC201", 0).WithMessage("The Sid 'Read' is already used in this policy; statement ids must be unique.")).RunAsync();

    [Fact]
    public Task DuplicateConditionKey_ReportsPAC201OnTheWhen()
        => new PolicyGeneratorTest("""
            public static partial class P
            {
                [ManagedPolicy("duplicate_condition")]
                public static IdentityPolicy DuplicateCondition => {|#0:Policy.Identity().Allow(S3.GetObject).OnAll()
                    .When(Keys.Aws.SourceIp.InRange("10.0.0.0/8"), Keys.Aws.SourceIp.InRange("192.168.0.0/16"))|};
            }
            """).Expect(Pac("PAC201", 0)).RunAsync();

    [Fact]
    public Task MaxSessionOutOfRange_ReportsPAC201OnTheCall()
        => new PolicyGeneratorTest("""
            public static partial class P
            {
                [Role("long_session")]
                public static Role LongSession => {|#0:Role.Define().TrustedBy(Principal.Account("444455556666")).MaxSession(TimeSpan.FromHours(13))|};

                [Role("short_session")]
                public static Role ShortSession => {|#1:Role.Define().TrustedBy(Principal.Account("444455556666")).MaxSession(TimeSpan.FromMinutes(30))|};
            }
            """).Expect(
                Pac("PAC201", 0).WithMessage("A role's maximum session duration must be between 1 and 12 hours (3600 to 43200 seconds), not 46800 seconds."),
                Pac("PAC201", 1)).RunAsync();

    [Fact]
    public Task BadAccountIdOrServiceOrPath_ReportsPAC201OnThePrincipal()
        => new PolicyGeneratorTest("""
            public static partial class P
            {
                [Role("bad_account")]
                public static Role BadAccount => Role.Define().TrustedBy({|#0:Principal.Account("12345")|});

                [ResourcePolicy("bad_role_account")]
                public static ResourcePolicy BadRoleAccount => Policy.Resource().Allow(S3.GetObject).For({|#1:Principal.Role("4444-5555-6666", "reader")|}).OnAll();

                [Role("bad_service")]
                public static Role BadService => Role.Define().TrustedBy({|#2:Principal.Service("ec2")|});

                [Role("bad_path")]
                public static Role BadPath => {|#3:Role.Define().TrustedBy(Principal.Service("ec2.amazonaws.com")).Path("ci")|};
            }
            """).Expect(
                Pac("PAC201", 0).WithMessage("'12345' is not an AWS account id; account ids have 12 digits."),
                Pac("PAC201", 1),
                Pac("PAC201", 2),
                Pac("PAC201", 3)).RunAsync();

    [Fact]
    public Task EmptyPolicy_ReportsPAC201OnTheMember()
        => new PolicyGeneratorTest("""
            public static partial class P
            {
                [ManagedPolicy("empty")]
                public static IdentityPolicy {|#0:Empty|} => Policy.Identity();
            }
            """).Expect(Pac("PAC201", 0).WithMessage("The policy 'empty' has no statements; add one with Allow(...) or Deny(...).")).RunAsync();

    [Fact]
    public Task RoleWithoutTrustedBy_ReportsPAC201OnTheMember()
        => new PolicyGeneratorTest("""
            public static partial class P
            {
                [Role("untrusted")]
                public static Role {|#0:Untrusted|} => Role.Define().Attach(AwsManaged.ReadOnlyAccess);
            }
            """).Expect(Pac("PAC201", 0).WithMessage("A role needs a trust policy: say who may assume it with TrustedBy(...).")).RunAsync();

    [Fact]
    public Task InvalidNames_ReportPAC201OnTheName()
        => new PolicyGeneratorTest("""
            public static partial class P
            {
                [ManagedPolicy({|#0:"read my bucket"|})]
                public static IdentityPolicy Spaces => Policy.Identity().Allow(S3.GetObject).OnAll();

                [ManagedPolicy({|#1:""|})]
                public static IdentityPolicy Empty => Policy.Identity().Allow(S3.GetObject).OnAll();

                [Role({|#2:"a_role_name_that_is_longer_than_the_sixty_four_characters_iam_allows"|})]
                public static Role TooLong => Role.Define().TrustedBy(Principal.Service("ec2.amazonaws.com"));

                [ResourcePolicy({|#3:"bucket/policy"|})]
                public static ResourcePolicy Slash => Policy.Resource().Allow(S3.GetObject).For(Principal.Everyone).OnAll();
            }
            """).Expect(
                Pac("PAC201", 0).WithMessage("'read my bucket' is not a valid IAM policy name: use 1 to 128 letters, digits and +=,.@-_ characters."),
                Pac("PAC201", 1),
                Pac("PAC201", 2).WithMessage("'a_role_name_that_is_longer_than_the_sixty_four_characters_iam_allows' is not a valid IAM role name: use 1 to 64 letters, digits and +=,.@-_ characters."),
                Pac("PAC201", 3)).RunAsync();

    // PAC202: the attribute on a member the generator cannot use.

    [Fact]
    public Task NonStaticMemberOrWrongType_ReportsPAC202OnTheMember()
        => new PolicyGeneratorTest("""
            public partial class P
            {
                [ManagedPolicy("instance")]
                public IdentityPolicy {|#0:Instance|} => Policy.Identity().Allow(S3.GetObject).OnAll();

                [ManagedPolicy("string")]
                public static string {|#1:Json|} => "{}";

                [Role("policy_as_role")]
                public static IdentityPolicy {|#2:PolicyAsRole|} => Policy.Identity().Allow(S3.GetObject).OnAll();

                [ResourcePolicy("identity_as_resource")]
                public static readonly IdentityPolicy {|#3:IdentityAsResource|} = Policy.Identity().Allow(S3.GetObject).OnAll();
            }
            """).Expect(
                Pac("PAC202", 0).WithMessage("[ManagedPolicy] goes on a static property or field of type IdentityPolicy; 'Instance' is not static and of type PolicyAsCode.IdentityPolicy."),
                Pac("PAC202", 1),
                Pac("PAC202", 2),
                Pac("PAC202", 3)).RunAsync();

    // PAC203: two declarations that would write the same file (also when only the case differs, as on Windows and macOS
    // file systems), on the one that comes second by name.

    [Fact]
    public Task TwoDeclarationsWithTheSameName_ReportPAC203OnTheSecond()
        => new PolicyGeneratorTest(
            """
            public static partial class A
            {
                [ManagedPolicy("shared")]
                public static IdentityPolicy First => Policy.Identity().Allow(S3.GetObject).OnAll();

                [Role("role")]
                public static Role {|#1:Role1|} => Role.Define().TrustedBy(Principal.Service("ec2.amazonaws.com"));
            }
            """,
            """
            public static partial class B
            {
                [ResourcePolicy("shared")]
                public static ResourcePolicy {|#0:Second|} => Policy.Resource().Allow(S3.GetObject).For(Principal.Everyone).OnAll();

                [Role("ROLE")]
                public static Role Role2 => Role.Define().TrustedBy(Principal.Service("ec2.amazonaws.com"));
            }
            """).Expect(
                Pac("PAC203", 0).WithMessage("'B.Second' writes iam/shared.json, which 'A.First' writes too; give one of them another name."),
                Pac("PAC203", 1)).RunAsync();

    // PAC204: a type that is not partial gets no compiled class, but its JSON is still generated.

    [Fact]
    public async Task NonPartialType_ReportsPAC204WarningAndStillEmitsTheJson()
    {
        using var generated = await new PolicyGeneratorTest("""
            namespace Plain
            {
                public static class Policies
                {
                    [ManagedPolicy("plain")]
                    public static IdentityPolicy {|#0:Plain|} => Policy.Identity().Allow(S3.GetObject).OnAll();
                }
            }
            """).Expect(Pac("PAC204", 0, DiagnosticSeverity.Warning).WithMessage("Make Policies partial (and its containing types) to get the compiled evaluator of 'Plain'; its JSON is generated either way.")).RunAndLoadAsync();
        generated.AssertMatchesRuntime(compiled: false);
    }

    [Fact]
    public async Task PartialTypeInsideANonPartialType_ReportsPAC204()
    {
        using var generated = await new PolicyGeneratorTest("""
            public static class Outer
            {
                public static partial class Inner
                {
                    [ManagedPolicy("inner")]
                    public static IdentityPolicy {|#0:Read|} => Policy.Identity().Allow(S3.GetObject).OnAll();
                }
            }
            """).Expect(Pac("PAC204", 0, DiagnosticSeverity.Warning)).RunAndLoadAsync();
        generated.AssertMatchesRuntime(compiled: false);
    }

    [Fact]
    public void Diagnostics_AreInTheCompilationsSyntaxTrees_SoThatPragmaWarningDisableApplies()
    {
        var run = GeneratorHarness.Run(
            """
            public static class Policies
            {
                [ManagedPolicy("plain")]
                public static IdentityPolicy Plain => Policy.Identity().Allow(S3.GetObject).On("arn:aws:s3:::plain");

                [ManagedPolicy("machine")]
                public static IdentityPolicy Machine => Policy.Identity().Allow(S3.GetObject).On(Environment.MachineName);

                [ManagedPolicy("plain")]
                public static IdentityPolicy Twice => Policy.Identity().Allow(S3.GetObject).OnAll();
            }
            """,
            """
            public static class Other
            {
                [Role("r")]
                public static Role R => Role.Define();
            }
            """);
        Assert.Equal(["PAC200", "PAC201", "PAC203", "PAC204", "PAC204", "PAC204", "PAC204"], run.Diagnostics.Select(d => d.Id).Order());
        Assert.All(run.Diagnostics, d =>
        {
            Assert.True(d.Location.IsInSource, $"{d.Id} is at {d.Location}");
            Assert.Contains(d.Location.SourceTree, run.Input.SyntaxTrees);
        });
    }
}
