using PolicyAsCode.Catalogue;

namespace PolicyAsCode.Tests.Catalogue;

/// <summary>Which resource types an ARN from a policy can name (the rule is in docs/formats/catalogue.md).</summary>
public class MatchResourceTypesTests
{
    private static List<string> Match(string arn) =>
        ServiceCatalogue.Default.MatchResourceTypes(arn).Select(t => $"{t.Service.Prefix}:{t.Name}").ToList();

    [Fact]
    public void ABucketArn_IsABucket()
    {
        var types = Match("arn:aws:s3:::my-bucket");
        Assert.Contains("s3:bucket", types);
        Assert.DoesNotContain("s3:object", types);
    }

    [Theory]
    [InlineData("arn:aws:s3:::my-bucket/key")]
    [InlineData("arn:aws:s3:::my-bucket/reports/2026/a.txt")]
    [InlineData("arn:aws:s3:::my-bucket/*")]
    [InlineData("arn:aws:s3:::*/*")]
    [InlineData("arn:aws:s3:::my-bucket/a:b")]
    public void AnArnWithAKey_IsAnObjectNotABucket(string arn)
    {
        // ${BucketName} could stand for "my-bucket/key", but the object template spells out the slash: more specific.
        Assert.Equal(["s3:object"], Match(arn));
    }

    [Fact]
    public void AWildcardBucketArn_CanBeABucketOrAnObject()
    {
        var types = Match("arn:aws:s3:::*");
        Assert.Contains("s3:bucket", types);
        Assert.Contains("s3:object", types);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/my-role")]
    [InlineData("arn:aws:iam::123456789012:role/service-role/my-role")]
    [InlineData("arn:aws:iam::123456789012:role/a/b/c/my-role")]
    public void AnIamRoleArn_WithOrWithoutAPath_IsARole(string arn)
    {
        var types = ServiceCatalogue.Default.MatchResourceTypes(arn);
        Assert.Contains(types, t => t.Service.Prefix == "iam" && t.Name == "role");
        // Other services (sts, ssm, ...) list the same template; nothing else matches.
        Assert.All(types, t => Assert.StartsWith("arn:${Partition}:iam::${Account}:role/${RoleName", t.ArnTemplate, StringComparison.Ordinal));
    }

    [Fact]
    public void AWildcardRoleArn_IsARole()
    {
        var types = Match("arn:aws:iam::*:role/*");
        Assert.Contains("iam:role", types);
        Assert.DoesNotContain("iam:user", types);
    }

    [Theory]
    [InlineData("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/my-function")]
    [InlineData("arn:aws:logs:us-east-1:123456789012:log-group:my-group")]
    public void ALogGroupArnWithSlashes_IsALogGroup(string arn) => Assert.Equal(["logs:log-group"], Match(arn));

    [Fact]
    public void ALogStreamArn_IsALogStream() =>
        Assert.Equal(["logs:log-stream"], Match("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:log-stream:2026/11/23/abc"));

    [Fact]
    public void ALogGroupArnEndingInColonStar_CanBeTheGroupOrItsStreams()
    {
        // AWS writes log group ARNs as ...:log-group:NAME:*, which also covers the group's streams.
        Assert.Equal(["logs:log-group", "logs:log-stream"], Match("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:*"));
    }

    [Fact]
    public void AnArnWithWildcardFields_CanBeAnyTypeOfItsService()
    {
        var types = Match("arn:aws:logs:*:*:*");
        Assert.Contains("logs:log-group", types);
        Assert.Contains("logs:log-stream", types);
        Assert.DoesNotContain(types, t => t.StartsWith("s3:", StringComparison.Ordinal));
    }

    [Fact]
    public void AWildcardServiceField_ConsidersMatchingServices()
    {
        var types = Match("arn:aws:s3*:::my-bucket");
        Assert.Contains("s3:bucket", types);
        Assert.DoesNotContain(types, t => t.StartsWith("iam:", StringComparison.Ordinal));
    }

    [Fact]
    public void ARegionlessArn_DoesNotMatchARegionalType()
    {
        // ${Region} stands for one or more characters: an SQS queue ARN needs its region.
        Assert.Equal(["sqs:queue"], Match("arn:aws:sqs:us-east-1:123456789012:my-queue"));
        Assert.Empty(Match("arn:aws:sqs::123456789012:my-queue"));
    }

    [Fact]
    public void LambdaQualifiedArns_AreAliasesOrVersions()
    {
        Assert.Equal(["lambda:function"], Match("arn:aws:lambda:us-east-1:123456789012:function:my-function"));
        var qualified = Match("arn:aws:lambda:us-east-1:123456789012:function:my-function:*");
        Assert.Contains("lambda:function alias", qualified);
        Assert.Contains("lambda:function version", qualified);
        // As in IAM, function:NAME:* does not cover the unqualified function ARN.
        Assert.DoesNotContain("lambda:function", qualified);
    }

    [Fact]
    public void DynamoDbIndexes_AreMoreSpecificThanTables()
    {
        Assert.Equal(["dynamodb:table"], Match("arn:aws:dynamodb:us-east-1:123456789012:table/Orders"));
        Assert.Equal(["dynamodb:index"], Match("arn:aws:dynamodb:us-east-1:123456789012:table/Orders/index/ByCustomer"));
    }

    [Fact]
    public void PolicyVariables_StandForAnyText()
    {
        Assert.Contains("iam:user", Match("arn:aws:iam::123456789012:user/${aws:username}"));
        Assert.Equal(["s3:object"], Match("arn:aws:s3:::home-bucket/${aws:userid}/*"));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("not-an-arn")]
    [InlineData("arn:aws:s3")]
    [InlineData("arn:aws:nosuchservice:us-east-1:123456789012:thing/x")]
    [InlineData("arn:aws:s3:::")]
    public void NonArnsAndUnknownArns_MatchNothing(string arn) => Assert.Empty(Match(arn));

    [Fact]
    public void Results_AreInOrderOfServiceThenName()
    {
        var types = Match("arn:aws:iam::*:*");
        Assert.True(types.Count > 5);
        Assert.Equal(types.OrderBy(t => t.Split(':')[0], StringComparer.Ordinal).ThenBy(t => t.Split(':')[1], StringComparer.Ordinal), types);
    }
}
