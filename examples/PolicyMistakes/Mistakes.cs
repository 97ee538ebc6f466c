using PolicyAsCode;
using PolicyAsCode.Aws;

namespace PolicyMistakes;

/// <summary>
/// One declaration per mistake, each named after the rule that catches it (docs/rules/PACnnn.md). `dotnet build` lists
/// them all; in an editor they are squiggles, most with a fix. PAC006, PAC014, PAC017, PAC019 and PAC025 are missing
/// because the DSL cannot write those mistakes at all.
/// </summary>
public static partial class Mistakes
{
    private const string Account = "444455556666";

    // A constant of 7,000 characters, to go over a managed policy's 6,144-character quota.
    private const string Ten = "0123456789";
    private const string Hundred = Ten + Ten + Ten + Ten + Ten + Ten + Ten + Ten + Ten + Ten;
    private const string Thousand = Hundred + Hundred + Hundred + Hundred + Hundred + Hundred + Hundred + Hundred + Hundred + Hundred;

    /// <summary>A resource policy: its statements name principals.</summary>
    public static ResourcePolicy SharedBucketAccess => Policy.Resource()
        .Allow(S3.GetObject).For(Principal.Account(Account)).On(S3.Arn.Object("shared-bucket", "*"));

    /// <summary>An identity policy: its statements name no principal.</summary>
    public static IdentityPolicy ReadReports => Policy.Identity()
        .Allow(S3.GetObject).On(S3.Arn.Object("reports", "*"));

    [ManagedPolicy("pac001_principal_in_identity_policy")]
    public static IdentityPolicy Pac001 => Policy.Identity()
        .Allow(S3.ListBucket).On(S3.Arn.Bucket("shared-bucket"))
        .Include(SharedBucketAccess);

    [ManagedPolicy("pac002_unknown_service")]
    public static IdentityPolicy Pac002 => Policy.Identity().Allow("s4:GetObject").On(S3.Arn.Object("my-bucket", "*"));

    [ManagedPolicy("pac003_unknown_action")]
    public static IdentityPolicy Pac003 => Policy.Identity().Allow("s3:GetObjet").On(S3.Arn.Object("my-bucket", "*"));

    [ManagedPolicy("pac004_wildcard_matches_nothing")]
    public static IdentityPolicy Pac004 => Policy.Identity().Allow("s3:Gett*").On(S3.Arn.Object("my-bucket", "*"));

    [ResourcePolicy("pac005_missing_principal")]
    public static ResourcePolicy Pac005 => Policy.Resource()
        .Allow(S3.GetObject).For(Principal.Account(Account)).On(S3.Arn.Object("my-bucket", "*"))
        .Include(ReadReports);

    [ManagedPolicy("pac007_malformed_arn")]
    public static IdentityPolicy Pac007 => Policy.Identity().Allow(S3.GetObject).On("arn:aws:s3::my-bucket");

    [ManagedPolicy("pac008_resource_of_another_service")]
    public static IdentityPolicy Pac008 => Policy.Identity().Allow(S3.GetObject).On("arn:aws:sqs:us-east-1:111122223333:my-queue");

    [ManagedPolicy("pac009_resource_of_the_wrong_type")]
    public static IdentityPolicy Pac009 => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Bucket("my-bucket"));

    [ManagedPolicy("pac010_unknown_condition_key")]
    public static IdentityPolicy Pac010 => Policy.Identity()
        .Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*")).When(new StringConditionKey("aws:usrname").IsIgnoringCase("alice"));

    [ManagedPolicy("pac011_condition_key_not_supported")]
    public static IdentityPolicy Pac011 => Policy.Identity()
        .Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*")).When(Dynamodb.Keys.Attributes.Is("a"));

    [ManagedPolicy("pac012_operator_does_not_fit_the_key")]
    public static IdentityPolicy Pac012 => Policy.Identity()
        .Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*")).When(new StringConditionKey("aws:SourceIp").Is("10.0.0.1"));

    [ManagedPolicy("pac013_user_name_compared_case_sensitively")]
    public static IdentityPolicy Pac013 => Policy.Identity()
        .Deny(S3.DeleteObject).On(S3.Arn.Object("audit-logs", "*")).When(Keys.Aws.Username.Is("alice"));

    [ManagedPolicy("pac015_invalid_sid")]
    public static IdentityPolicy Pac015 => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*")).Named("Read objects");

    [ManagedPolicy("pac016_over_the_size_quota")]
    public static IdentityPolicy Pac016 => Policy.Identity()
        .Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", Thousand + Thousand + Thousand + Thousand + Thousand + Thousand + Thousand));

    [ResourcePolicy("pac018_not_principal_with_allow")]
    public static ResourcePolicy Pac018 => Policy.Resource()
        .Allow(S3.GetObject).ForAllExcept(Principal.Account(Account)).On(S3.Arn.Object("my-bucket", "*"));

    [ResourcePolicy("pac020_malformed_principal")]
    public static ResourcePolicy Pac020 => Policy.Resource()
        .Allow(S3.GetObject).For(Principal.Arn("arn:aws:iam::111122223333:group/admins")).On(S3.Arn.Object("my-bucket", "*"));

    [ManagedPolicy("pac021_arn_that_can_never_match")]
    public static IdentityPolicy Pac021 => Policy.Identity().Allow(Sqs.SendMessage).On("arn:aws:sqs:US-EAST-1:111122223333:orders");

    [ManagedPolicy("pac022_unknown_policy_variable")]
    public static IdentityPolicy Pac022 => Policy.Identity().Allow(S3.GetObject).On("arn:aws:s3:::home/${aws:usrname}/*");

    [ManagedPolicy("pac023_wildcard_in_string_equals")]
    public static IdentityPolicy Pac023 => Policy.Identity()
        .Allow(S3.ListBucket).On(S3.Arn.Bucket("home")).When(S3.Keys.Prefix.Is("reports/*"));

    [Role("pac024_unknown_service_principal")]
    public static Role Pac024 => Role.Define().TrustedBy(Principal.Service("lamda.amazonaws.com"));

    [ManagedPolicy("pac101_allow_all_on_all")]
    public static IdentityPolicy Pac101 => Policy.Identity().Allow(IamAction.All).OnAll();

    [ManagedPolicy("pac102_pass_role_on_all")]
    public static IdentityPolicy Pac102 => Policy.Identity().Allow(Iam.PassRole).OnAll();

    [ManagedPolicy("pac103_allow_with_not_action")]
    public static IdentityPolicy Pac103 => Policy.Identity().Allow().AllExcept(Iam.CreateUser).OnAll();

    [Role("pac104_trusted_by_everyone")]
    public static Role Pac104 => Role.Define().TrustedBy(Principal.Everyone);

    [ManagedPolicy("pac105_resource_star_for_a_scoped_action")]
    public static IdentityPolicy Pac105 => Policy.Identity().Allow(Iam.DeleteRole).OnAll();

    [ManagedPolicy("pac106_allow_with_not_resource")]
    public static IdentityPolicy Pac106 => Policy.Identity().Allow(S3.GetObject).OnAllExcept(S3.Arn.Object("secret", "*"));

    [ManagedPolicy("pac107_for_all_values_with_allow")]
    public static IdentityPolicy Pac107 => Policy.Identity()
        .Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*")).When(Keys.Aws.TagKeys.ForAllValues.Is("team"));

    [ResourcePolicy("pac108_wildcard_on_a_sensitive_key")]
    public static ResourcePolicy Pac108 => Policy.Resource()
        .Allow(S3.GetObject).For(Principal.Account("444455556666")).On(S3.Arn.Object("my-bucket", "*")).When(Keys.Aws.SourceAccount.Like("4444*"));

    [ResourcePolicy("pac109_bucket_open_to_everyone")]
    public static ResourcePolicy Pac109 => Policy.Resource().Allow(S3.GetObject).For(Principal.Everyone).On(S3.Arn.Object("public-site", "*"));

    // A property the declaration states and its policy breaks: the analyzer proves it fails and prints the request.
    [ManagedPolicy("pac400_property_fails")]
    [NeverAllows("s3:DeleteBucket")]
    public static IdentityPolicy Pac400 => Policy.Identity().Allow(S3.DeleteBucket).On(S3.Arn.Bucket("scratch"));

    [ManagedPolicy("pac300_string_action_with_a_typed_member")]
    public static IdentityPolicy Pac300 => Policy.Identity().Allow("s3:GetObject").On(S3.Arn.Object("my-bucket", "*"));
}
