using PolicyAsCode;
using PolicyAsCode.Aws;

namespace ForceMfa;

/// <summary>
/// AWS's "allow users to manage their own MFA device, and nothing else without MFA" pattern (IAM User Guide,
/// "IAM: Allows IAM users to self-manage an MFA device"), reduced to its core.
/// </summary>
public static partial class Policies
{
    [ManagedPolicy("force_mfa")]
    public static IdentityPolicy ForceMfa => Policy.Identity()
        .Allow(Iam.GetAccountPasswordPolicy, Iam.ListVirtualMFADevices).OnAll()
            .Named("AllowViewAccountInfo")
        .Allow(Iam.CreateVirtualMFADevice, Iam.DeleteVirtualMFADevice).On(Iam.Arn.Mfa("*", "${aws:username}"))
            .Named("AllowManageOwnVirtualMFADevice")
        .Allow(Iam.EnableMFADevice, Iam.GetUser, Iam.ListMFADevices, Iam.ResyncMFADevice).On(Iam.Arn.User("*", "${aws:username}"))
            .Named("AllowManageOwnUserMFA")
        .Deny().AllExcept(Iam.CreateVirtualMFADevice, Iam.EnableMFADevice, Iam.GetUser, Iam.ListMFADevices, Iam.ListVirtualMFADevices,
                Iam.ResyncMFADevice, Sts.GetSessionToken).OnAll()
            .When(Keys.Aws.MultiFactorAuthPresent.IfExists().IsFalse())
            .Named("DenyAllExceptListedIfNoMFA");
}
