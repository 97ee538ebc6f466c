using PolicyAsCode;
using PolicyAsCode.Aws;

namespace Acme;

/// <summary>
/// The organization's guardrails: service control policies (what the accounts' users and roles may do at most), resource
/// control policies (what anyone may do to the accounts' resources at most), and the permissions boundary the workload
/// accounts' delegated administrators must put on every role they create.
/// </summary>
public static partial class Guardrails
{
    public const string OrganizationId = "o-a1b2c3d4e5";
    public const string WorkloadAccount = "222222222222";

    /// <summary>
    /// At the root, beside FullAWSAccess: no account leaves the organization, and CloudTrail stays on (AWS Organizations
    /// User Guide, "Example SCPs").
    /// </summary>
    [ServiceControlPolicy("protect_the_organization")]
    public static ServiceControlPolicy ProtectTheOrganization => Policy.ServiceControl()
        .Deny(Organizations.LeaveOrganization).OnAll().Named("NoLeaving")
        .Deny(Cloudtrail.StopLogging, Cloudtrail.DeleteTrail, Cloudtrail.UpdateTrail).OnAll().Named("KeepCloudTrailOn");

    /// <summary>
    /// On the Workloads OU: deny everything outside the EU Regions, except the global services whose endpoints are in
    /// us-east-1 ("Example SCPs": deny access to AWS based on the requested Region).
    /// </summary>
    [ServiceControlPolicy("deny_outside_eu")]
    public static ServiceControlPolicy DenyOutsideEu => Policy.ServiceControl()
        .Deny().AllExcept("iam:*", "organizations:*", "sts:*", "support:*", "cloudfront:*", "route53:*").OnAll()
            .When(Keys.Aws.RequestedRegion.IsNot("eu-west-1", "eu-central-1"))
            .Named("DenyOutsideEu");

    /// <summary>
    /// On the Workloads OU: delegated administration. Roles may be created, and have their boundary set, only with
    /// workload_boundary as their permissions boundary, and no one removes it (IAM User Guide, "Permissions boundaries
    /// for IAM entities": delegating responsibility to others).
    /// </summary>
    [ServiceControlPolicy("require_workload_boundary")]
    public static ServiceControlPolicy RequireWorkloadBoundary => Policy.ServiceControl()
        .Deny(Iam.CreateRole, Iam.PutRolePermissionsBoundary).OnAll()
            .When(Iam.Keys.PermissionsBoundary.IsNot(Iam.Arn.Policy(WorkloadAccount, "workload_boundary")))
            .Named("CreateRolesWithTheBoundary")
        .Deny(Iam.DeleteRolePermissionsBoundary).OnAll().Named("KeepTheBoundary");

    /// <summary>At the root: every request to the organization's S3, SQS, KMS and Secrets Manager resources uses TLS.</summary>
    [ResourceControlPolicy("enforce_secure_transport")]
    public static ResourceControlPolicy EnforceSecureTransport => Policy.ResourceControl()
        .Deny("s3:*", "sqs:*", "kms:*", "secretsmanager:*").OnAll()
            .When(Keys.Aws.SecureTransport.IsFalse())
            .Named("EnforceSecureTransport");

    /// <summary>
    /// On the Workloads OU: the data perimeter. Only principals of the organization, and AWS services, reach its S3
    /// objects, whatever a bucket policy says ("Resource control policy examples").
    /// </summary>
    [ResourceControlPolicy("organization_only_s3")]
    public static ResourceControlPolicy OrganizationOnlyS3 => Policy.ResourceControl()
        .Deny("s3:*").OnAll()
            .When(Keys.Aws.PrincipalOrgID.IfExists().IsNot(OrganizationId), Keys.Aws.PrincipalIsAWSService.IfExists().IsFalse())
            .Named("OrganizationOnly");

    /// <summary>The boundary of every role a delegated administrator creates: application services only, no IAM.</summary>
    [ManagedPolicy("workload_boundary")]
    public static IdentityPolicy WorkloadBoundary => Policy.Identity()
        .Allow("s3:*", "dynamodb:*", "sqs:*", "lambda:*", "logs:*", "cloudwatch:*").OnAll().Named("ApplicationServices");

    /// <summary>What the delegated administrator of a workload account may do: manage the roles under /workloads/.</summary>
    [ManagedPolicy("delegated_role_admin")]
    public static IdentityPolicy DelegatedRoleAdmin => Policy.Identity()
        .Allow(Iam.CreateRole, Iam.PutRolePermissionsBoundary, Iam.AttachRolePolicy, Iam.DeleteRole)
            .On(Iam.Arn.Role(WorkloadAccount, "workloads/*"))
            .Named("ManageWorkloadRoles")
        .Allow(Iam.PassRole).On(Iam.Arn.Role(WorkloadAccount, "workloads/*")).When(Iam.Keys.PassedToService.Is("lambda.amazonaws.com"))
            .Named("PassWorkloadRolesToLambda");

    /// <summary>The delegated administrator's role, capped by the AWS managed IAMFullAccess: it never does more than IAM.</summary>
    [Role("delegated_admin")]
    public static Role DelegatedAdmin => Role.Define()
        .TrustedBy(Principal.Account(WorkloadAccount).WithMfa())
        .Attach(DelegatedRoleAdmin)
        .PermissionsBoundary(AwsManaged.IAMFullAccess)
        .Description("Creates the workload account's application roles, always with workload_boundary");
}
