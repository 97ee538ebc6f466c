using PolicyAsCode.Rules;
using static PolicyAsCode.Tests.Rules.RuleKit;

namespace PolicyAsCode.Tests.Rules;

// IAM User Guide, "IAM JSON policy elements: Resource" (reference_policies_elements_resource): statements of identity-based
// policies need Resource or NotResource, resources are ARNs, and "if the * wildcard is the last character of a resource ARN
// segment, it can expand to match beyond the colon boundaries"; "IAM identifiers" (reference_identifiers): the ARN format;
// "Roles terms and concepts": a trust policy's resource is the role, so it has no Resource element.
public class ResourceElementRulesTests
{
    private static string WithResource(string resource, string action = "\"s3:GetObject\"", string element = "Resource")
        => Policy($$"""{"Effect": "Allow", "Action": {{action}}, "{{element}}": {{resource}}}""");

    // PAC007

    [Theory]
    [InlineData("arn:aws:s3::my-bucket", "it has 5 of the 6 colon-separated fields and no resource field")]
    [InlineData("arn:aws:s3", "it has 3 of the 6 colon-separated fields and no region field")]
    [InlineData("arn::s3:::my-bucket", "has an empty partition")]
    [InlineData("arn:AWS:s3:::my-bucket", "has the partition 'AWS'; partitions are lowercase")]
    [InlineData("arn:aws::::my-bucket", "has an empty service field")]
    [InlineData("arn:aws:s*:::my-bucket", "has a wildcard in the service field")]
    [InlineData("arn:aws:S3:::my-bucket", "has the service 'S3'; service names are lowercase")]
    [InlineData("arn:aws:dynamodb:us-east-1:1111222233:table/Orders", "has the account id '1111222233'; account ids have 12 digits")]
    [InlineData("arn:aws:s3:::", "has an empty resource part")]
    [InlineData("arn:aws:s3::my-bucket/*", "has the account id 'my-bucket/*'; account ids have 12 digits")]
    [InlineData("arn:aws:dynamodb:us-east-1:team-*:table/Orders", "has the account id 'team-*'")]
    public void MalformedResourceArn_ReportsPAC007(string arn, string problem)
    {
        var findings = Validate(WithResource($"\"{arn}\""), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC007", FindingSeverity.Error, "$.Statement[0].Resource", [$"'{arn}'", problem]);
    }

    [Fact]
    public void ResourceThatIsNotAnArn_ReportsPAC007()
    {
        // The JSON reader rejects such values, so build the policy in code.
        var document = new PolicyDocument(new Statement(Effect.Allow, ActionElement.Of("s3:GetObject")) { Resource = ResourceElement.Of("my-bucket") });
        var findings = PolicyValidator.Validate(document, PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC007", FindingSeverity.Error, "$.Statement[0].Resource", ["'my-bucket' is not an ARN: it must start with 'arn:'"]);
    }

    [Fact]
    public void MalformedArnInAList_ReportsPAC007AtThatValue()
    {
        var findings = Validate(WithResource("""["arn:aws:s3:::my-bucket/*", "arn:aws:s3:::", "*"]""", element: "NotResource"), PolicyKind.Identity);
        var finding = RuleAssert.Reports(findings, "PAC007", FindingSeverity.Error, "$.Statement[0].NotResource[1]", ["'arn:aws:s3:::'"]);
        Assert.Equal(1, finding.Location.ValueIndex);
        Assert.Single(findings, f => f.Id == "PAC007");
    }

    [Theory]
    [InlineData(PolicyKind.Resource)]
    [InlineData(PolicyKind.ServiceControlPolicy)]
    [InlineData(PolicyKind.PermissionsBoundary)]
    [InlineData(PolicyKind.SessionPolicy)]
    public void MalformedArnInAnyPolicyKind_ReportsPAC007(PolicyKind kind)
    {
        string principal = kind == PolicyKind.Resource ? "\"Principal\": {\"AWS\": \"111122223333\"}, " : "";
        string policy = Policy($$"""{"Effect": "Deny", {{principal}}"Action": "s3:GetObject", "Resource": "arn:aws:s3::my-bucket/*"}""");
        RuleAssert.Reports(Validate(policy, kind), "PAC007", FindingSeverity.Error, "$.Statement[0].Resource", ["'arn:aws:s3::my-bucket/*'"]);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("arn:aws:s3:::my-bucket/*")]
    [InlineData("arn:aws-cn:s3:::my-bucket/*")]
    [InlineData("arn:aws:s3:::my-bucket/${aws:username}/*")]
    [InlineData("arn:aws:dynamodb:*:111122223333:table/Orders")]
    [InlineData("arn:aws:dynamodb:us-east-1:*:table/Orders")]
    [InlineData("arn:aws:dynamodb:us-east-1:1111222233??:table/Orders")]
    [InlineData("arn:aws:iam::aws:policy/ReadOnlyAccess")]
    [InlineData("arn:aws:s3:*")]
    [InlineData("arn:aws:logs:us-east-1:*")]
    [InlineData("arn:aws:s3::*")]
    public void WellFormedResource_DoesNotReportPAC007(string arn)
        => RuleAssert.DoesNotReport(Validate(WithResource($"\"{arn}\""), PolicyKind.Identity), "PAC007");

    [Theory]
    [InlineData("arn:AWS:*", "has the partition 'AWS'")]
    [InlineData("arn:aws:S3:*", "has the service 'S3'")]
    [InlineData("arn:aws::*", "has an empty service field")]
    [InlineData("arn:aws:s3*", "has a wildcard in the service field")]
    public void ShortArnEndingInWildcardWithABadSegment_ReportsPAC007(string arn, string problem)
        => RuleAssert.Reports(Validate(WithResource($"\"{arn}\""), PolicyKind.Identity), "PAC007", FindingSeverity.Error,
            "$.Statement[0].Resource", [$"'{arn}'", problem]);

    // PAC017

    [Theory]
    [InlineData(PolicyKind.Identity, "an identity-based policy")]
    [InlineData(PolicyKind.PermissionsBoundary, "a permissions boundary")]
    [InlineData(PolicyKind.SessionPolicy, "a session policy")]
    [InlineData(PolicyKind.ServiceControlPolicy, "a service control policy")]
    public void IdentityBasedStatementWithoutResource_ReportsPAC017SuggestingStar(PolicyKind kind, string what)
    {
        string policy = Policy(
            """{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket"}""",
            """{"Effect": "Allow", "Action": "s3:ListAllMyBuckets"}""");
        var findings = Validate(policy, kind);
        RuleAssert.Reports(findings, "PAC017", FindingSeverity.Error, "$.Statement[1]",
            ["The statement has no Resource", $"every statement of {what} needs Resource or NotResource"], "*");
        Assert.Single(findings, f => f.Id == "PAC017");
    }

    [Fact]
    public void IdentityStatementWithNotResource_DoesNotReportPAC017()
        => RuleAssert.DoesNotReport(Validate(WithResource("\"arn:aws:s3:::payroll/*\"", element: "NotResource"), PolicyKind.Identity), "PAC017");

    [Fact]
    public void ResourcePolicyStatementWithoutResource_DoesNotReportPAC017()
    {
        string policy = Policy("""{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sqs:SendMessage"}""");
        RuleAssert.DoesNotReport(Validate(policy, PolicyKind.Resource), "PAC017");
    }

    [Theory]
    [InlineData("Resource")]
    [InlineData("NotResource")]
    public void TrustPolicyWithResource_ReportsPAC017OnTheElement(string element)
    {
        string policy = Policy($$"""{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "{{element}}": "*"}""");
        var findings = Validate(policy, PolicyKind.Trust);
        RuleAssert.Reports(findings, "PAC017", FindingSeverity.Error, $"$.Statement[0].{element}",
            [$"{element} is not allowed in a role trust policy", "Remove it"]);
    }

    [Fact]
    public void TrustPolicyWithoutResource_DoesNotReportPAC017()
    {
        string policy = Policy("""{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}""");
        RuleAssert.Clean(Validate(policy, PolicyKind.Trust));
    }
}
