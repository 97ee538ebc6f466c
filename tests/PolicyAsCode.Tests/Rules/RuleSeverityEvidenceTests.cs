using PolicyAsCode.Rules;
using static PolicyAsCode.Tests.Rules.RuleKit;

namespace PolicyAsCode.Tests.Rules;

// An error means AWS rejects the policy or it cannot work as written; AWS's own managed policies are evidence of what AWS
// accepts (docs/validation-corpus.md).
public class RuleSeverityEvidenceTests
{
    [Fact]
    public void StringEqualsTrueOnABoolKey_ReportsPAC012AsAWarning()
    {
        // SageMakerStudioProjectProvisioningRolePolicy does this: AWS compares the text "true", so it works.
        var findings = Validate(Policy("""{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:SecureTransport": "true"}}}"""), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC012", FindingSeverity.Warning, "$.Statement[0].Condition.StringEquals", ["It works, since AWS compares the text"], "Bool");
    }

    [Fact]
    public void StringEqualsWithAnotherValueOnABoolKey_ReportsPAC012AsAnError()
    {
        // AIOpsAssistantPolicy compares aws:ViaAWSService with a service name: it never holds.
        var findings = Validate(Policy("""{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:ViaAWSService": "amplify.amazonaws.com"}}}"""), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC012", FindingSeverity.Error, "$.Statement[0].Condition.StringEquals", ["is a Bool key"], "Bool");
    }

    [Fact]
    public void BoolOperatorOnABoolKey_DoesNotReportPAC012()
        => RuleAssert.DoesNotReport(Validate(Policy("""{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}"""), PolicyKind.Identity), "PAC012");

    [Fact]
    public void PolicyVariableInTheAccountField_ReportsPAC007AsAWarning()
    {
        // AmazonTimestreamInfluxDBServiceRolePolicy does this, so AWS accepts it; the IAM User Guide documents variables only after the fifth colon.
        var findings = Validate(Policy("""{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "arn:*:kms:*:${aws:PrincipalAccount}:key/*"}"""), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC007", FindingSeverity.Warning, "$.Statement[0].Resource", ["has a policy variable outside the resource part", "AWS accepts such policies"]);
    }

    [Fact]
    public void EmptyResourcePart_ReportsPAC007AsAnError()
    {
        // AmazonDevOpsGuruOrganizationsAccess has arn:aws:organizations::*: — AWS accepts it, but it matches no resource.
        var findings = Validate(Policy("""{"Effect": "Allow", "Action": "organizations:DescribeAccount", "Resource": "arn:aws:organizations::*:"}"""), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC007", FindingSeverity.Error, "$.Statement[0].Resource", ["has an empty resource part", "matches no resource"]);
    }

    [Theory]
    [InlineData("arn:aws:s3:my-bucket/*", "has the region 'my-bucket/*'")]
    [InlineData("arn:aws:s3:::", "has an empty resource part")]
    public void MalformedS3Arn_ReportsPAC007WithS3sShape(string arn, string problem)
    {
        var findings = Validate(Policy($$"""{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "{{arn}}"}"""), PolicyKind.Identity);
        var finding = RuleAssert.Reports(findings, "PAC007", FindingSeverity.Error, "$.Statement[0].Resource", [problem]);
        if (problem.Contains("region", StringComparison.Ordinal))
        {
            Assert.Contains("AWS rejects it: a resource must be in ARN format or \"*\"", finding.Message, StringComparison.Ordinal);
            Assert.Contains("arn:aws:s3:::bucket/key", finding.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MalformedArnOfAnotherService_ReportsPAC007WithItsShapeFromTheCatalogue()
    {
        var findings = Validate(Policy("""{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:my-queue"}"""), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC007", FindingSeverity.Error, "$.Statement[0].Resource", ["AWS rejects it", "sqs ARNs look like arn:aws:sqs:${Region}:${Account}:"]);
    }

    [Fact]
    public void WellFormedArnWithoutAPolicyVariable_DoesNotReportPAC007()
        => RuleAssert.DoesNotReport(Validate(Policy("""{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "arn:aws:kms:*:111122223333:key/*"}"""), PolicyKind.Identity), "PAC007");
}
