namespace PolicyAsCode.Catalogue;

/// <summary>
/// Marks a typed member of <c>PolicyAsCode.Aws.AwsManaged</c> with the ARN of the AWS managed policy it returns, so that the
/// source generator can read the ARN without running code.
/// </summary>
/// <param name="arn">The policy's ARN.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class AwsManagedPolicyArnAttribute(string arn) : Attribute
{
    /// <summary>The policy's ARN.</summary>
    public string Arn { get; } = arn;
}
