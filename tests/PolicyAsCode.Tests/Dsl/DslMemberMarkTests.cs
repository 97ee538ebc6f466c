using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PolicyAsCode.Dsl;
using PolicyAsCode.Tests.Generator;

namespace PolicyAsCode.Tests.Dsl;

/// <summary>
/// The DSL describes itself to the source generator: every public member of the DSL's types carries a
/// <see cref="DslMemberAttribute"/> naming what it does, and every member a declaration can call builds, when the
/// generator interprets it from its mark, what it builds when it runs.
/// </summary>
public class DslMemberMarkTests
{
    /// <summary>The types whose members a declaration calls.</summary>
    private static readonly Type[] s_dslTypes =
    [
        typeof(Policy), typeof(PolicyBase), typeof(IdentityPolicy), typeof(ResourcePolicy), typeof(ResourcePolicy.PrincipalStep), typeof(ResourcePolicy.AllExceptStep),
        typeof(ServiceControlPolicy), typeof(ResourceControlPolicy),
        typeof(ResourceStep<>), typeof(EffectStep<>), typeof(Role), typeof(Principal), typeof(Principal.WebIdentity),
        typeof(ConditionKey), typeof(ConditionKey<>), typeof(StringConditionKey), typeof(NumericConditionKey), typeof(DateConditionKey),
        typeof(BoolConditionKey), typeof(ArnConditionKey), typeof(IpAddressConditionKey), typeof(BinaryConditionKey),
        typeof(IamAction), typeof(ResourceArn),
    ];

    /// <summary>What DSL members return besides DSL types: the model, and the catalogue's policies they take.</summary>
    private static readonly Type[] s_valueTypes = [typeof(Condition)];

    /// <summary>
    /// Declarations that, together, call every member a declaration can call. Each is checked against the run time
    /// (the same JSON, byte for byte) by <see cref="MarkedMembers_BuildWhatTheGeneratorBuildsFromTheirMarks"/>.
    /// </summary>
    private const string Samples = """
        namespace Marks;

        public static partial class Samples
        {
            [ManagedPolicy("marks_identity", Description = "Every identity member")]
            public static IdentityPolicy Identity => Policy.Identity()
                .Id("marks-identity")
                .Allow(S3.GetObject, "s3:ListBucket", new IamAction("s3:GetObjectAcl")).On(S3.Arn.Object("b", "*"), "arn:aws:s3:::b", new ResourceArn("arn:aws:s3:::c"))
                    .When(Keys.Aws.SourceIp.InRange("203.0.113.0/24"), Keys.Aws.SourceIp.NotInRange("203.0.113.7/32"))
                    .Named("Read")
                .Deny(IamAction.All).On(ResourceArn.All)
                    .When(Keys.Aws.MultiFactorAuthPresent.IfExists().IsFalse(), Keys.Aws.SecureTransport.IsTrue())
                .Allow().AllExcept(Iam.PassRole).OnAllExcept(S3.Arn.Bucket("secret"))
                    .When(Keys.Aws.PrincipalTag("team").Exists(), Keys.Aws.RequestTag("env").IsAbsent())
                .Deny().AllExcept(Sts.GetCallerIdentity).OnAll()
                    .When(Keys.Aws.TagKeys.ForAnyValue.Like("team*"), Keys.Aws.TagKeys.ForAllValues.NotLike("x*"),
                        Keys.Aws.Username.Is("alice"), Keys.Aws.Username.IsNot("bob"),
                        Keys.Aws.Username.IsIgnoringCase("carol"), Keys.Aws.Username.IsNotIgnoringCase("dave"))
                .Deny(S3.PutObject).On(S3.Arn.Object("b", "*"))
                    .When(new NumericConditionKey("s3:max-keys").Is(1, 2.5m), new NumericConditionKey("s3:max-keys").IsNot(3),
                        new NumericConditionKey("s3:max-keys").LessThan(10), new NumericConditionKey("s3:max-keys").AtMost(11),
                        new NumericConditionKey("s3:max-keys").GreaterThan(0), new NumericConditionKey("s3:max-keys").AtLeast(1))
                .Deny(S3.DeleteObject).On(S3.Arn.Object("b", "*"))
                    .When(new DateConditionKey("aws:CurrentTime").Is(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
                        new DateConditionKey("aws:CurrentTime").IsNot(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero)),
                        new DateConditionKey("aws:CurrentTime").Before(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)),
                        new DateConditionKey("aws:CurrentTime").AtOrBefore(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(2))),
                        new DateConditionKey("aws:CurrentTime").After(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)),
                        new DateConditionKey("aws:CurrentTime").AtOrAfter(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)))
                .Deny(S3.PutObjectAcl).On(S3.Arn.Object("b", "*"))
                    .When(new BoolConditionKey("aws:ViaAWSService").IsTrue(), new StringConditionKey("s3:prefix").Is("home/"),
                        new ArnConditionKey("aws:SourceArn").Is("arn:aws:sns:us-east-1:111122223333:t"), new ArnConditionKey("aws:SourceArn").IsNot("arn:aws:sns:us-east-1:111122223333:u"),
                        new ArnConditionKey("aws:SourceArn").Like("arn:aws:sns:*:111122223333:*"), new ArnConditionKey("aws:SourceArn").NotLike("arn:aws:sns:*:444455556666:*"),
                        new IpAddressConditionKey("aws:VpcSourceIp").InRange("10.0.0.0/8"), new BinaryConditionKey("aws:Binary").Is("QUJD"))
                .Include(Shared);

            [ManagedPolicy("marks_shared")]
            public static IdentityPolicy Shared => Policy.Identity().Allow(Sqs.SendMessage).On(Sqs.Arn.Queue("us-east-1", "111122223333", "q"));

            [ResourcePolicy("marks_resource")]
            public static ResourcePolicy Bucket => Policy.Resource()
                .Allow(S3.GetObject).For(Principal.Account("444455556666"), Principal.Role("444455556666", "reader"), Principal.User("444455556666", "alice"),
                    Principal.AssumedRole("444455556666", "reader", "s1"), Principal.Arn("arn:aws:iam::444455556666:root"), Principal.Service("cloudtrail.amazonaws.com"))
                    .On(S3.Arn.Object("b", "*"))
                    .When(Keys.Aws.PrincipalOrgID.Is("o-abc"))
                    .Named("Readers")
                .Deny(S3.DeleteBucket).ForAllExcept(Principal.Account("111122223333")).On(S3.Arn.Bucket("b"))
                .Allow(S3.ListBucket).For(Principal.Everyone).On(S3.Arn.Bucket("b"))
                .Allow().AllExcept(S3.DeleteObject).For(Principal.Account("444455556666")).On(S3.Arn.Object("b", "*"))
                .Deny().AllExcept(S3.GetObject).ForAllExcept(Principal.Account("111122223333")).On(S3.Arn.Object("b", "*"))
                .Id("marks-resource")
                .Include(Policy.Resource().Allow(S3.GetObjectAcl).For(Principal.Account("444455556666")).On(S3.Arn.Object("b", "*")));

            [Role("marks_role")]
            public static Role Deployer => Role.Define()
                .TrustedBy(Principal.Account("444455556666").WithMfa(), Principal.Service("lambda.amazonaws.com").When(Keys.Aws.SourceAccount.Is("111122223333")),
                    Principal.Saml("111122223333", "corp"), Principal.WebIdentity.GitHubActions("111122223333", "my-org/my-repo", "main"),
                    Principal.WebIdentity.Provider("accounts.google.com", new StringConditionKey("accounts.google.com:aud").Is("client")),
                    Principal.WebIdentity.GitHubActions("111122223333", "my-org/my-repo", "release/*"),
                    Principal.WebIdentity.GitHubActions("111122223333", "my-org/my-repo", "refs/heads/main"),
                    Principal.WebIdentity.GitHubActionsTag("111122223333", "my-org/my-repo", "v1.*"),
                    Principal.WebIdentity.GitHubActionsEnvironment("111122223333", "my-org/my-repo", "production"),
                    Principal.WebIdentity.GitHubActionsPullRequest("111122223333", "my-org/*"))
                .Attach(Shared)
                .Attach(AwsManaged.ReadOnlyAccess)
                .AttachArn("arn:aws:iam::111122223333:policy/existing")
                .Inline("extra", Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("b", "*")))
                .PermissionsBoundary(AwsManaged.PowerUserAccess)
                .MaxSession(TimeSpan.FromHours(2))
                .Path("/deploy/")
                .Description("Deploys");

            [ServiceControlPolicy("marks_scp")]
            public static ServiceControlPolicy Guardrails => Policy.ServiceControl()
                .Deny(Organizations.LeaveOrganization).OnAll().Named("NoLeaving")
                .Deny().AllExcept(Iam.GetRole, "sts:*").OnAll().When(Keys.Aws.RequestedRegion.IsNot("eu-west-1"))
                .Allow(S3.GetObject).On(S3.Arn.Object("b", "*"))
                .Allow().AllExcept(Ec2.RunInstances).OnAllExcept(S3.Arn.Bucket("secret"))
                .Include(Policy.ServiceControl().Deny(Organizations.CloseAccount).OnAll());

            [ResourceControlPolicy("marks_rcp")]
            public static ResourceControlPolicy Perimeter => Policy.ResourceControl()
                .Deny("s3:*", Sqs.SendMessage).OnAll().When(Keys.Aws.SecureTransport.IsFalse()).Named("TlsOnly")
                .Deny(Kms.Decrypt).OnAllExcept(Kms.Arn.Key("eu-west-1", "111122223333", "k"))
                .Include(Policy.ResourceControl().Deny("sts:AssumeRole").On(Iam.Arn.Role("111122223333", "r")).When(Keys.Aws.PrincipalOrgID.IsNot("o-abc")));

            [Role("marks_declared_boundary")]
            public static Role DeclaredBoundary => Role.Define().TrustedBy(Principal.Account("444455556666")).PermissionsBoundary(Shared);

            [Role("marks_arn_boundary")]
            public static Role ArnBoundary => Role.Define().TrustedBy(Principal.Account("444455556666")).PermissionsBoundaryArn("arn:aws:iam::111122223333:policy/boundary");

            [Role("marks_typed_arn_boundary")]
            public static Role TypedArnBoundary => Role.Define().TrustedBy(Principal.Account("444455556666")).PermissionsBoundaryArn(Iam.Arn.Policy("111122223333", "boundaries/developer"));
        }
        """;

    [Fact]
    public void EveryPublicDslMember_IsMarked()
    {
        var unmarked = PublicMembers().Where(m => Mark(m) is null).Select(Key).ToList();
        Assert.True(unmarked.Count == 0, "Public DSL members without [DslMember]: " + string.Join(", ", unmarked));
    }

    [Fact]
    public void WhatMarkedMembersReturn_IsADslTypeOrAValue()
    {
        // A new step type must join the DSL's types (and so be marked), or the generator cannot follow a chain through it.
        var returned = PublicMembers().Where(m => Mark(m) is { Op: not DslOp.RuntimeOnly })
            .Select(m => m switch { MethodInfo method => method.ReturnType, PropertyInfo property => property.PropertyType, _ => null })
            .OfType<Type>()
            .Select(t => t.IsGenericType ? t.GetGenericTypeDefinition() : t)
            .Where(t => t.Assembly == typeof(Policy).Assembly && !t.IsGenericParameter)
            .Distinct();
        Assert.All(returned, t => Assert.True(s_dslTypes.Contains(t) || s_valueTypes.Contains(t), $"{t} is returned by a DSL member but is not a DSL type"));
    }

    [Fact]
    public void ConditionMarks_NameTheOperatorTheMemberBuilds()
    {
        // The runtime writes its operator as text beside its mark; the mark is what the generator reads.
        var key = new StringConditionKey("aws:Key");
        foreach (var method in PublicMembers().OfType<MethodInfo>().Where(m => Mark(m)?.Op == DslOp.Condition))
        {
            var mark = Mark(method)!;
            var owner = method.DeclaringType!;
            object instance = owner == typeof(ConditionKey) ? key : Activator.CreateInstance(owner, "aws:Key")!;
            object?[] args = method.GetParameters().Select(p => Sample(p.ParameterType)).ToArray();
            var condition = (Condition)method.Invoke(instance, args)!;
            Assert.Equal(mark.Operator, condition.Operator.Name);
            if (mark.Value is { } value) Assert.Equal([value], condition.Values);
        }
    }

    [Fact]
    public async Task MarkedMembers_BuildWhatTheGeneratorBuildsFromTheirMarks()
    {
        var test = new PolicyGeneratorTest(Samples);
        using var generated = await test.RunAndLoadAsync();
        // Byte for byte, every file: the generator interprets each call from its mark, the runtime runs it.
        var files = generated.AssertMatchesRuntime();
        Assert.Equal(["manifest.json", "marks_arn_boundary.trust.json", "marks_declared_boundary.trust.json", "marks_identity.json", "marks_rcp.json", "marks_resource.json",
            "marks_role.inline.extra.json", "marks_role.trust.json", "marks_scp.json", "marks_shared.json", "marks_typed_arn_boundary.trust.json"], files.Keys);

        // And the samples call every member a declaration can call.
        var called = CalledMembers(generated.Compilation);
        var uncalled = PublicMembers().Where(m => Mark(m) is { Op: not DslOp.RuntimeOnly } && !called.Contains(Key(m))).Select(Key).ToList();
        Assert.True(uncalled.Count == 0, "Marked DSL members no sample calls: " + string.Join(", ", uncalled));
    }

    [Fact]
    public async Task SamePolicyAttachedTwice_IsRefusedAtCompileTimeAndAtRunTime()
    {
        // One rule (RoleDraft.AttachDeclared): AWS lists an attached managed policy once.
        var runtime = Assert.Throws<DslException>(() => Role.Define().TrustedBy(Principal.Account("444455556666"))
            .Attach(Policy.Identity().Allow(S3Read).OnAll()).Attach(Policy.Identity().Allow(S3Read).OnAll()));
        Assert.Equal("The policy given is already attached to the role.", runtime.Message);

        await new PolicyGeneratorTest("""
            public static partial class Twice
            {
                [ManagedPolicy("read")]
                public static IdentityPolicy Read => Policy.Identity().Allow(S3.GetObject).OnAll();

                [Role("twice")]
                public static Role Reader => {|#0:Role.Define().TrustedBy(Principal.Account("444455556666")).Attach(Read).Attach(Read)|};
            }
            """).Expect(PolicyGeneratorTest.Diagnostic("PAC201", 0, DiagnosticSeverity.Error).WithMessage("The policy read is already attached to the role.")).RunAsync();
    }

    private static readonly IamAction S3Read = "s3:GetObject";

    /// <summary>The public members declared by the DSL's types, without what the compiler writes for records.</summary>
    private static IEnumerable<MemberInfo> PublicMembers()
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in s_dslTypes)
        {
            foreach (var member in type.GetMembers(flags))
            {
                switch (member)
                {
                    case MethodInfo method when method.IsSpecialName && !method.Name.StartsWith("op_", StringComparison.Ordinal):
                    case MethodInfo method2 when method2.IsDefined(typeof(CompilerGeneratedAttribute)):
                    case PropertyInfo property when property.GetMethod?.IsDefined(typeof(CompilerGeneratedAttribute)) == true && property.DeclaringType!.IsValueType:
                    case Type:
                        continue;
                    case ConstructorInfo when type.IsAbstract:
                        continue;
                }
                yield return member;
            }
        }
    }

    /// <summary>A member's mark: its own, or for a constructor or conversion without one, its type's.</summary>
    private static DslMemberAttribute? Mark(MemberInfo member)
        => member.GetCustomAttribute<DslMemberAttribute>()
            ?? (member is ConstructorInfo || member is MethodInfo { Name: "op_Implicit" or "op_Explicit" } ? member.DeclaringType!.GetCustomAttribute<DslMemberAttribute>() : null);

    /// <summary><c>Type`arity.Member(ParameterTypes)</c>, the same for reflection and Roslyn symbols.</summary>
    private static string Key(MemberInfo member)
    {
        var type = member.DeclaringType!;
        var parameters = member switch
        {
            MethodBase method => method.GetParameters().Select(p => p.ParameterType.Name),
            _ => [],
        };
        return $"{type.Name}.{member.Name}({string.Join(",", parameters)})";
    }

    private static string Key(ISymbol symbol)
    {
        var definition = symbol.OriginalDefinition;
        var parameters = definition is IMethodSymbol method ? method.Parameters.Select(p => TypeName(p.Type)) : [];
        return $"{definition.ContainingType.MetadataName}.{definition.MetadataName}({string.Join(",", parameters)})";
    }

    private static string TypeName(ITypeSymbol type) => type is IArrayTypeSymbol array ? TypeName(array.ElementType) + "[]" : type.MetadataName;

    /// <summary>The members called in the declarations of <paramref name="compilation"/>'s first tree.</summary>
    private static HashSet<string> CalledMembers(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.First();
        var model = compilation.GetSemanticModel(tree);
        var called = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in tree.GetRoot().DescendantNodes().OfType<PropertyDeclarationSyntax>())
        {
            var operation = model.GetOperation(property.ExpressionBody!.Expression)!;
            foreach (var node in operation.DescendantsAndSelf())
            {
                ISymbol? target = node switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod,
                    IPropertyReferenceOperation reference => reference.Property,
                    IObjectCreationOperation creation => creation.Constructor,
                    IConversionOperation conversion => conversion.OperatorMethod,
                    _ => null,
                };
                if (target is not null) called.Add(Key(target));
            }
        }
        return called;
    }

    private static object? Sample(Type type)
    {
        if (type == typeof(string[])) return new[] { "v" };
        if (type == typeof(decimal[])) return new[] { 1m };
        if (type == typeof(decimal)) return 1m;
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        if (type == typeof(ResourceArn[])) return new ResourceArn[] { "arn:aws:s3:::b" };
        throw new InvalidOperationException($"No sample value of {type}.");
    }
}
