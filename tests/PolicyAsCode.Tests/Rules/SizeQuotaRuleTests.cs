using System.Globalization;
using PolicyAsCode.Json;
using PolicyAsCode.Rules;

namespace PolicyAsCode.Tests.Rules;

// IAM User Guide, "IAM and AWS STS quotas" (reference_iam-quotas): managed policies 6,144 characters; inline policies of a
// user 2,048, a group 5,120, a role 10,240; role trust policies 2,048 (adjustable to 4,096); session policies 2,048; "IAM
// does not count white space when calculating the size of a policy". AWS Organizations quotas: SCPs 5,120 characters.
public class SizeQuotaRuleTests
{
    private const string Head = """{"Version":"2012-10-17","Statement":[{"Sid":""";
    private const string Tail = ""","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::my-bucket"}]}""";

    /// <summary>
    /// A policy of exactly <paramref name="size"/> characters without whitespace (padded through its Sid), written with
    /// whitespace between the tokens, which IAM does not count.
    /// </summary>
    private static string PolicyOfSize(int size)
    {
        string sid = new('A', size - Head.Length - Tail.Length - 2);
        string compact = Head + "\"" + sid + "\"" + Tail;
        Assert.Equal(size, compact.Length);
        return compact.Replace(",\"", ",\n    \"", StringComparison.Ordinal).Replace("\":", "\": ", StringComparison.Ordinal)
            .Replace("{", "{\n  ", StringComparison.Ordinal).Replace("}", "\n}", StringComparison.Ordinal);
    }

    private static readonly (PolicyKind Kind, PolicyContainer Container, int Quota, string What)[] s_quotas =
    [
        (PolicyKind.Identity, PolicyContainer.Managed, 6144, "a customer managed policy"),
        (PolicyKind.Identity, PolicyContainer.UserInline, 2048, "the inline policies of a user"),
        (PolicyKind.Identity, PolicyContainer.GroupInline, 5120, "the inline policies of a group"),
        (PolicyKind.Identity, PolicyContainer.RoleInline, 10240, "the inline policies of a role"),
        (PolicyKind.PermissionsBoundary, PolicyContainer.Managed, 6144, "a managed policy (permissions boundary)"),
        (PolicyKind.ServiceControlPolicy, PolicyContainer.Managed, 5120, "a service control policy"),
        (PolicyKind.SessionPolicy, PolicyContainer.Managed, 2048, "a session policy"),
        (PolicyKind.Trust, PolicyContainer.Managed, 2048, "a role trust policy"),
    ];

    public static TheoryData<PolicyKind, PolicyContainer, int, string> Quotas
    {
        get
        {
            var data = new TheoryData<PolicyKind, PolicyContainer, int, string>();
            foreach (var q in s_quotas) data.Add(q.Kind, q.Container, q.Quota, q.What);
            return data;
        }
    }

    public static TheoryData<PolicyKind, PolicyContainer, int> QuotaLimits
    {
        get
        {
            var data = new TheoryData<PolicyKind, PolicyContainer, int>();
            foreach (var q in s_quotas) data.Add(q.Kind, q.Container, q.Quota);
            return data;
        }
    }

    [Fact]
    public void PolicySize_CountsTheCanonicalJsonWithoutWhitespace()
    {
        string json = PolicyOfSize(3000);
        Assert.Contains('\n', json);
        Assert.Equal(3000, PolicySize.Of(PolicyJson.Parse(json)));
    }

    [Theory]
    [MemberData(nameof(Quotas))]
    public void PolicyOneCharacterOverItsQuota_ReportsPAC016(PolicyKind kind, PolicyContainer container, int quota, string what)
    {
        var findings = RuleKit.Validate(PolicyOfSize(quota + 1), new ValidationOptions(kind) { Container = container });
        string size = (quota + 1).ToString("N0", CultureInfo.InvariantCulture), limit = quota.ToString("N0", CultureInfo.InvariantCulture);
        var finding = RuleAssert.Reports(findings, "PAC016", FindingSeverity.Error, "$",
            [$"The policy is {size} characters without whitespace; AWS allows {limit} for {what}.", "split it into several policies"]);
        Assert.Equal(PolicyElementKind.Document, finding.Location.Element);
    }

    [Theory]
    [MemberData(nameof(QuotaLimits))]
    public void PolicyExactlyAtItsQuota_DoesNotReportPAC016(PolicyKind kind, PolicyContainer container, int quota)
    {
        var findings = RuleKit.Validate(PolicyOfSize(quota), new ValidationOptions(kind) { Container = container });
        RuleAssert.DoesNotReport(findings, "PAC016");
    }

    [Fact]
    public void TrustPolicyUnderARaisedQuota_DoesNotReportPAC016()
    {
        var options = new ValidationOptions(PolicyKind.Trust) { TrustPolicyQuota = 4096 };
        RuleAssert.DoesNotReport(RuleKit.Validate(PolicyOfSize(4096), options), "PAC016");
        RuleAssert.Reports(RuleKit.Validate(PolicyOfSize(4097), options), "PAC016", FindingSeverity.Error, "$",
            ["The policy is 4,097 characters without whitespace; AWS allows 4,096 for a role trust policy."]);
    }

    [Theory]
    [InlineData(PolicyContainer.UserInline)]
    [InlineData(PolicyContainer.GroupInline)]
    [InlineData(PolicyContainer.RoleInline)]
    public void InlineContainerOfANonIdentityPolicy_DoesNotChangeItsQuota(PolicyContainer container)
    {
        var options = new ValidationOptions(PolicyKind.SessionPolicy) { Container = container };
        RuleAssert.Reports(RuleKit.Validate(PolicyOfSize(2049), options), "PAC016", FindingSeverity.Error, "$", ["AWS allows 2,048 for a session policy"]);
    }

    [Fact]
    public void LargeResourcePolicy_DoesNotReportPAC016()
    {
        string json = PolicyOfSize(20000).Replace("\"Effect\"", "\"Principal\": {\"AWS\": \"111122223333\"}, \"Effect\"", StringComparison.Ordinal);
        RuleAssert.DoesNotReport(RuleKit.Validate(json, PolicyKind.Resource), "PAC016");
    }
}
