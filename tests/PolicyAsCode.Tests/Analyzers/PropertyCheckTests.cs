using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace PolicyAsCode.Tests.Analyzers;

/// <summary>
/// Properties stated on a declaration ([NeverAllows], [NoPublicAccess], [NoNewAccessThan], [Allows], [Denies]) are
/// proved by the analyzer with the runtime's analysis engine and evaluator: a failure is reported on the attribute with
/// the request that shows it (PAC400), an undecided check as such (PAC401), never passed.
/// </summary>
public class PropertyCheckTests
{
    private static DiagnosticResult At(string id, DiagnosticSeverity severity, int location, string message)
        => new DiagnosticResult(id, severity).WithLocation(location).WithMessage(message);

    [Fact]
    public Task NeverAllows_OnAPolicyThatAllowsIt_FailsWithTheWitness() => new PolicyAnalyzerTest("""
        public static class Team
        {
            [ManagedPolicy("deployer")]
            [{|#0:NeverAllows("iam:PassRole")|}]
            public static IdentityPolicy Deployer => Policy.Identity()
                .Allow(Iam.PassRole).On("arn:aws:iam::111122223333:role/app-*");
        }
        """).Expect(At("PAC400", DiagnosticSeverity.Error, 0, "NeverAllows(\"iam:PassRole\") fails: this request is allowed: action iam:PassRole, resource arn:aws:iam::111122223333:role/app-")).RunAsync();

    [Fact]
    public Task NeverAllows_OnResourcesItDoesNotGrant_Holds() => PolicyAnalyzerTest.VerifyAsync("""
        public static class Team
        {
            [ManagedPolicy("reader")]
            [NeverAllows("s3:DeleteBucket", On = "arn:aws:s3:::prod-*")]
            [NeverAllows("iam:PassRole")]
            public static IdentityPolicy Reader => Policy.Identity()
                .Allow(S3.GetObject, S3.ListBucket).On(S3.Arn.Bucket("prod-reports"), S3.Arn.Object("prod-reports", "*"))
                .Allow(S3.DeleteBucket).On(S3.Arn.Bucket("scratch"));
        }
        """);

    [Fact]
    public Task NoPublicAccess_OnABucketPolicyForEveryone_FailsWithAnOutsideCaller() => new PolicyAnalyzerTest("""
        public static class Team
        {
            [ResourcePolicy("site")]
            [{|#0:NoPublicAccess|}]
            public static ResourcePolicy Site => Policy.Resource().Allow(S3.GetObject).{|PAC109:For(Principal.Everyone)|}.On(S3.Arn.Object("site", "*"));
        }
        """).Expect(At("PAC400", DiagnosticSeverity.Error, 0, "NoPublicAccess fails: a caller outside every account the policy names is allowed: principal (anonymous), action s3:GetObject, resource arn:aws:s3:::site/")).RunAsync();

    [Fact]
    public Task NoPublicAccess_OnAPolicyForOneAccountAndOnATrustForAnAccount_Holds() => PolicyAnalyzerTest.VerifyAsync("""
        public static class Team
        {
            [ResourcePolicy("shared")]
            [NoPublicAccess]
            public static ResourcePolicy Shared => Policy.Resource().Allow(S3.GetObject).For(Principal.Account("444455556666")).On(S3.Arn.Object("shared", "*"));

            [Role("ci")]
            [NoPublicAccess]
            [NeverAllows("iam:*")]
            public static Role Ci => Role.Define().TrustedBy(Principal.Account("444455556666"))
                .Inline("read", Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("shared", "*")));
        }
        """);

    [Fact]
    public Task NoNewAccessThan_AWidenedCopy_FailsWithTheNewRequest() => new PolicyAnalyzerTest("""
        public static class Team
        {
            [ManagedPolicy("read_v1")]
            public static IdentityPolicy ReadV1 => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("reports", "2024/*"));

            [ManagedPolicy("read_v2")]
            [{|#0:NoNewAccessThan(nameof(ReadV1))|}]
            public static IdentityPolicy ReadV2 => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("reports", "*"));

            [ManagedPolicy("read_v3")]
            [NoNewAccessThan(nameof(ReadV1))]
            public static IdentityPolicy ReadV3 => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("reports", "2024/q1/*"));
        }
        """).Expect(At("PAC400", DiagnosticSeverity.Error, 0, "NoNewAccessThan(nameof(ReadV1)) fails: the candidate allows this request and the baseline does not: action s3:GetObject, resource arn:aws:s3:::reports/")).RunAsync();

    [Fact]
    public Task GoldenRequests_AreDecidedByTheEvaluator() => new PolicyAnalyzerTest("""
        public static class Team
        {
            [ResourcePolicy("shared")]
            [Allows("s3:GetObject", "arn:aws:s3:::shared/a.txt", Principal = "arn:aws:iam::444455556666:role/Reader", Context = ["aws:SourceVpce=vpce-1a2b3c4d"])]
            [{|#0:Allows("s3:GetObject", "arn:aws:s3:::shared/a.txt", Principal = "arn:aws:iam::444455556666:role/Reader")|}]
            [Denies("s3:PutObject", "arn:aws:s3:::shared/a.txt", Principal = "arn:aws:iam::444455556666:role/Reader", Context = ["aws:SourceVpce=vpce-1a2b3c4d"])]
            [{|#1:Denies("s3:GetObject", "arn:aws:s3:::shared/a.txt", Principal = "arn:aws:iam::444455556666:root", Context = ["aws:SourceVpce=vpce-1a2b3c4d"])|}]
            public static ResourcePolicy Shared => Policy.Resource().Allow(S3.GetObject).For(Principal.Account("444455556666")).On(S3.Arn.Object("shared", "*"))
                .When(Keys.Aws.SourceVpce.Is("vpce-1a2b3c4d"));
        }
        """).Expect(At("PAC400", DiagnosticSeverity.Error, 0, "Allows(\"s3:GetObject\", \"arn:aws:s3:::shared/a.txt\", Principal = \"arn:aws:iam::444455556666:role/Reader\") fails: the resource policy decides ImplicitDeny for principal arn:aws:iam::444455556666:role/Reader, action s3:GetObject, resource arn:aws:s3:::shared/a.txt"), At("PAC400", DiagnosticSeverity.Error, 1, "Denies(\"s3:GetObject\", \"arn:aws:s3:::shared/a.txt\", Principal = \"arn:aws:iam::444455556666:root\", Context = [\"aws:SourceVpce=vpce-1a2b3c4d\"]) fails: the resource policy decides Allow for principal arn:aws:iam::444455556666:root, action s3:GetObject, resource arn:aws:s3:::shared/a.txt, context aws:SourceVpce=vpce-1a2b3c4d")).RunAsync();

    [Fact]
    public Task ACheckOverItsBudget_IsReportedAsNotProved() => new PolicyAnalyzerTest("""
        public static class Team
        {
            [ManagedPolicy("reader")]
            [{|#0:NeverAllows("s3:DeleteObject")|}]
            public static IdentityPolicy Reader => Policy.Identity()
                .Allow(S3.GetObject, S3.ListBucket).On(S3.Arn.Bucket("r"), S3.Arn.Object("r", "*"))
                .Allow(S3.DeleteObject).On(S3.Arn.Object("r", "tmp/*")).When(Keys.Aws.SourceIp.InRange("203.0.113.0/24", "198.51.100.0/24"));
        }
        """).WithEditorConfig("root = true\n[*]\npolicyascode_property_max_requests = 2\n")
        .Expect(At("PAC401", DiagnosticSeverity.Warning, 0, "NeverAllows(\"s3:DeleteObject\") is not proved: the condition keys need more than 2 contexts; it is not passed (raise the budget with policyascode_property_timeout_ms or policyascode_property_max_requests in .editorconfig, or check it with pac check)")).RunAsync();

    [Fact]
    public Task ACheckOutOfTime_IsReportedAsNotProved_AndAGoldenRequestNeedsNoBudget() => new PolicyAnalyzerTest("""
        public static class Team
        {
            [ResourcePolicy("shared")]
            [{|#0:NoPublicAccess|}]
            [Allows("s3:GetObject", "arn:aws:s3:::r/k", Principal = "444455556666")]
            public static ResourcePolicy Shared => Policy.Resource().Allow(S3.GetObject).For(Principal.Account("444455556666")).On(S3.Arn.Object("r", "*"));
        }
        """).WithEditorConfig("root = true\n[*]\npolicyascode_property_timeout_ms = 0\n")
        .Expect(At("PAC401", DiagnosticSeverity.Warning, 0, "NoPublicAccess is not proved: the check ran out of its time budget (0 ms); it is not passed (raise the budget with policyascode_property_timeout_ms or policyascode_property_max_requests in .editorconfig, or check it with pac check)")).RunAsync();

    [Fact]
    public Task PropertiesWhereTheyMeanNothing_AreReported() => new PolicyAnalyzerTest("""
        public static class Team
        {
            [ManagedPolicy("reader")]
            [{|#0:NoPublicAccess|}]
            [{|#1:NoNewAccessThan("Missing")|}]
            public static IdentityPolicy Reader => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("r", "*"));

            [{|#2:NeverAllows("iam:PassRole")|}]
            public static IdentityPolicy NotDeclared => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("r", "*"));
        }
        """).Expect(At("PAC403", DiagnosticSeverity.Error, 0, "NoPublicAccess has no meaning here: a managed policy names no principals, so no one is public through it; NoPublicAccess applies to resource policies and roles (their trust policy)"), At("PAC403", DiagnosticSeverity.Error, 1, "NoNewAccessThan(\"Missing\") has no meaning here: Team has no declaration named 'Missing'"), At("PAC403", DiagnosticSeverity.Error, 2, "NeverAllows(\"iam:PassRole\") has no meaning here: the member declares no policy; put it beside [ManagedPolicy], [ResourcePolicy], [Role], [ServiceControlPolicy] or [ResourceControlPolicy]")).RunAsync();

    [Fact]
    public Task PropertyOnADeclarationThatCannotBeEvaluated_IsNotChecked() => new PolicyAnalyzerTest("""
        public static class Team
        {
            [ManagedPolicy("machine")]
            [{|#0:NeverAllows("iam:PassRole")|}]
            public static IdentityPolicy Machine => Policy.Identity().Allow({|PAC200:Environment.MachineName|}).OnAll();
        }
        """).Expect(At("PAC402", DiagnosticSeverity.Warning, 0, "NeverAllows(\"iam:PassRole\") was not checked: the declaration cannot be evaluated at compile time (its PAC200 or PAC201 says why)")).RunAsync();

    [Fact]
    public Task OrganizationPolicies_GoldenRequestsAndNeverAllows_MeanWhatTheLevelLetsThrough() => new PolicyAnalyzerTest("""
        public static class Guardrails
        {
            // An SCP allows what it does not block: FullAWSAccess minus the Deny.
            [ServiceControlPolicy("no_leaving")]
            [Allows("s3:GetObject", "arn:aws:s3:::b/k")]
            [Denies("organizations:LeaveOrganization", "*")]
            [NeverAllows("organizations:LeaveOrganization")]
            [{|#0:NeverAllows("iam:CreateUser")|}]
            public static ServiceControlPolicy NoLeaving => Policy.ServiceControl()
                .Allow(IamAction.All).OnAll()
                .Deny(Organizations.LeaveOrganization).OnAll();

            // An RCP only denies: [Denies] is the request its Deny applies to, [Allows] one it lets through.
            [ResourceControlPolicy("tls_only")]
            [Denies("s3:GetObject", "arn:aws:s3:::b/k", Context = ["aws:SecureTransport=false"])]
            [Allows("s3:GetObject", "arn:aws:s3:::b/k", Context = ["aws:SecureTransport=true"])]
            [{|#1:NeverAllows("s3:GetObject")|}]
            public static ResourceControlPolicy TlsOnly => Policy.ResourceControl()
                .Deny("s3:*").OnAll().When(Keys.Aws.SecureTransport.IsFalse());
        }
        """).Expect(
            At("PAC400", DiagnosticSeverity.Error, 0, "NeverAllows(\"iam:CreateUser\") fails: this request is allowed: action iam:CreateUser, resource arn:aws:iam:us-east-1:111122223333:example"),
            At("PAC403", DiagnosticSeverity.Error, 1, "NeverAllows(\"s3:GetObject\") has no meaning here: a resource control policy only denies (RCPFullAWSAccess lets the rest through), so it never allows anything; state [Denies(...)] requests instead"))
        .RunAsync();
}
