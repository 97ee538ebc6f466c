using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PolicyAsCode.Aws;
using PolicyAsCode.Tests.Cli;

namespace PolicyAsCode.Tests.Analyzers;

/// <summary>
/// PAC109 is exact (the no-public-access analysis) and lives in the shared rule engine, so the analyzer on a
/// declaration and <c>pac validate</c> on its JSON give the same answer: the request that proves a policy public, and
/// nothing for a Principal "*" policy a Deny limits to the organization (IAM User Guide, "aws:PrincipalOrgID").
/// </summary>
public sealed class PublicResourcePolicyTests : IDisposable
{
    private const string Message = "Anyone can use this statement, including anonymous callers where the service allows them: the resource-based policy allows every principal and no condition limits the caller to your accounts, organization or network; this request is allowed: principal (anonymous), action s3:GetObject, resource arn:aws:s3:::site/. Name the principals, or add a condition such as aws:PrincipalOrgID, aws:SourceAccount, aws:SourceArn, aws:SourceVpce or aws:SourceIp.";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ResourcePolicy Open => Policy.Resource().Allow(S3.GetObject).For(Principal.Everyone).On(S3.Arn.Object("site", "*"));

    private static ResourcePolicy OrganizationOnly => Policy.Resource()
        .Allow(S3.GetObject).For(Principal.Everyone).On(S3.Arn.Object("site", "*"))
        .Deny("s3:*").For(Principal.Everyone).On(S3.Arn.Object("site", "*")).When(Keys.Aws.PrincipalOrgID.IsNot("o-a1b2c3d4e5"));

    [Fact]
    public Task Analyzer_ReportsTheWitnessForAnOpenPolicy_AndNothingForOneLimitedToTheOrganization() => new PolicyAnalyzerTest("""
        public static class Buckets
        {
            [ResourcePolicy("open")]
            public static ResourcePolicy Open => Policy.Resource().Allow(S3.GetObject).{|#0:For(Principal.Everyone)|}.On(S3.Arn.Object("site", "*"));

            [ResourcePolicy("organization_only")]
            public static ResourcePolicy OrganizationOnly => Policy.Resource()
                .Allow(S3.GetObject).For(Principal.Everyone).On(S3.Arn.Object("site", "*"))
                .Deny("s3:*").For(Principal.Everyone).On(S3.Arn.Object("site", "*")).When(Keys.Aws.PrincipalOrgID.IsNot("o-a1b2c3d4e5"));
        }
        """).Expect(new DiagnosticResult("PAC109", DiagnosticSeverity.Warning).WithLocation(0).WithMessage(Message)).RunAsync();

    [Fact]
    public void PacValidate_GivesTheSameAnswerOnTheSamePolicies()
    {
        var open = PacRunner.Run(["validate", "--kind", "resource", _dir.Write("open.json", Open.ToJson())]);
        var limited = PacRunner.Run(["validate", "--kind", "resource", _dir.Write("organization_only.json", OrganizationOnly.ToJson())]);

        Assert.Contains(open.StdoutLines, line => line.Contains("PAC109", StringComparison.Ordinal) && line.Contains(Message, StringComparison.Ordinal));
        Assert.DoesNotContain("PAC109", limited.Stdout, StringComparison.Ordinal);
    }
}
