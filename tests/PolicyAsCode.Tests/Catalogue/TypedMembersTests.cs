using System.Reflection;
using PolicyAsCode.Aws;
using PolicyAsCode.Catalogue;

namespace PolicyAsCode.Tests.Catalogue;

/// <summary>
/// The typed members of PolicyAsCode.Aws (written by src/tools/typed-members) against the catalogue they come from, through
/// the same <see cref="TypedServiceMembers"/> naming the source generator uses to read them back.
/// </summary>
public class TypedMembersTests
{
    private static readonly ServiceCatalogue s_catalogue = ServiceCatalogue.Default;
    private static readonly Assembly s_aws = typeof(S3).Assembly;

    [Fact]
    public void S3Members_HaveTheirAwsNames()
    {
        Assert.Equal("s3:GetObject", S3.GetObject.Value);
        Assert.Equal("s3:ListBucket", S3.ListBucket.Value);
        Assert.Equal("arn:aws:s3:::my-bucket", S3.Arn.Bucket("my-bucket").Value);
        Assert.Equal("arn:aws:s3:::my-bucket/*", S3.Arn.Object("my-bucket", "*").Value);
        Assert.Equal("arn:aws-cn:s3:::b/k", S3.Arn.Object("b", "k", partition: "aws-cn").Value);
        Assert.Equal("s3:prefix", S3.Keys.Prefix.Name);
        Assert.Equal("arn:aws:iam::111122223333:role/deploy", Iam.Arn.Role("111122223333", "deploy").Value);
        Assert.Equal("sts:AssumeRole", Sts.AssumeRole.Value);
    }

    [Fact]
    public void GlobalKeys_CarryTheirTypes()
    {
        Assert.IsType<IpAddressConditionKey>(Keys.Aws.SourceIp);
        Assert.IsType<BoolConditionKey>(Keys.Aws.MultiFactorAuthPresent);
        Assert.IsType<StringConditionKey>(Keys.Aws.Username);
        Assert.IsType<DateConditionKey>(Keys.Aws.CurrentTime);
        Assert.IsType<ArnConditionKey>(Keys.Aws.PrincipalArn);
        Assert.Equal("aws:RequestTag/team", Keys.Aws.RequestTag("team").Name);
        Assert.Equal("aws:TagKeys", Keys.Aws.TagKeys.Name);
    }

    [Fact]
    public void EveryServiceHasAClass_AndEveryActionMemberIsItsAction()
    {
        int actions = 0;
        foreach (var service in s_catalogue.Services)
        {
            var members = TypedServiceMembers.For(service);
            var type = s_aws.GetType("PolicyAsCode.Aws." + members.ClassName);
            Assert.True(type is not null, $"no class for {service.Prefix}");
            foreach (var (member, action) in members.Actions)
            {
                var property = type!.GetProperty(member, BindingFlags.Public | BindingFlags.Static);
                Assert.True(property is not null, $"{members.ClassName}.{member} is missing");
                Assert.Equal(action.FullName, ((IamAction)property!.GetValue(null)!).Value);
                actions++;
            }
        }
        Assert.True(actions > 20_000, $"{actions} action members");
    }

    [Fact]
    public void EveryConditionKeyMember_NamesItsKey_WithTheRightType()
    {
        foreach (var service in s_catalogue.Services)
        {
            var members = TypedServiceMembers.For(service);
            if (members.ConditionKeys.Count == 0) continue;
            var keys = s_aws.GetType($"PolicyAsCode.Aws.{members.ClassName}+{TypedServiceMembers.KeysClass}")!;
            foreach (var (member, key) in members.ConditionKeys)
            {
                var method = keys.GetMethod(member, BindingFlags.Public | BindingFlags.Static)
                    ?? keys.GetProperty(member, BindingFlags.Public | BindingFlags.Static)!.GetMethod!;
                var arguments = method.GetParameters().Select(_ => (object)"sample").ToArray();
                var value = (ConditionKey)method.Invoke(null, arguments)!;
                Assert.True(s_catalogue.TryGetConditionKey(value.Name, out var found), $"{value.Name} does not resolve");
                Assert.Equal(key.ElementType, ElementTypeOf(value));
                if (arguments.Length == 0) Assert.Equal(key.Name, value.Name);
            }
        }
    }

    [Fact]
    public void EveryArnBuilder_BuildsAnArnOfItsResourceType()
    {
        int checkedTypes = 0;
        foreach (var service in s_catalogue.Services)
        {
            var members = TypedServiceMembers.For(service);
            if (members.ResourceTypes.Count == 0) continue;
            var arns = s_aws.GetType($"PolicyAsCode.Aws.{members.ClassName}+{TypedServiceMembers.ArnClass}")!;
            foreach (var (member, type) in members.ResourceTypes)
            {
                var method = arns.GetMethod(member, BindingFlags.Public | BindingFlags.Static)!;
                var arguments = method.GetParameters()
                    .Select(p => p.HasDefaultValue ? p.DefaultValue : (object)(p.Name == "account" || p.Name == "accountId" ? "111122223333" : "x" + p.Position))
                    .ToArray();
                var arn = ((ResourceArn)method.Invoke(null, arguments)!).Value;
                Assert.StartsWith("arn:", arn);
                if (type.ArnTemplate.StartsWith("arn:${Partition}:" + service.Prefix + ":", StringComparison.Ordinal))
                {
                    Assert.Contains(s_catalogue.MatchResourceTypes(arn), t => t.ArnTemplate == type.ArnTemplate);
                }
                checkedTypes++;
            }
        }
        Assert.True(checkedTypes > 2_000, $"{checkedTypes} ARN builders");
    }

    private static ConditionKeyType ElementTypeOf(ConditionKey key) => key switch
    {
        NumericConditionKey => ConditionKeyType.Numeric,
        DateConditionKey => ConditionKeyType.Date,
        BoolConditionKey => ConditionKeyType.Bool,
        ArnConditionKey => ConditionKeyType.Arn,
        IpAddressConditionKey => ConditionKeyType.IPAddress,
        BinaryConditionKey => ConditionKeyType.Binary,
        _ => ConditionKeyType.String,
    };
}

/// <summary>AWS managed policies by name, as typed members.</summary>
public class AwsManagedMembersTests
{
    [Fact]
    public void ReadOnlyAccess_IsItsArn_WithItsDocument()
    {
        var policy = AwsManaged.ReadOnlyAccess;
        Assert.Equal("arn:aws:iam::aws:policy/ReadOnlyAccess", policy.Arn);
        Assert.NotEmpty(policy.Document.Statements);
    }

    [Fact]
    public void EveryMember_CarriesTheArnItReturns()
    {
        var properties = typeof(AwsManaged).GetProperties(BindingFlags.Public | BindingFlags.Static);
        Assert.Equal(PolicyAsCode.Catalogue.AwsManagedPolicies.All.Count, properties.Length);
        foreach (var property in properties)
        {
            var attribute = property.GetCustomAttribute<AwsManagedPolicyArnAttribute>()!;
            Assert.Equal(attribute.Arn, ((AwsManagedPolicy)property.GetValue(null)!).Arn);
        }
    }
}
