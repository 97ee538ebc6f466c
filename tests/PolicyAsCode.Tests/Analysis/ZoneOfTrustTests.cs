using PolicyAsCode.Analysis;
using PolicyAsCode.Json;

namespace PolicyAsCode.Tests.Analysis;

/// <summary>
/// No public access and the owner's zone of trust: IAM Access Analyzer (and Amazon S3's meaning of "public") treat a
/// condition that requires the owner's organization, account, source ARN or owner, VPC or endpoint, or a fixed set of
/// CIDR blocks, as limiting a Principal "*" statement to the owner; an outside caller cannot present those values.
/// A wildcard value, a /0 block or an IfExists condition does not limit, and the witness says who gets in.
/// </summary>
public sealed class ZoneOfTrustTests
{
    private static Verdict Check(string condition, string effect = "Allow", string extra = "")
        => PolicyAnalysis.NoPublicAccess(PolicyJson.Parse($$$"""
            {"Version":"2012-10-17","Statement":[{{{extra}}}{"Effect":"{{{effect}}}","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*","Condition":{{{{condition}}}}}]}
            """));

    [Theory]
    [InlineData("\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-a1b2c3d4e5\"}")]
    [InlineData("\"ForAnyValue:StringLike\":{\"aws:PrincipalOrgPaths\":\"o-a1b2c3d4e5/r-ab12/*\"}")]
    [InlineData("\"StringEquals\":{\"aws:SourceAccount\":\"111122223333\"}")]
    [InlineData("\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:cloudfront::111122223333:distribution/*\"}")]
    [InlineData("\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1a2b3c4d\"}")]
    [InlineData("\"StringEquals\":{\"aws:SourceVpc\":\"vpc-111bbb22\"}")]
    [InlineData("\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}")]
    public void AConditionWithTheOwnersValues_LimitsAccessToTheZoneOfTrust(string condition)
        => Assert.Equal(VerdictKind.Holds, Check(condition).Kind);

    [Theory]
    [InlineData("\"StringLike\":{\"aws:PrincipalOrgID\":\"o-*\"}", "aws:PrincipalOrgID=o-")]
    [InlineData("\"StringLike\":{\"aws:SourceAccount\":\"1111*\"}", "aws:SourceAccount=1111")]
    [InlineData("\"StringNotEquals\":{\"aws:SourceAccount\":\"111122223333\"}", "principal (anonymous)")]
    [InlineData("\"IpAddress\":{\"aws:SourceIp\":\"0.0.0.0/0\"}", "aws:SourceIp=")]
    public void AConditionOthersCanMeet_IsPublic_WithTheCallerAsWitness(string condition, string inWitness)
    {
        var verdict = Check(condition);
        Assert.Equal(VerdictKind.Fails, verdict.Kind);
        Assert.Contains(inWitness, verdict.DescribeWitness());
        Assert.True(verdict.Witness!.Principal is null || verdict.Witness.PrincipalAccount == "999999999999");
    }

    [Fact]
    public void IfExists_LetsACallerWithoutTheKeyIn()
    {
        var verdict = Check("\"StringEqualsIfExists\":{\"aws:SourceAccount\":\"111122223333\"}");
        Assert.Equal(VerdictKind.Fails, verdict.Kind);
        Assert.DoesNotContain("aws:SourceAccount", verdict.DescribeWitness());
    }

    [Fact]
    public void ADenyForCallersOutsideTheOrganization_MakesAnOpenAllowPrivate()
    {
        // IAM User Guide, "aws:PrincipalOrgID": deny every principal outside the organization, allow the rest.
        var verdict = PolicyAnalysis.NoPublicAccess(PolicyJson.Parse("""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*"},
              {"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::my-bucket/*","Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}]}
            """));
        Assert.Equal(VerdictKind.Holds, verdict.Kind);
    }
}
