using PolicyAsCode.Rules;
using static PolicyAsCode.Tests.Rules.RuleKit;

namespace PolicyAsCode.Tests.Rules;

// IAM User Guide, "IAM JSON policy elements: Sid" (reference_policies_elements_sid): "The Sid element supports ASCII
// uppercase letters (A-Z), lowercase letters (a-z), and numbers (0-9)".
public class SidRuleTests
{
    private static string WithSid(string sid, string principal = "")
        => Policy($$"""{"Sid": "{{sid}}", "Effect": "Allow", {{principal}}"Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket"}""");

    [Fact]
    public void SidWithAHyphen_ReportsPAC015SuggestingItWithoutIt()
    {
        var findings = Validate(WithSid("read-bucket"), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC015", FindingSeverity.Error, "$.Statement[0].Sid",
            ["The Sid 'read-bucket' has the character '-'", "IAM accepts only letters A-Z, a-z and digits 0-9 in a Sid"], "readbucket");
    }

    [Theory]
    [InlineData("Read Bucket", ' ', "ReadBucket")]
    [InlineData("Read_1", '_', "Read1")]
    [InlineData("Léa", 'é', "La")]
    public void SidWithOtherCharacters_ReportsPAC015NamingTheFirst(string sid, char first, string suggestion)
    {
        var findings = Validate(WithSid(sid), PolicyKind.Identity);
        RuleAssert.Reports(findings, "PAC015", FindingSeverity.Error, "$.Statement[0].Sid", [$"has the character '{first}'"], suggestion);
    }

    [Fact]
    public void SidOfOnlyPunctuation_ReportsPAC015WithoutASuggestion()
        => RuleAssert.Reports(Validate(WithSid("--"), PolicyKind.Identity), "PAC015", FindingSeverity.Error, "$.Statement[0].Sid", ["'--'"]);

    [Theory]
    [InlineData(PolicyKind.PermissionsBoundary)]
    [InlineData(PolicyKind.SessionPolicy)]
    [InlineData(PolicyKind.ServiceControlPolicy)]
    public void IdentityBasedKindsWithABadSid_ReportPAC015(PolicyKind kind)
        => Assert.Single(Validate(WithSid("a.b"), kind), f => f.Id == "PAC015");

    [Fact]
    public void TrustPolicyWithABadSid_ReportsPAC015()
    {
        string policy = Policy("""{"Sid": "trust-ci", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}""");
        RuleAssert.Reports(Validate(policy, PolicyKind.Trust), "PAC015", FindingSeverity.Error, "$.Statement[0].Sid", ["'trust-ci'"], "trustci");
    }

    [Fact]
    public void ResourcePolicyWithAHyphenatedSid_DoesNotReportPAC015()
        => RuleAssert.Clean(Validate(WithSid("read-bucket", "\"Principal\": {\"AWS\": \"111122223333\"}, "), PolicyKind.Resource));

    [Fact]
    public void AlphanumericSid_DoesNotReportPAC015()
        => RuleAssert.Clean(Validate(WithSid("ReadBucket2"), PolicyKind.Identity));
}
