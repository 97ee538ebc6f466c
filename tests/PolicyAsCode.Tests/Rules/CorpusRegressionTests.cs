using PolicyAsCode.Catalogue;
using PolicyAsCode.Json;
using PolicyAsCode.Rules;

namespace PolicyAsCode.Tests.Rules;

/// <summary>
/// False positives found by running <c>pac validate</c> over the 1,594 AWS managed policies (docs/validation-corpus.md).
/// Each test holds a trimmed copy of the real statement, named after the policy it comes from, and the AWS rule that
/// makes the statement right.
/// </summary>
public class CorpusRegressionTests
{
    private static IReadOnlyList<Finding> Validate(string statementJson)
    {
        var document = PolicyJson.Parse($$"""{ "Version": "2012-10-17", "Statement": [ {{statementJson}} ] }""");
        return PolicyValidator.Validate(document, new ValidationOptions(PolicyKind.Identity) { Catalogue = ServiceCatalogue.Default });
    }

    private static void AssertNone(IReadOnlyList<Finding> findings, params string[] ruleIds)
    {
        var reported = findings.Where(f => ruleIds.Contains(f.Id)).ToList();
        Assert.True(reported.Count == 0, string.Join(Environment.NewLine, reported));
    }

    // ---- Resource types of ARNs without an account ----
    // AWS-owned resources have no account in their ARNs: SSM's AWS-* documents (arn:aws:ssm:REGION::document/NAME),
    // automation definitions and public parameters (Systems Manager User Guide, "Shared SSM documents" and "Public
    // parameters"), though the Service Authorization Reference writes their templates with ${Account}.

    [Theory]
    [InlineData("arn:aws:ssm:*::document/AWS-RunShellScript", "ssm:document")]
    [InlineData("arn:aws:ssm:*::automation-definition/AWS-*:*", "ssm:automation-definition")]
    [InlineData("arn:aws:ssm:*::parameter/aws/service/sagemaker-distribution/*", "ssm:parameter")]
    public void AnAwsOwnedResourceArn_HasTheTypeOfItsService(string arn, string type)
    {
        var types = ServiceCatalogue.Default.MatchResourceTypes(arn).Select(t => $"{t.Service.Prefix}:{t.Name}").ToList();
        Assert.Contains(type, types);
        Assert.DoesNotContain("backup:recoveryPoint", types);
    }

    [Fact]
    public void AnAccountlessArnThatMatchesAsWritten_GainsNoTypes()
    {
        // The empty account is tried only when nothing of the ARN's service matches: an S3 object ARN has no account and
        // is no multi-Region access point (arn:${Partition}:s3::${Account}:accesspoint/${AccessPointAlias}).
        var types = ServiceCatalogue.Default.MatchResourceTypes("arn:aws:s3:::*/*").Select(t => $"{t.Service.Prefix}:{t.Name}").ToList();
        Assert.Equal(["s3:object"], types);
    }
}
