using GitHubActionsOidc;
using PolicyAsCode;
using PolicyAsCode.Aws;

Console.WriteLine($"== iam/{Roles.Compiled.DeployFromGitHub.Name}.trust.json");
Console.Write(Roles.Compiled.DeployFromGitHub.TrustPolicyJson);
Console.WriteLine();

const string provider = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";
var role = Iam.Arn.Role(Roles.Account, "deploy_from_github");
void Show(string step, Decision decision) => Console.WriteLine($"{decision,-13} {step}");

Request Token(string subject, string audience = "sts.amazonaws.com") => Request.For(provider)
    .Action(Sts.AssumeRoleWithWebIdentity).Resource(role)
    .With("token.actions.githubusercontent.com:aud", audience)
    .With("token.actions.githubusercontent.com:sub", subject);

Show("a workflow of my-org/my-repo on main assumes the role",
    Roles.Compiled.DeployFromGitHub.EvaluateTrust(Token("repo:my-org/my-repo:ref:refs/heads/main")));
Show("a workflow of my-org/my-repo on a feature branch tries",
    Roles.Compiled.DeployFromGitHub.EvaluateTrust(Token("repo:my-org/my-repo:ref:refs/heads/feature")));
Show("a workflow of another repository tries",
    Roles.Compiled.DeployFromGitHub.EvaluateTrust(Token("repo:someone/else:ref:refs/heads/main")));
Show("a token for another audience tries",
    Roles.Compiled.DeployFromGitHub.EvaluateTrust(Token("repo:my-org/my-repo:ref:refs/heads/main", audience: "example.com")));

// The role's session: the attached deploy_site policy and AWS's ReadOnlyAccess.
var session = Request.For(Principal.AssumedRole(Roles.Account, "deploy_from_github", "GitHubActions")).InAccount(Roles.Account);
var permissions = new PolicySet
{
    IdentityPolicies = [new PreparedPolicy(Roles.DeploySite.Document, "deploy_site"), new PreparedPolicy(AwsManaged.ReadOnlyAccess.Document, "ReadOnlyAccess")],
};
Show("the session uploads my-site/index.html", Authorizer.Authorize(permissions, session.Action(S3.PutObject).Resource(S3.Arn.Object("my-site", "index.html"))));
Show("the session describes EC2 instances (ReadOnlyAccess)", Authorizer.Authorize(permissions, session.Action(Ec2.DescribeInstances)));
Show("the session deletes a DynamoDB table", Authorizer.Authorize(permissions, session.Action(Dynamodb.DeleteTable).Resource(Dynamodb.Arn.Table("us-east-1", Roles.Account, "orders"))));
