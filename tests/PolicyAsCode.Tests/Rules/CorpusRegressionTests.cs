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

    // ---- PAC008 / PAC009: resource types whose ARN template leaves the service open ----
    // backup's recoveryPoint is arn:${Partition}:${Vendor}:${Region}:*:${ResourceType}:${RecoveryPointId}: a recovery
    // point is a resource of the backed-up service (an EBS snapshot is arn:aws:ec2:REGION::snapshot/ID), so the
    // template's service field is a placeholder (Service Authorization Reference, AWS Backup, resource types).

    [Fact]
    public void AWSBackupSearchOperatorAccess_RecoveryPointsOfAnyService_FitBackupActions()
    {
        var findings = Validate("""
            { "Sid": "BackupSearchRecoveryPointPermissions", "Effect": "Allow", "Action": ["backup:SearchRecoveryPoint"],
              "Resource": ["arn:aws:ec2:*::snapshot/*", "arn:aws:backup:*:*:recovery-point:*"] }
            """);
        AssertNone(findings, "PAC008", "PAC009");
    }

    [Fact]
    public void AWSElasticDisasterRecoveryLaunchActionsPolicy_AnArnOfNoTypeOfItsService_IsNotCalledARecoveryPoint()
    {
        // AWS-owned SSM documents have no account in their ARN, which the ssm document template does not allow for; the
        // only template that matched was backup's recoveryPoint, so PAC009 said "is a recoveryPoint". An ARN that
        // matches no type of its own service is not checked.
        var findings = Validate("""
            { "Sid": "LaunchActionsPolicy3", "Effect": "Allow", "Action": ["ssm:SendCommand", "ssm:StartAutomationExecution"],
              "Resource": ["arn:aws:ssm:*::document/AWS-*", "arn:aws:ssm:*::automation-definition/AWS-*:*", "arn:aws:ssm:*:*:automation-execution/*"],
              "Condition": { "ForAnyValue:StringEquals": { "aws:CalledVia": ["drs.amazonaws.com"] } } }
            """);
        AssertNone(findings, "PAC008", "PAC009");
        Assert.DoesNotContain(findings, f => f.Message.Contains("recoveryPoint", StringComparison.Ordinal));
    }

    [Fact]
    public void AWSBackupServiceRolePolicyForRestores_AResourceOfAnotherService_IsStillReported()
    {
        // A real finding the fix keeps: redshift actions never act on redshift-serverless snapshots.
        var findings = Validate("""
            { "Sid": "RedshiftClusterSnapshotPermissions", "Effect": "Allow",
              "Action": ["redshift:RestoreFromClusterSnapshot", "redshift:RestoreTableFromClusterSnapshot"],
              "Resource": ["arn:aws:redshift:*:*:snapshot:*/*", "arn:aws:redshift:*:*:cluster:*", "arn:aws:redshift-serverless:*:*:snapshot/*"] }
            """);
        var finding = Assert.Single(findings, f => f.Id == "PAC008");
        Assert.Equal("$.Statement[0].Resource[2]", finding.Location.JsonPath);
    }

    [Fact]
    public void AnArnTheOpenTemplateCannotMatch_IsReportedWithTheTemplate()
    {
        // A bucket ARN has no region and no colon in its resource part, so it is no recovery point.
        var finding = Assert.Single(Validate("""
            { "Effect": "Allow", "Action": "backup:SearchRecoveryPoint", "Resource": "arn:aws:s3:::my-bucket" }
            """), f => f.Id == "PAC008");
        Assert.Contains("recoveryPoint (arn:${Partition}:${Vendor}:${Region}:*:${ResourceType}:${RecoveryPointId})", finding.Message, StringComparison.Ordinal);
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

    // ---- PAC012: ARN operators on String keys that carry ARNs ----
    // A String key can hold an ARN: a tag value, or an encryption-context entry. The CloudWatch Logs User Guide ("Encrypt
    // log data in CloudWatch Logs using AWS KMS") and the AWS managed policy CloudWatchLogsAPIKeyAccess compare
    // kms:EncryptionContext:aws:logs:arn with ArnLike; AWSDeadlineCloud-UserAccessFarms does the same for the IAM
    // Identity Center instance. IAM reads the request value as an ARN, so the condition works.

    [Fact]
    public void AWSDeadlineCloudUserAccessFarms_ArnLikeOnAnEncryptionContextKey_Fits()
    {
        var findings = Validate("""
            { "Sid": "AllowKmsAccessViaIdentityCenter", "Effect": "Allow", "Action": ["kms:Decrypt"], "Resource": ["*"],
              "Condition": { "ArnLike": { "kms:EncryptionContext:aws:sso:instance-arn": "arn:*:sso:::instance/*" },
                             "StringLike": { "kms:ViaService": "sso.*.amazonaws.com" } } }
            """);
        AssertNone(findings, "PAC012");
    }

    [Fact]
    public void AmazonECSInfrastructureRolePolicyForVolumes_ArnLikeOnATagHoldingAnArn_Fits()
    {
        var findings = Validate("""
            { "Sid": "CreateEBSManagedVolume", "Effect": "Allow", "Action": "ec2:CreateVolume", "Resource": "arn:aws:ec2:*:*:volume/*",
              "Condition": { "ArnLike": { "aws:RequestTag/AmazonECSCreated": "arn:aws:ecs:*:*:task/*" },
                             "StringEquals": { "aws:RequestTag/AmazonECSManaged": "true" } } }
            """);
        AssertNone(findings, "PAC012");
    }

    [Fact]
    public void ArnLikeOnAStringKey_WithAValueThatIsNoArn_IsStillReported()
    {
        // The value is not an ARN, so ArnLike never matches whatever the tag holds.
        var finding = Assert.Single(Validate("""
            { "Effect": "Allow", "Action": "ec2:CreateVolume", "Resource": "arn:aws:ec2:*:*:volume/*",
              "Condition": { "ArnLike": { "aws:RequestTag/team": ["arn:aws:ecs:*:*:task/*", "web-*"] } } }
            """), f => f.Id == "PAC012");
        Assert.Equal("$.Statement[0].Condition.ArnLike", finding.Location.JsonPath);
    }

    [Fact]
    public void AIOpsAssistantPolicy_StringEqualsOnABoolKey_IsStillReported()
    {
        // A real defect the corpus run found: aws:ViaAWSService is true or false, never "amplify.amazonaws.com", so the
        // condition never holds and the statement grants nothing (aws:CalledVia is probably what was meant).
        var finding = Assert.Single(Validate("""
            { "Sid": "AIOPSS3AccessForAmplify", "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["arn:aws:s3:::amplify"],
              "Condition": { "StringEquals": { "aws:ViaAWSService": ["amplify.amazonaws.com"] } } }
            """), f => f.Id == "PAC012");
        Assert.Equal(FindingSeverity.Error, finding.Severity);
    }

    // ---- PAC010 / PAC011: service tag keys written as AWS's reference pages write them ----
    // The Service Authorization Reference lists secretsmanager:ResourceTag/tag-key and ssm:resourceTag/tag-key, where
    // tag-key is a placeholder (as in aws:ResourceTag/tag-key); the catalogue now writes them .../${TagKey}.

    [Fact]
    public void AWSDataSyncFullAccess_ASecretsManagerResourceTagKey_Exists()
    {
        var findings = Validate("""
            { "Sid": "DataSyncSecretsManagerAccess", "Effect": "Allow",
              "Action": ["secretsmanager:DeleteSecret", "secretsmanager:UpdateSecret", "secretsmanager:PutSecretValue"],
              "Resource": ["arn:*:secretsmanager:*:*:secret:aws-datasync!*"],
              "Condition": { "StringEquals": { "secretsmanager:ResourceTag/aws:secretsmanager:owningService": "aws-datasync",
                                               "aws:ResourceAccount": "${aws:PrincipalAccount}" } } }
            """);
        AssertNone(findings, "PAC010", "PAC011");
    }

    [Fact]
    public void AmazonSageMakerSpacesControllerPolicy_AnSsmResourceTagKey_IsSupportedByManagedInstances()
    {
        var findings = Validate("""
            { "Sid": "AllowOperatorToSSMDeregisterWorkspaceInstances", "Effect": "Allow", "Action": ["ssm:DeregisterManagedInstance"],
              "Resource": "arn:aws:ssm:*:*:managed-instance/*",
              "Condition": { "StringEquals": { "ssm:resourceTag/sagemaker.amazonaws.com/managed-by": "amazon-sagemaker-spaces",
                                               "ssm:resourceTag/sagemaker.amazonaws.com/eks-cluster-arn": "${aws:PrincipalTag/eks-cluster-arn}" } } }
            """);
        AssertNone(findings, "PAC010", "PAC011");
    }

    [Theory]
    [InlineData("secretsmanager:ResourceTag/Project", "secretsmanager:ResourceTag/${TagKey}")]
    [InlineData("ssm:resourceTag/Project", "ssm:resourceTag/${TagKey}")]
    public void ServiceTagKeys_AreOneKeyWithAPlaceholder(string key, string name)
    {
        Assert.True(ServiceCatalogue.Default.TryGetConditionKey(key, out var info));
        Assert.Equal(name, info.Name);
        Assert.True(ServiceCatalogue.Default.TryGetService(key.Substring(0, key.IndexOf(':')), out var service));
        Assert.DoesNotContain(service.ConditionKeys, k => k.Name.EndsWith("/tag-key", StringComparison.Ordinal));
    }

    // ---- PAC002 / PAC003: names AWS managed policies use that the catalogue does not list ----
    // About 140 action names in AWS's own policies (ReadOnlyAccess among them) are retired or undocumented. AWS writing a
    // name is evidence that it is no typo, so these are warnings with their own message; other unknown names stay errors.

    [Fact]
    public void UndocumentedActionNames_AreExactlyTheNamesOfTheEmbeddedPoliciesThatTheCatalogueLacks()
    {
        var catalogue = ServiceCatalogue.Default;
        var services = new SortedSet<string>(StringComparer.Ordinal);
        var actions = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var policy in AwsManagedPolicies.All)
        {
            foreach (var action in policy.Document.Statements.SelectMany(s => s.Action.Values))
            {
                int colon = action.IndexOf(':');
                if (colon <= 0) continue;
                string prefix = action.Substring(0, colon);
                if (prefix.IndexOfAny(['*', '?']) >= 0) continue;
                if (!catalogue.TryGetService(prefix, out _)) services.Add(prefix);
                else if (action.IndexOfAny(['*', '?']) < 0 && !catalogue.TryGetAction(action, out _)) actions.Add(action);
            }
        }
        // On a data refresh, copy the lists printed here into src/PolicyAsCode/Core/Rules/UndocumentedActionNames.cs.
        Assert.True(services.SetEquals(UndocumentedActionNames.Services), "Services: " + string.Join(", ", services.Select(n => $"\"{n}\"")));
        Assert.True(actions.SetEquals(UndocumentedActionNames.Actions), "Actions: " + string.Join(", ", actions.Select(n => $"\"{n}\"")));
        Assert.Equal(11, services.Count);
        Assert.Equal(51, actions.Count);
    }

    [Fact]
    public void ReadOnlyAccess_ARetiredServiceAWSStillNames_IsAWarning()
    {
        var finding = Assert.Single(Validate("""
            { "Effect": "Allow", "Action": ["iot1click:DescribeDevice", "iot:DescribeThing"], "Resource": "*" }
            """), f => f.Id == "PAC002");
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal("$.Statement[0].Action[0]", finding.Location.JsonPath);
        Assert.Equal("The service iot1click of the action iot1click:DescribeDevice is not in the Service Authorization Reference but appears in AWS managed policies: it is retired or undocumented, and its actions may grant nothing.", finding.Message);
    }

    [Fact]
    public void AWSIoT1ClickReadOnlyAccess_AWildcardUnderARetiredService_IsAWarning()
    {
        var findings = Validate("""
            { "Effect": "Allow", "Action": ["iot1click:Describe*", "iot1click:Get*", "iot1click:List*"], "Resource": "*" }
            """);
        Assert.Equal(3, findings.Count(f => f.Id == "PAC002"));
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Warning, f.Severity));
    }

    [Fact]
    public void RDSCloudHsmAuthorizationRole_ARetiredActionAWSStillNames_IsAWarning()
    {
        var findings = Validate("""
            { "Effect": "Allow", "Action": ["cloudhsm:CreateLunaClient", "cloudhsm:DescribeHapg", "cloudhsm:DescribeClusters"], "Resource": "*" }
            """).Where(f => f.Id == "PAC003").ToList();
        Assert.Equal(["$.Statement[0].Action[0]", "$.Statement[0].Action[1]"], findings.Select(f => f.Location.JsonPath));
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Warning, f.Severity));
        Assert.Equal("The action cloudhsm:DescribeHapg is not in the Service Authorization Reference but appears in AWS managed policies: it is retired or undocumented, and may grant nothing.", findings[1].Message);
    }

    [Theory]
    [InlineData("CLOUDHSM:describehapg")]
    [InlineData("DeepRacer:ListModels")]
    public void ListedNames_AreMatchedIgnoringCase_AsIamDoes(string action)
    {
        var finding = Assert.Single(Validate($$"""{ "Effect": "Allow", "Action": "{{action}}", "Resource": "*" }"""), f => f.Id is "PAC002" or "PAC003");
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
    }

    [Theory]
    [InlineData("cloudhsm:DescribeHapgs", "PAC003")]   // a typo of a listed name is still a typo
    [InlineData("budgets:CreateBudgets", "PAC003")]
    [InlineData("s3:GetObjet", "PAC003")]
    [InlineData("deepracers:ListModels", "PAC002")]
    public void OtherUnknownNames_StayErrors(string action, string rule)
    {
        var finding = Assert.Single(Validate($$"""{ "Effect": "Allow", "Action": "{{action}}", "Resource": "*" }"""), f => f.Id == rule);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.DoesNotContain("AWS managed policies", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AConfiguredSeverity_AppliesToListedNamesToo()
    {
        var document = PolicyJson.Parse("""
            { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": ["cloudhsm:DescribeHapg", "cloudhsm:DescribeHapgs"], "Resource": "*" } ] }
            """);
        var asErrors = PolicyValidator.Validate(document, new ValidationOptions(PolicyKind.Identity)
        {
            Catalogue = ServiceCatalogue.Default,
            Severities = new Dictionary<string, FindingSeverity?> { ["PAC003"] = FindingSeverity.Error },
        });
        Assert.Equal([FindingSeverity.Error, FindingSeverity.Error], asErrors.Where(f => f.Id == "PAC003").Select(f => f.Severity));
        var off = PolicyValidator.Validate(document, new ValidationOptions(PolicyKind.Identity)
        {
            Catalogue = ServiceCatalogue.Default,
            Severities = new Dictionary<string, FindingSeverity?> { ["PAC003"] = null },
        });
        Assert.DoesNotContain(off, f => f.Id == "PAC003");
    }
}
