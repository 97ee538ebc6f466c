using PolicyAsCode;
using PolicyAsCode.Aws;

namespace PolicyMistakes;

/// <summary>
/// One declaration per mistake, each named after the rule that catches it (docs/rules/PACnnn.md). `dotnet build` lists
/// them all; in an editor they are squiggles, most with a fix. PAC006, PAC014, PAC017 and PAC019 are missing because the
/// DSL cannot write those mistakes at all.
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

    [ManagedPolicy("pac300_string_action_with_a_typed_member")]
    public static IdentityPolicy Pac300 => Policy.Identity().Allow("s3:GetObject").On(S3.Arn.Object("my-bucket", "*"));
}
