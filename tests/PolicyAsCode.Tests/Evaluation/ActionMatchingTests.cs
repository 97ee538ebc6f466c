using static PolicyAsCode.Tests.Evaluation.Kit;

namespace PolicyAsCode.Tests.Evaluation;

/// <summary>IAM User Guide, reference_policies_elements_action and reference_policies_elements_notaction.</summary>
public sealed class ActionMatchingTests
{
    private static Decision Decide(string actionElement, string action)
        => Statement($$"""{"Effect":"Allow",{{actionElement}},"Resource":"*"}""")
            .Decide(new Request(Alice, action, "*"));

    // reference_policies_elements_action: action names are case-insensitive (s3:GetObject = S3:getobject).
    [Theory]
    [InlineData("s3:GetObject", "s3:getobject")]
    [InlineData("s3:GetObject", "S3:GETOBJECT")]
    [InlineData("S3:getObject", "s3:GetObject")]
    [InlineData("iam:Get*", "IAM:getuser")]
    public void ActionNamesMatchIgnoringCase(string pattern, string action)
        => Assert.Equal(Decision.Allow, Decide($"\"Action\":\"{pattern}\"", action));

    // reference_policies_elements_action: "*" stands for any run of characters, including none.
    [Theory]
    [InlineData("s3:Get*", "s3:GetObject", true)]
    [InlineData("s3:Get*", "s3:Get", true)]
    [InlineData("s3:Get*", "s3:GetBucketPolicy", true)]
    [InlineData("s3:Get*", "s3:PutObject", false)]
    [InlineData("s3:Get*", "s3:ListBucket", false)]
    [InlineData("iam:*AccessKey*", "iam:CreateAccessKey", true)]
    [InlineData("iam:*AccessKey*", "iam:ListAccessKeys", true)]
    [InlineData("iam:*AccessKey*", "iam:CreateUser", false)]
    [InlineData("iam:*Report", "iam:GenerateCredentialReport", true)]
    [InlineData("iam:*Report", "iam:GetCredentialReportStatus", false)]
    [InlineData("*", "ec2:RunInstances", true)]
    [InlineData("*", "sts:AssumeRole", true)]
    public void StarMatchesAnyRunOfCharacters(string pattern, string action, bool matches)
        => Assert.Equal(matches ? Decision.Allow : Decision.ImplicitDeny, Decide($"\"Action\":\"{pattern}\"", action));

    // reference_policies_elements_action: "?" stands for exactly one character.
    [Theory]
    [InlineData("s3:Get?bject", "s3:GetObject", true)]
    [InlineData("s3:GetObjec?", "s3:GetObject", true)]
    [InlineData("s3:GetObjec?", "s3:GetObjectAcl", false)]
    [InlineData("s3:GetObject?", "s3:GetObject", false)]
    [InlineData("s3:?etObject", "s3:etObject", false)]
    public void QuestionMarkMatchesExactlyOneCharacter(string pattern, string action, bool matches)
        => Assert.Equal(matches ? Decision.Allow : Decision.ImplicitDeny, Decide($"\"Action\":\"{pattern}\"", action));

    // reference_policies_elements_action: the service prefix is part of the action; s3:* covers only the s3 namespace.
    [Theory]
    [InlineData("s3:*", "s3:GetObject", true)]
    [InlineData("s3:*", "s3express:CreateSession", false)]
    [InlineData("s3:*", "s3-object-lambda:GetObject", false)]
    [InlineData("ec2:*", "s3:GetObject", false)]
    [InlineData("s3:GetObject", "s3-object-lambda:GetObject", false)]
    [InlineData("sqs:SendMessage", "sqs:SendMessageBatch", false)]
    public void ServicePrefixMustMatch(string pattern, string action, bool matches)
        => Assert.Equal(matches ? Decision.Allow : Decision.ImplicitDeny, Decide($"\"Action\":\"{pattern}\"", action));

    // reference_policies_elements_action: a list of actions matches when any of them does.
    [Theory]
    [InlineData("sqs:SendMessage", true)]
    [InlineData("sqs:ReceiveMessage", true)]
    [InlineData("sqs:DeleteMessage", false)]
    public void ActionListMatchesAnyListedAction(string action, bool matches)
        => Assert.Equal(matches ? Decision.Allow : Decision.ImplicitDeny,
            Decide("\"Action\":[\"sqs:SendMessage\",\"sqs:ReceiveMessage\"]", action));

    // reference_policies_elements_notaction: Allow with NotAction allows every action except those listed.
    [Theory]
    [InlineData("s3:GetObject", Decision.Allow)]
    [InlineData("ec2:RunInstances", Decision.Allow)]
    [InlineData("iam:CreateUser", Decision.ImplicitDeny)]
    [InlineData("IAM:createuser", Decision.ImplicitDeny)]
    public void AllowWithNotActionAllowsEverythingElse(string action, Decision expected)
        => Assert.Equal(expected, Decide("\"NotAction\":\"iam:*\"", action));

    // reference_policies_elements_notaction: Deny with NotAction denies every action except those listed
    // (the "deny everything but self-service" pattern); the exempted actions are still only allowed by an Allow.
    [Theory]
    [InlineData("iam:ChangePassword", Decision.Allow)]
    [InlineData("IAM:changepassword", Decision.Allow)]
    [InlineData("sts:GetCallerIdentity", Decision.Allow)]
    [InlineData("s3:GetObject", Decision.ExplicitDeny)]
    [InlineData("iam:CreateUser", Decision.ExplicitDeny)]
    public void DenyWithNotActionDeniesEverythingElse(string action, Decision expected)
    {
        var policy = Policy("""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"*","Resource":"*"},
              {"Effect":"Deny","NotAction":["iam:ChangePassword","sts:GetCallerIdentity"],"Resource":"*"}]}
            """);
        Assert.Equal(expected, policy.Decide(new Request(Alice, action, "*")));
    }

    // reference_policies_elements_notaction: NotAction with Deny does not itself allow the actions it leaves out.
    [Fact]
    public void DenyWithNotActionAloneAllowsNothing()
    {
        var policy = Statement("""{"Effect":"Deny","NotAction":"iam:ChangePassword","Resource":"*"}""");
        Assert.Equal(Decision.ImplicitDeny, policy.Decide(new Request(Alice, "iam:ChangePassword", "*")));
    }

    // reference_policies_evaluation-logic ("The difference between explicit and implicit denies"): the AWS example
    // allows iam:Get* and iam:List* but explicitly denies iam:*Report.
    [Theory]
    [InlineData("iam:GetUser", Decision.Allow)]
    [InlineData("iam:ListRoles", Decision.Allow)]
    [InlineData("iam:CreatePolicy", Decision.ImplicitDeny)]
    [InlineData("iam:GetOrganizationsAccessReport", Decision.ExplicitDeny)]
    [InlineData("iam:GenerateCredentialReport", Decision.ExplicitDeny)]
    public void ExplicitAndImplicitDenyExample(string action, Decision expected)
    {
        var policy = Policy("""
            {"Version":"2012-10-17","Statement":[
              {"Sid":"AllowGetList","Effect":"Allow","Action":["iam:Get*","iam:List*"],"Resource":"*"},
              {"Sid":"DenyReports","Effect":"Deny","Action":"iam:*Report","Resource":"*"}]}
            """);
        Assert.Equal(expected, policy.Decide(new Request(Alice, action, "*")));
    }
}
