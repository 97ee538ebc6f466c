using PolicyAsCode.Catalogue;
using PolicyAsCode.Json;
using PolicyAsCode.Rules;
using PolicyAsCode.Tests.Cli;

namespace PolicyAsCode.Tests.Rules;

// IAM User Guide, "IAM tutorial: Delegate access across AWS accounts using IAM roles" (tutorial_cross-account-with-roles):
// the example's permissions policies are identity-based and its role's trust policy names the other account, so every rule
// of the engine must pass them.
public class ExamplePolicyTests
{
    [Theory]
    [InlineData("read_my_bucket.json", PolicyKind.Identity)]
    [InlineData("assume_delegate_read_my_bucket.json", PolicyKind.Identity)]
    [InlineData("delegate_read_my_bucket.trust.json", PolicyKind.Trust)]
    public void CrossAccountExamplePolicy_ValidatesClean(string file, PolicyKind kind)
    {
        byte[] json = File.ReadAllBytes(RepoFiles.Get("examples", "CrossAccountS3", "policies", file));
        var findings = PolicyValidator.Validate(PolicyJson.Parse(json), new ValidationOptions(kind) { Catalogue = ServiceCatalogue.Default });
        RuleAssert.Clean(findings);
    }
}
