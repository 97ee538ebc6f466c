using Acme;
using PolicyAsCode;
using PolicyAsCode.Aws;

// The files `dotnet build` wrote beside the program: the SCPs and RCPs for `aws organizations create-policy --type
// SERVICE_CONTROL_POLICY|RESOURCE_CONTROL_POLICY --content file://...`, the boundary, the role and the manifest.
string iam = Path.Combine(AppContext.BaseDirectory, "iam");
foreach (var file in Directory.GetFiles(iam, "*.json").Order(StringComparer.Ordinal))
{
    Console.WriteLine($"== {Path.GetRelativePath(AppContext.BaseDirectory, file)}");
    Console.Write(File.ReadAllText(file));
}
Console.WriteLine();

const string Management = "111111111111";
const string Workload = Guardrails.WorkloadAccount;
const string Sandbox = "333333333333";
const string Partner = "444455556666";

// The organization: FullAWSAccess and RCPFullAWSAccess are attached at every level, as AWS does; the guardrails beside them.
var organization = PolicyAsCode.Organization.Root(Management)
    .Attach(Guardrails.ProtectTheOrganization, Guardrails.Compiled.ProtectTheOrganization.Name)
    .Attach(Guardrails.EnforceSecureTransport, Guardrails.Compiled.EnforceSecureTransport.Name)
    .Unit("Workloads", workloads => workloads
        .Attach(Guardrails.DenyOutsideEu, Guardrails.Compiled.DenyOutsideEu.Name)
        .Attach(Guardrails.RequireWorkloadBoundary, Guardrails.Compiled.RequireWorkloadBoundary.Name)
        .Attach(Guardrails.OrganizationOnlyS3, Guardrails.Compiled.OrganizationOnlyS3.Name)
        .Account(Workload, "orders-prod"))
    .Unit("Sandbox", sandbox => sandbox.Account(Sandbox, "sandbox"));

Console.WriteLine($"The path of orders-prod: {string.Join(" > ", organization.PathOf(Workload))}");
foreach (var level in organization.PathOf(Workload))
{
    Console.WriteLine($"  {level.Name,-12} SCPs: {string.Join(", ", level.ServiceControlPolicies.Select(p => p.Name)),-70} RCPs: {string.Join(", ", level.ResourceControlPolicies.Select(p => p.Name))}");
}
Console.WriteLine();

var administrator = new PreparedPolicy(Policy.Identity().Allow(IamAction.All).OnAll().Document, "AdministratorAccess");
void Show(string step, Decision decision) => Console.WriteLine($"{decision,-13} {step}");
Decision Admin(string account, Request request) => Authorizer.Authorize(organization.Apply(new PolicySet { IdentityPolicies = [administrator] }, account), request);
Request In(string account, IamAction action, string resource, string region, bool tls = true)
    => Request.For($"arn:aws:iam::{account}:role/admin").Action(action).Resource(resource).InAccount(account)
        .With(Keys.Aws.RequestedRegion, region).With(Keys.Aws.SecureTransport, tls ? "true" : "false")
        // AWS adds aws:PrincipalOrgID to the requests of principals whose account is in an organization.
        .With(Keys.Aws.PrincipalOrgID, Guardrails.OrganizationId);

// SCPs: a Deny anywhere on the path wins; the management account is not affected.
Show("an administrator of orders-prod runs an instance in eu-west-1", Admin(Workload, In(Workload, Ec2.RunInstances, "*", "eu-west-1")));
Show("... and in us-east-1 (deny_outside_eu on Workloads)", Admin(Workload, In(Workload, Ec2.RunInstances, "*", "us-east-1")));
Show("an administrator of the sandbox runs one in us-east-1 (not under Workloads)", Admin(Sandbox, In(Sandbox, Ec2.RunInstances, "*", "us-east-1")));
Show("an administrator of orders-prod leaves the organization", Admin(Workload, In(Workload, Organizations.LeaveOrganization, "*", "us-east-1")));
Show("the management account stops CloudTrail (SCPs do not affect it)", Admin(Management, In(Management, Cloudtrail.StopLogging, "*", "eu-west-1")));
// The same decision from the SCP's compiled evaluator alone.
Show("deny_outside_eu's compiled evaluator on the us-east-1 request", Guardrails.Compiled.DenyOutsideEu.Evaluate(In(Workload, Ec2.RunInstances, "*", "us-east-1")));

// RCPs: they restrict what anyone does to the resources of the accounts below them.
var orders = S3.Arn.Object("orders-prod-data", "2026/12/04.json").Value;
Show("an administrator of orders-prod reads an object over TLS", Admin(Workload, In(Workload, S3.GetObject, orders, "eu-west-1")));
Show("... over plain HTTP (enforce_secure_transport at the root)", Admin(Workload, In(Workload, S3.GetObject, orders, "eu-west-1", tls: false)));
var bucketPolicy = new PreparedPolicy(Policy.Resource().Allow(S3.GetObject).For(Principal.Account(Partner)).On(S3.Arn.Object("orders-prod-data", "*")).Document, "bucket policy");
var partner = Request.For(Principal.Role(Partner, "reader")).Action(S3.GetObject).Resource(orders).InAccount(Workload)
    .With(Keys.Aws.SecureTransport, "true").With(Keys.Aws.PrincipalOrgID, "o-other");
Show("a partner the bucket policy allows reads it (organization_only_s3 on Workloads)",
    Authorizer.Authorize(organization.Apply(new PolicySet { IdentityPolicies = [administrator], ResourcePolicy = bucketPolicy }, Partner, Workload), partner));
Console.WriteLine();

// Delegated administration: the delegated_admin role creates roles only with workload_boundary, and never does more than IAM.
var admin = Guardrails.DelegatedAdmin;
var delegated = organization.Apply(new PolicySet
{
    IdentityPolicies = [.. admin.AttachedPolicies.Select(p => new PreparedPolicy(p.Document, "delegated_role_admin"))],
    PermissionsBoundary = new PreparedPolicy(AwsManaged.IAMFullAccess.Document, AwsManaged.IAMFullAccess.Name),
}, Workload);
var session = Request.For(Principal.AssumedRole(Workload, "delegated_admin", "platform")).InAccount(Workload)
    .With(Keys.Aws.PrincipalOrgID, Guardrails.OrganizationId);
var iamCall = session.With(Keys.Aws.RequestedRegion, "us-east-1");
var newRole = Iam.Arn.Role(Workload, "workloads/orders-api");
var boundary = Iam.Arn.Policy(Workload, "workload_boundary").Value;
Show("delegated_admin creates workloads/orders-api with workload_boundary",
    Authorizer.Authorize(delegated, iamCall.Action(Iam.CreateRole).Resource(newRole).With(Iam.Keys.PermissionsBoundary, boundary)));
Show("... without a boundary (require_workload_boundary)", Authorizer.Authorize(delegated, iamCall.Action(Iam.CreateRole).Resource(newRole)));
Show("... removes the boundary of workloads/orders-api (require_workload_boundary)", Authorizer.Authorize(delegated, iamCall.Action(Iam.DeleteRolePermissionsBoundary).Resource(newRole)));
Show("... reads from S3 in eu-west-1 (neither its policy nor its IAMFullAccess boundary allows it)",
    Authorizer.Authorize(delegated, session.Action(S3.GetObject).Resource(orders).With(Keys.Aws.RequestedRegion, "eu-west-1").With(Keys.Aws.SecureTransport, "true")));
