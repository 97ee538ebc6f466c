using PolicyAsCode.Rules;
using static PolicyAsCode.Tests.Rules.RuleKit;

namespace PolicyAsCode.Tests.Rules;

// Service Authorization Reference (reference_policies_actions-resources-contextkeys): the resource types each action acts
// on, their ARN formats, and which are required; IAM User Guide, "IAM JSON policy elements: Resource"
// (reference_policies_elements_resource) and "Security best practices in IAM" (best-practices): grant least privilege.
public class ResourceCatalogueRulesTests
{
    private static string Allow(string action, string resource)
        => Policy($$"""{"Effect": "Allow", "Action": {{action}}, "Resource": {{resource}}}""");

    // PAC008

    [Fact]
    public void ResourceOfAnotherService_ReportsPAC008()
    {
        var findings = Validate(Allow("""["s3:GetObject", "s3:PutObject"]""", "\"arn:aws:dynamodb:us-east-1:111122223333:table/Orders\""), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC008", FindingSeverity.Warning, "$.Statement[0].Resource",
            ["The resource arn:aws:dynamodb:us-east-1:111122223333:table/Orders is a dynamodb resource, but the statement's actions act on s3 resources; no action of the statement applies to it."]);
        RuleAssert.Ids(findings, "PAC008");
    }

    [Fact]
    public void ResourceOfAnotherServiceInAList_ReportsPAC008AtThatValue()
    {
        var findings = Validate(Allow("\"s3:GetObject\"", """["arn:aws:s3:::my-bucket/*", "arn:aws:sqs:us-east-1:111122223333:jobs"]"""), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC008", FindingSeverity.Warning, "$.Statement[0].Resource[1]", ["is a sqs resource"]);
        RuleAssert.Ids(findings, "PAC008");
    }

    [Fact]
    public void ResourcePolicyWithAResourceOfAnotherService_ReportsPAC008()
    {
        string policy = Policy("""{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sqs:SendMessage", "Resource": "arn:aws:sns:us-east-1:111122223333:alerts"}""");
        RuleAssert.Reports(Validate(policy, PolicyKind.Resource), "PAC008", FindingSeverity.Warning, "$.Statement[0].Resource",
            ["is a sns resource, but the statement's actions act on sqs resources"]);
    }

    [Theory]
    [InlineData("\"arn:aws:s3:::my-bucket/*\"")]
    [InlineData("\"*\"")]
    [InlineData("\"arn:aws:*:*:*:*\"")]
    [InlineData("""["arn:aws:s3:::my-bucket/*", "arn:aws:dynamodb:us-east-1:111122223333:table/Orders"]""")]
    public void ResourcesOfTheActionsServices_DoNotReportPAC008(string resource)
        => RuleAssert.DoesNotReport(Validate(Allow("""["s3:GetObject", "dynamodb:GetItem"]""", resource), PolicyKind.Identity), "PAC008");

    [Fact]
    public void ActionsWithoutResourceTypesOnAnArn_DoNotReportPAC008()
        => RuleAssert.DoesNotReport(Validate(Allow("\"s3:ListAllMyBuckets\"", "\"arn:aws:dynamodb:us-east-1:111122223333:table/Orders\""), PolicyKind.Identity), "PAC008");

    [Fact]
    public void StatementWithNotResourceOrNotAction_DoesNotReportPAC008()
    {
        string policy = Policy(
            """{"Effect": "Deny", "Action": "s3:GetObject", "NotResource": "arn:aws:dynamodb:us-east-1:111122223333:table/Orders"}""",
            """{"Effect": "Deny", "NotAction": "s3:GetObject", "Resource": "arn:aws:dynamodb:us-east-1:111122223333:table/Orders"}""");
        RuleAssert.Clean(Validate(policy, PolicyKind.Identity));
    }

    // PAC009

    [Fact]
    public void BucketArnForAnObjectAction_ReportsPAC009()
    {
        var findings = Validate(Allow("\"s3:GetObject\"", "\"arn:aws:s3:::my-bucket\""), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC009", FindingSeverity.Warning, "$.Statement[0].Resource",
            ["The resource arn:aws:s3:::my-bucket is a bucket, but the statement's actions act on",
             "object (arn:${Partition}:s3:::${BucketName}/${ObjectName})", "they never apply to it."]);
        RuleAssert.Ids(findings, "PAC009");
    }

    [Fact]
    public void ObjectArnForABucketAction_ReportsPAC009()
    {
        var findings = Validate(Allow("\"s3:ListBucket\"", "\"arn:aws:s3:::my-bucket/*\""), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC009", FindingSeverity.Warning, "$.Statement[0].Resource",
            ["The resource arn:aws:s3:::my-bucket/* is an object, but the statement's actions act on",
             "bucket (arn:${Partition}:s3:::${BucketName}); they never apply to it."]);
    }

    [Fact]
    public void UserArnForARoleAction_ReportsPAC009WithTheRightArticle()
    {
        var findings = Validate(Allow("\"iam:GetRole\"", "\"arn:aws:iam::111122223333:user/alice\""), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC009", FindingSeverity.Warning, "$.Statement[0].Resource",
            ["The resource arn:aws:iam::111122223333:user/alice is a user, but the statement's actions act on role (arn:${Partition}:iam::${Account}:role/${RoleNameWithPath})"]);
    }

    [Fact]
    public void ActionThatFitsNoneOfTheResources_ReportsPAC009OnTheAction()
    {
        var findings = Validate(Allow("""["s3:GetObject", "s3:ListBucket"]""", "\"arn:aws:s3:::my-bucket/*\""), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC009", FindingSeverity.Warning, "$.Statement[0].Action[1]",
            ["s3:ListBucket acts on accesspoint or bucket resources, and none of the statement's resources is one; it grants nothing here."]);
        RuleAssert.Ids(findings, "PAC009");
    }

    [Theory]
    [InlineData("\"s3:ListBucket\"", "\"arn:aws:s3:::my-bucket\"")]
    [InlineData("\"s3:GetObject\"", "\"arn:aws:s3:::my-bucket/reports/*\"")]
    [InlineData("""["s3:GetObject", "s3:ListBucket"]""", """["arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/*"]""")]
    [InlineData("""["s3:GetObject", "s3:ListBucket"]""", "\"arn:aws:s3:::*\"")]
    [InlineData("\"s3:Get*\"", "\"arn:aws:s3:::my-bucket/*\"")]
    [InlineData("\"dynamodb:GetItem\"", "\"arn:aws:dynamodb:*:111122223333:table/Orders\"")]
    public void ResourcesOfTheActionsTypes_DoNotReportPAC009(string action, string resource)
        => RuleAssert.Clean(Validate(Allow(action, resource), PolicyKind.Identity));

    // PAC105

    [Fact]
    public void IdentityPolicyGrantingAScopedActionOnStar_ReportsPAC105()
    {
        var findings = Validate(Allow("\"dynamodb:GetItem\"", "\"*\""), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC105", FindingSeverity.Warning, "$.Statement[0].Resource",
            ["Resource \"*\" grants dynamodb:GetItem on every resource, though AWS lets you name them",
             "(e.g. table: arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName})", "Name the resources the statement needs."]);
        RuleAssert.Ids(findings, "PAC105");
    }

    [Fact]
    public void SessionPolicyGrantingScopedActionsOnStarInAList_ReportsPAC105AtTheStar()
    {
        string action = """["sqs:SendMessage", "dynamodb:GetItem", "dynamodb:PutItem", "iam:PassRole", "s3:ListAllMyBuckets"]""";
        var findings = Validate(Allow(action, """["arn:aws:sqs:us-east-1:111122223333:jobs", "*"]"""), PolicyKind.SessionPolicy);
        RuleAssert.Reports(findings, "PAC105", FindingSeverity.Warning, "$.Statement[0].Resource[1]",
            ["Resource \"*\" grants sqs:SendMessage, dynamodb:GetItem, dynamodb:PutItem, ... on every resource", "(e.g. queue: "]);
    }

    [Theory]
    [InlineData("\"s3:ListAllMyBuckets\"")]
    [InlineData("\"ec2:DescribeInstances\"")]
    [InlineData("\"dynamodb:Get*\"")]
    [InlineData("\"dynamodb:*\"")]
    public void ActionsWithoutRequiredResourceTypesOrWildcardActionsOnStar_DoNotReportPAC105(string action)
        => RuleAssert.DoesNotReport(Validate(Allow(action, "\"*\""), PolicyKind.Identity), "PAC105");

    [Theory]
    [InlineData(PolicyKind.PermissionsBoundary)]
    [InlineData(PolicyKind.ServiceControlPolicy)]
    public void BoundaryOrScpGrantingAScopedActionOnStar_DoesNotReportPAC105(PolicyKind kind)
        => RuleAssert.DoesNotReport(Validate(Allow("\"dynamodb:GetItem\"", "\"*\""), kind), "PAC105");

    [Fact]
    public void ResourcePolicyGrantingAScopedActionOnStar_DoesNotReportPAC105()
    {
        string policy = Policy("""{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sqs:SendMessage", "Resource": "*"}""");
        RuleAssert.DoesNotReport(Validate(policy, PolicyKind.Resource), "PAC105");
    }

    [Fact]
    public void DenyOfAScopedActionOnStar_DoesNotReportPAC105()
        => RuleAssert.Clean(Validate(Policy("""{"Effect": "Deny", "Action": "dynamodb:DeleteTable", "Resource": "*"}"""), PolicyKind.Identity));

    [Fact]
    public void ScopedActionOnItsArn_DoesNotReportPAC105()
        => RuleAssert.Clean(Validate(Allow("\"dynamodb:GetItem\"", "\"arn:aws:dynamodb:us-east-1:111122223333:table/Orders\""), PolicyKind.Identity));
}
