using PolicyAsCode.Catalogue;
using PolicyAsCode.Json;
using PolicyAsCode.Rules;
using static PolicyAsCode.Tests.Rules.RuleKit;

namespace PolicyAsCode.Tests.Rules;

// The engine's contract rather than an AWS rule: severities can be changed or turned off per rule id, the catalogue rules
// run only with a catalogue, and findings come in document order. The rules themselves cite the IAM User Guide in their
// own test classes.
public class ValidationOptionsTests
{
    // A policy that every catalogue rule fires on, plus grammar and security findings (no Version: PAC019).
    private const string CatalogueFindings = """
        {
          "Statement": [
            {"Effect": "Allow", "Action": ["s4:GetObject", "s3:GetObjet", "s3:Gett*"], "Resource": "arn:aws:s3:::my-bucket/*"},
            {"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:dynamodb:us-east-1:111122223333:table/Orders", "arn:aws:s3:::my-bucket"]},
            {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*",
             "Condition": {"StringLike": {"s3:prefix": "reports/*", "aws:RequestRegion": "eu-west-1"}, "DateGreaterThan": {"aws:username": "2025-01-01T00:00:00Z"}}},
            {"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "*"},
            {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:username": "alice"}}}
          ]
        }
        """;

    private static readonly string[] s_catalogueRules = ["PAC002", "PAC003", "PAC004", "PAC008", "PAC009", "PAC010", "PAC011", "PAC012", "PAC105"];

    [Fact]
    public void WithTheCatalogue_EveryCatalogueRuleReports()
    {
        var findings = Validate(CatalogueFindings, PolicyKind.Identity);
        foreach (string id in s_catalogueRules) Assert.Contains(findings, f => f.Id == id);
    }

    [Fact]
    public void WithoutACatalogue_CatalogueRulesAreSkippedAndTheOthersStillReport()
    {
        var findings = Validate(CatalogueFindings, PolicyKind.Identity, catalogue: false);
        Assert.DoesNotContain(findings, f => s_catalogueRules.Contains(f.Id));
        RuleAssert.Ids(findings, "PAC019", "PAC101", "PAC013");
    }

    [Fact]
    public void DefaultOptions_HaveNoCatalogue_SoCatalogueRulesDoNotRun()
    {
        Assert.Null(new ValidationOptions(PolicyKind.Identity).Catalogue);
        var findings = PolicyValidator.Validate(PolicyJson.Parse(CatalogueFindings), PolicyKind.Identity);
        Assert.DoesNotContain(findings, f => s_catalogueRules.Contains(f.Id));
    }

    [Fact]
    public void DefaultOptions_AreAManagedPolicyWithTheDefaultTrustQuota()
    {
        var options = new ValidationOptions(PolicyKind.Trust);
        Assert.Equal(PolicyKind.Trust, options.Kind);
        Assert.Equal(PolicyContainer.Managed, options.Container);
        Assert.Equal(2048, options.TrustPolicyQuota);
        Assert.Null(options.Severities);
    }

    [Fact]
    public void SeverityOverride_ChangesOnlyThatRulesSeverity()
    {
        var options = new ValidationOptions(PolicyKind.Identity)
        {
            Catalogue = ServiceCatalogue.Default,
            Severities = new Dictionary<string, FindingSeverity?> { ["PAC019"] = FindingSeverity.Error, ["PAC003"] = FindingSeverity.Info },
        };
        var findings = Validate(CatalogueFindings, options);
        Assert.Equal(FindingSeverity.Error, Assert.Single(findings, f => f.Id == "PAC019").Severity);
        Assert.Equal(FindingSeverity.Info, Assert.Single(findings, f => f.Id == "PAC003").Severity);
        Assert.Equal(FindingSeverity.Error, Assert.Single(findings, f => f.Id == "PAC002").Severity);
        Assert.Equal(FindingSeverity.Warning, Assert.Single(findings, f => f.Id == "PAC101").Severity);
    }

    [Fact]
    public void RuleMappedToNull_IsTurnedOff()
    {
        var options = new ValidationOptions(PolicyKind.Identity)
        {
            Catalogue = ServiceCatalogue.Default,
            Severities = new Dictionary<string, FindingSeverity?> { ["PAC101"] = null, ["PAC002"] = null },
        };
        var findings = Validate(CatalogueFindings, options);
        RuleAssert.DoesNotReport(findings, "PAC101");
        RuleAssert.DoesNotReport(findings, "PAC002");
        Assert.Contains(findings, f => f.Id == "PAC003");
        Assert.Contains(findings, f => f.Id == "PAC013");
    }

    [Fact]
    public void RuleTurnedOff_DoesNotUncoverTheChecksItStandsInFor()
    {
        // Turning PAC001 off does not bring back the principal checks it stands in for.
        var options = new ValidationOptions(PolicyKind.Identity) { Severities = new Dictionary<string, FindingSeverity?> { ["PAC001"] = null } };
        string policy = Policy("""{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:group/g"}, "Action": "s3:GetObject", "Resource": "*"}""");
        RuleAssert.Clean(Validate(policy, options));
    }

    [Fact]
    public void Findings_ComeInDocumentOrder()
    {
        const string policy = """
            {
              "Version": "2008-10-17",
              "Statement": [
                {"Sid": "a-b", "Effect": "Allow", "Action": ["s3:GetObjet", "s4:GetObject"], "Resource": ["arn:aws:s3:::b/${aws:username}", "arn:aws:s3::x"],
                 "Condition": {"StringLike": {"aws:RequestRegion": "x"}, "StringEquals": {"aws:username": "alice"}, "DateGreaterThan": {"aws:SecureTransport": "2025-01-01T00:00:00Z"}}},
                {"Effect": "Allow", "Principal": "*", "Action": "*"}
              ]
            }
            """;
        var findings = Validate(policy, PolicyKind.Identity);
        Assert.Equal(
            [
                "$.Version PAC019",
                "$.Statement[0].Sid PAC015",
                "$.Statement[0].Action[0] PAC003",
                "$.Statement[0].Action[1] PAC002",
                "$.Statement[0].Resource[0] PAC014",
                "$.Statement[0].Resource[1] PAC007",
                "$.Statement[0].Condition.StringLike.aws:RequestRegion PAC010",
                "$.Statement[0].Condition.StringEquals PAC013",
                "$.Statement[0].Condition.DateGreaterThan PAC012",
                "$.Statement[1] PAC017",
                "$.Statement[1] PAC101",
                "$.Statement[1].Principal PAC001",
            ],
            findings.Select(f => $"{f.Location.JsonPath} {f.Id}"));
    }

    [Fact]
    public void NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => PolicyValidator.Validate(null!, PolicyKind.Identity));
        Assert.Throws<ArgumentNullException>(() => PolicyValidator.Validate(new PolicyDocument(), null!));
    }
}
