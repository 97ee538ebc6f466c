using PolicyAsCode.Rules;
using static PolicyAsCode.Tests.Rules.RuleKit;

namespace PolicyAsCode.Tests.Rules;

// IAM User Guide, "IAM JSON policy elements: Resource" (ARNs are matched case-sensitively) and "Identify AWS resources
// with Amazon Resource Names (ARNs)" ("the ARNs for some resources omit the Region, the account ID, or both"); the
// resource types' ARN formats come from the Service Authorization Reference (the catalogue).
public class ArnNeverMatchesRuleTests
{
    private static IReadOnlyList<Finding> ValidateResource(string resource, string action = "s3:GetObject", bool catalogue = true)
        => Validate(Policy($$"""{"Effect": "Allow", "Action": "{{action}}", "Resource": "{{resource}}"}"""), PolicyKind.Identity, catalogue);

    [Theory]
    [InlineData("arn:aws:s3:us-east-1:111122223333:my-bucket/*", "a region and an account", "arn:aws:s3:::my-bucket/*")]
    [InlineData("arn:aws:s3:us-east-1::my-bucket/*", "a region", "arn:aws:s3:::my-bucket/*")]
    [InlineData("arn:aws:s3::111122223333:my-bucket", "an account", "arn:aws:s3:::my-bucket")]
    public void S3ArnWithARegionOrAccount_ReportsPAC021(string arn, string what, string suggestion)
    {
        var findings = ValidateResource(arn);
        RuleAssert.Reports(findings, "PAC021", FindingSeverity.Error, "$.Statement[0].Resource",
            [$"'{arn}' has {what}, but s3", "so it never matches", $"Use {suggestion}."], suggestion);
        RuleAssert.DoesNotReport(findings, "PAC007");
    }

    [Fact]
    public void IamArnWithARegion_ReportsPAC021KeepingTheAccount()
    {
        var findings = ValidateResource("arn:aws:iam:us-east-1:111122223333:role/Deployer", "iam:PassRole");
        RuleAssert.Reports(findings, "PAC021", FindingSeverity.Error, "$.Statement[0].Resource",
            ["has a region, but iam role ARNs have no region"], "arn:aws:iam::111122223333:role/Deployer");
    }

    [Fact]
    public void Route53ArnWithAnAccount_ReportsPAC021()
        => RuleAssert.Reports(ValidateResource("arn:aws:route53::111122223333:hostedzone/Z123", "route53:ChangeResourceRecordSets"),
            "PAC021", FindingSeverity.Error, "$.Statement[0].Resource", ["has an account, but route53 hostedzone ARNs have no account"],
            "arn:aws:route53:::hostedzone/Z123");

    [Fact]
    public void UpperCaseRegion_ReportsPAC021EvenWithoutTheCatalogue()
        => RuleAssert.Reports(ValidateResource("arn:aws:dynamodb:US-EAST-1:111122223333:table/Orders", "dynamodb:GetItem", catalogue: false),
            "PAC021", FindingSeverity.Error, "$.Statement[0].Resource", ["has the region 'US-EAST-1'; region codes are lowercase", "Use us-east-1."],
            "arn:aws:dynamodb:us-east-1:111122223333:table/Orders");

    [Theory]
    [InlineData("arn:aws:s3:::my-bucket/*", "s3:GetObject")]
    [InlineData("arn:aws:s3:us-west-2:111122223333:accesspoint/reports/object/*", "s3:GetObject")]
    [InlineData("arn:aws:s3:*:*:my-bucket/*", "s3:GetObject")]
    [InlineData("arn:aws:s3:us-west-2:111122223333:*", "s3:GetObject")]
    [InlineData("arn:aws:iam::111122223333:role/Deployer", "iam:PassRole")]
    [InlineData("arn:aws:dynamodb:us-east-1:111122223333:table/Orders", "dynamodb:GetItem")]
    [InlineData("arn:aws:logs:*:*:/aws-glue/*", "logs:PutLogEvents")]
    public void ArnsThatCanMatch_DoNotReportPAC021(string arn, string action)
        => RuleAssert.DoesNotReport(ValidateResource(arn, action), "PAC021");
}
