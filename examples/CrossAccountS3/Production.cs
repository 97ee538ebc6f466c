using PolicyAsCode;
using PolicyAsCode.Aws;

namespace CrossAccountS3;

/// <summary>The production account (111122223333): a bucket policy to read, and a role the development account may assume.</summary>
public static partial class Production
{
    public const string Account = "111122223333";
    public const string DevelopmentAccount = "444455556666";

    /// <summary>A customer managed policy: list the bucket and read its objects.</summary>
    /// <remarks>The properties below are proved by the analyzer at every build (docs/analysis.md, "In the editor and the build").</remarks>
    [ManagedPolicy("read_my_bucket")]
    [NeverAllows("s3:DeleteBucket", "s3:PutObject")]
    [Allows("s3:GetObject", "arn:aws:s3:::my-bucket/reports/q3.csv")]
    [Denies("s3:GetObject", "arn:aws:s3:::other-bucket/reports/q3.csv")]
    public static IdentityPolicy ReadMyBucket => Policy.Identity()
        .Allow(S3.ListBucket).On(S3.Arn.Bucket("my-bucket"))
        .Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*"));

    /// <summary>A role in this account that the development account may assume, with read_my_bucket attached.</summary>
    [Role("delegate_read_my_bucket")]
    [NoPublicAccess]
    [NeverAllows("iam:PassRole")]
    public static Role DelegateReadMyBucket => Role.Define()
        .TrustedBy(Principal.Account(DevelopmentAccount))
        .Attach(ReadMyBucket)
        .MaxSession(TimeSpan.FromHours(1));
}
