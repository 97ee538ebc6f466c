using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace PolicyAsCode.Tests.Analyzers;

/// <summary>
/// Each rule the DSL can produce, reported by the analyzer on the syntax that wrote the finding, with a clean twin beside
/// it. The rules the DSL's types make unreachable are listed in <see cref="UnreachableRulesTests"/>.
/// </summary>
public class DeclarationDiagnosticsTests
{
    private static string Managed(string expression) => $$"""
        public static class P
        {
            [ManagedPolicy("policy")]
            public static IdentityPolicy Declared => {{expression}};
        }
        """;

    private static string Resource(string expression) => $$"""
        public static class P
        {
            [ResourcePolicy("bucket")]
            public static ResourcePolicy Declared => {{expression}};
        }
        """;

    private static string RoleDeclaration(string expression) => $$"""
        public static class P
        {
            [Role("role")]
            public static Role Declared => {{expression}};
        }
        """;

    private const string Account = "Principal.Account(\"111122223333\")";

    // PAC001
    [Fact]
    public Task IdentityPolicyIncludingResourcePolicy_ReportsPAC001() => PolicyAnalyzerTest.VerifyAsync($$"""
        public static class P
        {
            [ResourcePolicy("bucket")]
            public static ResourcePolicy Bucket => Policy.Resource().Allow(S3.GetObject).For({{Account}}).On(S3.Arn.Object("my-bucket", "*"));

            [ManagedPolicy("reader")]
            public static IdentityPolicy Reader => Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket("my-bucket")).Include({|PAC001:Bucket|});
        }
        """);

    [Fact]
    public Task IdentityPolicyIncludingIdentityPolicy_ReportsNothing() => PolicyAnalyzerTest.VerifyAsync("""
        public static class P
        {
            [ManagedPolicy("list")]
            public static IdentityPolicy List => Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket("my-bucket"));

            [ManagedPolicy("reader")]
            public static IdentityPolicy Reader => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*")).Include(List);
        }
        """);

    // PAC002, PAC003, PAC004
    [Fact]
    public Task UnknownServiceInLiteral_ReportsPAC002() => PolicyAnalyzerTest.VerifyAsync(Managed("""Policy.Identity().Allow({|PAC002:"s4:GetObject"|}).On(S3.Arn.Object("my-bucket", "*"))"""));

    [Fact]
    public Task MisspelledActionLiteral_ReportsPAC003() => PolicyAnalyzerTest.VerifyAsync(Managed("""Policy.Identity().Allow({|PAC003:"s3:GetObjet"|}).On(S3.Arn.Object("my-bucket", "*"))"""));

    [Fact]
    public Task MisspelledActionInAConstantDeclaredElsewhere_ReportsPAC003OnTheArgument() => PolicyAnalyzerTest.VerifyAsync("""
        public static class Names
        {
            public const string Read = "s3:GetObjet";
        }

        public static class P
        {
            [ManagedPolicy("policy")]
            public static IdentityPolicy Declared => Policy.Identity().Allow(S3.GetObject, {|PAC003:Names.Read|}).On(S3.Arn.Object("my-bucket", "*"));
        }
        """);

    [Fact]
    public Task MisspelledActionInAnInterpolation_ReportsPAC003OnTheInterpolation() => PolicyAnalyzerTest.VerifyAsync("""
        public static class P
        {
            private const string Service = "s3";

            [ManagedPolicy("policy")]
            public static IdentityPolicy Declared => Policy.Identity().Allow({|PAC003:$"{Service}:GetObjet"|}).On(S3.Arn.Object("my-bucket", "*"));
        }
        """);

    [Fact]
    public Task WildcardMatchingNothing_ReportsPAC004() => PolicyAnalyzerTest.VerifyAsync(Managed("""Policy.Identity().Allow({|PAC004:"s3:Gett*"|}).On(S3.Arn.Object("my-bucket", "*"))"""));

    [Fact]
    public Task TypedActionsAndWildcardsThatMatch_ReportNothing() => PolicyAnalyzerTest.VerifyAsync(Managed("""Policy.Identity().Allow(S3.GetObject, "s3:Get*").On(S3.Arn.Object("my-bucket", "*"))"""));

    // PAC005
    [Fact]
    public Task ResourcePolicyIncludingIdentityPolicy_ReportsPAC005() => PolicyAnalyzerTest.VerifyAsync($$"""
        public static class P
        {
            [ManagedPolicy("reader")]
            public static IdentityPolicy Reader => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*"));

            [ResourcePolicy("bucket")]
            public static ResourcePolicy Bucket => Policy.Resource().Allow(S3.GetObject).For({{Account}}).On(S3.Arn.Object("my-bucket", "*")).Include({|PAC005:Reader|});
        }
        """);

    [Fact]
    public Task ResourcePolicyWithPrincipals_ReportsNothing()
        => PolicyAnalyzerTest.VerifyAsync(Resource($"""Policy.Resource().Allow(S3.GetObject).For({Account}).On(S3.Arn.Object("my-bucket", "*"))"""));

    // PAC007
    [Fact]
    public Task MalformedArnLiteral_ReportsPAC007() => PolicyAnalyzerTest.VerifyAsync(Managed("""Policy.Identity().Allow(S3.GetObject).On({|PAC007:"arn:aws:s3::my-bucket"|})"""));

    [Fact]
    public Task WellFormedArnLiteral_ReportsNothing() => PolicyAnalyzerTest.VerifyAsync(Managed("""Policy.Identity().Allow(S3.GetObject).On("arn:aws:s3:::my-bucket/*")"""));

    // PAC008, PAC009
    [Fact]
    public Task ResourceOfAnotherService_ReportsPAC008() => PolicyAnalyzerTest.VerifyAsync(Managed("""Policy.Identity().Allow(S3.GetObject).On({|PAC008:"arn:aws:sqs:us-east-1:111122223333:my-queue"|})"""));

    [Fact]
    public Task ResourceOfTheWrongType_ReportsPAC009() => PolicyAnalyzerTest.VerifyAsync(Managed("""Policy.Identity().Allow(S3.GetObject).On({|PAC009:S3.Arn.Bucket("my-bucket")|})"""));

    [Fact]
    public Task ResourceOfTheRightType_ReportsNothing() => PolicyAnalyzerTest.VerifyAsync(Managed("""Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*"))"""));

    // PAC010, PAC011, PAC012, PAC013
    [Fact]
    public Task UnknownConditionKeyLiteral_ReportsPAC010() => PolicyAnalyzerTest.VerifyAsync(Managed(
        """Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*")).When(new StringConditionKey({|PAC010:"aws:usrname"|}).IsIgnoringCase("alice"))"""));

    [Fact]
    public Task ConditionKeyNoActionSupports_ReportsPAC011() => PolicyAnalyzerTest.VerifyAsync(Managed(
        """Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*")).When({|PAC011:Dynamodb.Keys.Attributes|}.Is("a"))"""));

    [Fact]
    public Task ConditionKeyTheActionSupports_ReportsNothing() => PolicyAnalyzerTest.VerifyAsync(Managed(
        """Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket("my-bucket")).When(S3.Keys.Prefix.Like("home/*"), Keys.Aws.Username.IsIgnoringCase("alice"))"""));

    [Fact]
    public Task StringOperatorOnAnIpAddressKey_ReportsPAC012() => PolicyAnalyzerTest.VerifyAsync(Managed(
        """Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*")).When(new StringConditionKey("aws:SourceIp").{|PAC012:Is("10.0.0.1")|})"""));

    [Fact]
    public Task UserNameComparedCaseSensitively_ReportsPAC013OnTheOperatorCall() => PolicyAnalyzerTest.VerifyAsync(Managed(
        """Policy.Identity().Deny(S3.DeleteObject).On(S3.Arn.Object("audit-logs", "*")).When(Keys.Aws.Username.{|PAC013:Is("alice")|})"""));

    // PAC015
    [Fact]
    public Task SidWithASpace_ReportsPAC015() => PolicyAnalyzerTest.VerifyAsync(Managed(
        """Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*")).Named({|PAC015:"Read objects"|})"""));

    [Fact]
    public Task SidOfLettersAndDigits_ReportsNothing() => PolicyAnalyzerTest.VerifyAsync(Managed(
        """Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*")).Named("ReadObjects1")"""));

    // PAC016
    [Fact]
    public Task ManagedPolicyOverItsQuota_ReportsPAC016OnTheDeclarationsName()
    {
        string resources = string.Join(", ", Enumerable.Range(0, 200).Select(i => $"S3.Arn.Object(\"bucket-number-{i:000}\", \"*\")"));
        return PolicyAnalyzerTest.VerifyAsync($$"""
            public static class P
            {
                [ManagedPolicy("big")]
                public static IdentityPolicy {|PAC016:Big|} => Policy.Identity().Allow(S3.GetObject).On({{resources}});

                [ManagedPolicy("small")]
                public static IdentityPolicy Small => Policy.Identity().Allow(S3.GetObject).On({{string.Join(", ", Enumerable.Range(0, 20).Select(i => $"S3.Arn.Object(\"bucket-number-{i:000}\", \"*\")"))}});
            }
            """);
    }

    // PAC018, PAC020
    [Fact]
    public Task AllowForEveryoneExcept_ReportsPAC018OnTheCall() => PolicyAnalyzerTest.VerifyAsync(Resource(
        $$"""Policy.Resource().Allow(S3.GetObject).{|PAC018:ForAllExcept({{Account}})|}.On(S3.Arn.Object("my-bucket", "*"))"""));

    [Fact]
    public Task DenyForEveryoneExcept_ReportsNothing() => PolicyAnalyzerTest.VerifyAsync(Resource(
        $"""Policy.Resource().Deny(S3.GetObject).ForAllExcept({Account}).On(S3.Arn.Object("my-bucket", "*"))"""));

    [Fact]
    public Task GroupArnAsPrincipal_ReportsPAC020() => PolicyAnalyzerTest.VerifyAsync(Resource(
        """Policy.Resource().Allow(S3.GetObject).For({|PAC020:Principal.Arn("arn:aws:iam::111122223333:group/admins")|}).On(S3.Arn.Object("my-bucket", "*"))"""));

    [Fact]
    public Task RoleArnAsPrincipal_ReportsNothing() => PolicyAnalyzerTest.VerifyAsync(Resource(
        """Policy.Resource().Allow(S3.GetObject).For(Principal.Arn("arn:aws:iam::111122223333:role/admins")).On(S3.Arn.Object("my-bucket", "*"))"""));

    // PAC101, PAC102, PAC103, PAC105, PAC106, PAC107
    [Fact]
    public Task AllowAllOnAll_ReportsPAC101OnTheStatement() => PolicyAnalyzerTest.VerifyAsync(Managed("Policy.Identity().{|PAC101:Allow(IamAction.All)|}.OnAll()"));

    [Fact]
    public Task PassRoleOnAll_ReportsPAC102OnTheAction() => PolicyAnalyzerTest.VerifyAsync(Managed("Policy.Identity().Allow({|PAC102:Iam.PassRole|}).{|PAC105:OnAll()|}"));

    [Fact]
    public Task PassRoleOnNamedRoles_ReportsNothing() => PolicyAnalyzerTest.VerifyAsync(Managed("""Policy.Identity().Allow(Iam.PassRole).On(Iam.Arn.Role("111122223333", "app-role"))"""));

    [Fact]
    public Task AllowAllExcept_ReportsPAC103() => PolicyAnalyzerTest.VerifyAsync(Managed("Policy.Identity().Allow().{|PAC103:AllExcept(Iam.CreateUser)|}.OnAll()"));

    [Fact]
    public Task ResourcePolicyAllowAllExcept_ReportsPAC103OnTheAllExcept() => PolicyAnalyzerTest.VerifyAsync(Resource(
        "Policy.Resource().Id(\"bucket-policy\").Allow().{|PAC103:AllExcept(S3.DeleteObject)|}.For(Principal.Account(\"444455556666\")).On(S3.Arn.Object(\"b\", \"*\"))"));

    [Fact]
    public Task ResourcePolicyDenyAllExcept_IsNotPAC103_ButItsActionsAreChecked() => PolicyAnalyzerTest.VerifyAsync(Resource(
        "Policy.Resource().Deny().AllExcept(S3.GetObject, {|PAC003:\"s3:GetObjet\"|}).For(Principal.Everyone).On(S3.Arn.Object(\"b\", \"*\"))"));

    [Fact]
    public Task DenyAllExcept_ReportsNothing() => PolicyAnalyzerTest.VerifyAsync(Managed("Policy.Identity().Deny().AllExcept(Iam.CreateUser).OnAll()"));

    [Fact]
    public Task ScopedActionOnAll_ReportsPAC105OnOnAll() => PolicyAnalyzerTest.VerifyAsync(Managed("Policy.Identity().Allow(Iam.DeleteRole).{|PAC105:OnAll()|}"));

    [Fact]
    public Task AllowOnAllExcept_ReportsPAC106() => PolicyAnalyzerTest.VerifyAsync(Managed("""Policy.Identity().Allow(S3.GetObject).{|PAC106:OnAllExcept(S3.Arn.Object("secret", "*"))|}"""));

    [Fact]
    public Task ForAllValuesInAllow_ReportsPAC107OnTheOperatorCall() => PolicyAnalyzerTest.VerifyAsync(Managed(
        """Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*")).When(Keys.Aws.TagKeys.ForAllValues.{|PAC107:Is("team")|})"""));

    [Fact]
    public Task ForAllValuesWithNullCheck_ReportsNothing() => PolicyAnalyzerTest.VerifyAsync(Managed(
        """Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*")).When(Keys.Aws.TagKeys.ForAllValues.Is("team"), Keys.Aws.TagKeys.Exists())"""));

    // PAC021-PAC024, PAC108, PAC109: mistakes that slipped through before (issue 11), on the value or call that writes them.
    [Fact]
    public Task UpperCaseRegion_ReportsPAC021OnTheArn() => PolicyAnalyzerTest.VerifyAsync(Managed(
        """Policy.Identity().Allow(Sqs.SendMessage).On({|PAC021:"arn:aws:sqs:US-EAST-1:111122223333:queue"|})"""));

    [Fact]
    public Task LowerCaseRegion_DoesNotReportPAC021() => PolicyAnalyzerTest.VerifyAsync(Managed(
        """Policy.Identity().Allow(Sqs.SendMessage).On("arn:aws:sqs:us-east-1:111122223333:queue")"""));

    [Fact]
    public Task MisspelledPolicyVariable_ReportsPAC022OnTheArn() => PolicyAnalyzerTest.VerifyAsync(Managed(
        """Policy.Identity().Allow(S3.GetObject).On({|PAC022:"arn:aws:s3:::home/${aws:usrname}/*"|})"""));

    [Fact]
    public Task KnownPolicyVariable_DoesNotReportPAC022() => PolicyAnalyzerTest.VerifyAsync(Managed(
        """Policy.Identity().Allow(S3.GetObject).On("arn:aws:s3:::home/${aws:username}/*")"""));

    [Fact]
    public Task WildcardInStringEquals_ReportsPAC023OnTheOperatorCall() => PolicyAnalyzerTest.VerifyAsync(Managed(
        """Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket("b")).When(S3.Keys.Prefix.{|PAC023:Is("home/*")|})"""));

    [Fact]
    public Task WildcardInStringLike_DoesNotReportPAC023() => PolicyAnalyzerTest.VerifyAsync(Managed(
        """Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket("b")).When(S3.Keys.Prefix.Like("home/*"))"""));

    [Fact]
    public Task MisspelledServicePrincipal_ReportsPAC024OnThePrincipal() => PolicyAnalyzerTest.VerifyAsync(RoleDeclaration(
        """Role.Define().TrustedBy({|PAC024:Principal.Service("lamda.amazonaws.com")|})"""));

    [Fact]
    public Task KnownServicePrincipal_DoesNotReportPAC024() => PolicyAnalyzerTest.VerifyAsync(RoleDeclaration(
        """Role.Define().TrustedBy(Principal.Service("lambda.amazonaws.com"))"""));

    [Fact]
    public Task WildcardOnSourceAccount_ReportsPAC108() => PolicyAnalyzerTest.VerifyAsync(Resource(
        $$"""Policy.Resource().Allow(S3.GetObject).For({{Account}}).On(S3.Arn.Object("b", "*")).When(Keys.Aws.SourceAccount.Like({|PAC108:"1111*"|}))"""));

    [Fact]
    public Task ExactSourceAccount_DoesNotReportPAC108() => PolicyAnalyzerTest.VerifyAsync(Resource(
        $$"""Policy.Resource().Allow(S3.GetObject).For({{Account}}).On(S3.Arn.Object("b", "*")).When(Keys.Aws.SourceAccount.Is("111122223333"))"""));

    [Fact]
    public Task BucketOpenToEveryone_ReportsPAC109() => PolicyAnalyzerTest.VerifyAsync(Resource(
        """Policy.Resource().Allow(S3.GetObject).{|PAC109:For(Principal.Everyone)|}.On(S3.Arn.Object("b", "*"))"""));

    [Fact]
    public Task BucketOpenToTheOrganization_DoesNotReportPAC109() => PolicyAnalyzerTest.VerifyAsync(Resource(
        """Policy.Resource().Allow(S3.GetObject).For(Principal.Everyone).On(S3.Arn.Object("b", "*")).When(Keys.Aws.PrincipalOrgID.Is("o-abcd1234"))"""));

    // Roles: PAC104 on the trust policy, inline policies validated as identity-based.
    [Fact]
    public Task RoleTrustedByEveryone_ReportsPAC104OnThePrincipal() => PolicyAnalyzerTest.VerifyAsync(RoleDeclaration("Role.Define().TrustedBy({|PAC104:Principal.Everyone|})"));

    [Fact]
    public Task RoleTrustedByAnAccount_ReportsNothing() => PolicyAnalyzerTest.VerifyAsync(RoleDeclaration($"Role.Define().TrustedBy({Account})"));

    [Fact]
    public Task RoleInlinePolicyWithMisspelledAction_ReportsPAC003() => PolicyAnalyzerTest.VerifyAsync(RoleDeclaration(
        $$"""Role.Define().TrustedBy({{Account}}).Inline("read", Policy.Identity().Allow({|PAC003:"s3:GetObjet"|}).On(S3.Arn.Object("my-bucket", "*")))"""));

    [Fact]
    public Task RoleInlinePolicyThatIsADeclaration_IsReportedOnlyAtTheDeclaration() => PolicyAnalyzerTest.VerifyAsync($$"""
        public static class P
        {
            [ManagedPolicy("reader")]
            public static IdentityPolicy Reader => Policy.Identity().Allow(Iam.DeleteRole).{|PAC105:OnAll()|};

            [Role("role")]
            public static Role Declared => Role.Define().TrustedBy({{Account}}).Inline("read", Reader);
        }
        """);

    [Fact]
    public Task PolicyFromAHelperMember_ReportsOnTheReference() => PolicyAnalyzerTest.VerifyAsync($$"""
        public static class Shared
        {
            public static IdentityPolicy Read => Policy.Identity().Allow(Iam.DeleteRole).OnAll();
        }

        public static class P
        {
            [Role("role")]
            public static Role Declared => Role.Define().TrustedBy({{Account}}).Inline("read", {|PAC105:Shared.Read|});
        }
        """);

    [Fact]
    public Task DeclarationThatCannotBeEvaluated_ReportsPAC200AndNoRuleFindings() => PolicyAnalyzerTest.VerifyAsync("""
        public static class P
        {
            [ManagedPolicy("policy")]
            public static IdentityPolicy Declared => Policy.Identity().Allow({|PAC200:Environment.MachineName|}).OnAll();
        }
        """);
}
