using CrossAccountS3;
using PolicyAsCode;
using PolicyAsCode.Aws;

// The files `dotnet build` wrote beside the program, ready for `aws iam create-policy --policy-document file://...`
// and `aws iam create-role --assume-role-policy-document file://...`.
string iam = Path.Combine(AppContext.BaseDirectory, "iam");
foreach (var file in Directory.GetFiles(iam, "*.json").Order(StringComparer.Ordinal))
{
    Console.WriteLine($"== {Path.GetRelativePath(AppContext.BaseDirectory, file)}");
    Console.Write(File.ReadAllText(file));
}
Console.WriteLine();

var role = Iam.Arn.Role(Production.Account, "delegate_read_my_bucket");
// The development account lets its developer assume the production role.
var assumeDelegate = new PreparedPolicy(Policy.Identity().Allow(Sts.AssumeRole).On(role).Document, "assume_delegate_read_my_bucket");
var trust = new PreparedPolicy(Production.DelegateReadMyBucket.TrustPolicy, "delegate_read_my_bucket.trust");

void Show(string step, Decision decision) => Console.WriteLine($"{decision,-13} {step}");

var developer = Request.For(Principal.User(Production.DevelopmentAccount, "dev")).Action(Sts.AssumeRole).Resource(role);
Show("a developer of 444455556666 assumes delegate_read_my_bucket",
    Authorizer.Authorize(new PolicySet { IdentityPolicies = [assumeDelegate], ResourcePolicy = trust }, developer));
Show("a user of 999988887777 tries to assume it",
    Authorizer.Authorize(new PolicySet { IdentityPolicies = [assumeDelegate], ResourcePolicy = trust },
        Request.For(Principal.User("999988887777", "mallory")).Action(Sts.AssumeRole).Resource(role)));

// The session's requests, decided by the compiled evaluator of read_my_bucket.
var session = Request.For(Principal.AssumedRole(Production.Account, "delegate_read_my_bucket", "dev-session")).InAccount(Production.Account);
Show("the session lists my-bucket", Production.Compiled.ReadMyBucket.Evaluate(session.Action(S3.ListBucket).Resource(S3.Arn.Bucket("my-bucket"))));
Show("the session reads my-bucket/reports/q3.csv", Production.Compiled.ReadMyBucket.Evaluate(session.Action(S3.GetObject).Resource(S3.Arn.Object("my-bucket", "reports/q3.csv"))));
Show("the session writes my-bucket/reports/q3.csv", Production.Compiled.ReadMyBucket.Evaluate(session.Action(S3.PutObject).Resource(S3.Arn.Object("my-bucket", "reports/q3.csv"))));
