using PolicyAsCode.Cli;
using PolicyAsCode.Tests.Cli;

namespace PolicyAsCode.Tests.Deploy;

/// <summary>
/// <c>pac validate</c> and <c>pac fmt --check</c> on a build's <c>iam/</c> folder: each file's kind comes from
/// <c>manifest.json</c> (docs/formats/manifest.md), and the manifest is not read as a policy.
/// </summary>
public sealed class BuildOutputFolderTests : IDisposable
{
    // A bucket policy: an error (PAC001, Principal in an identity-based policy) unless it is read as a resource policy.
    private const string BucketPolicy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Principal": {
                "AWS": "arn:aws:iam::444455556666:root"
              },
              "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::my-bucket/*"
            }
          ]
        }

        """;

    private const string ReadPolicy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": "s3:ListBucket",
              "Resource": "arn:aws:s3:::my-bucket"
            }
          ]
        }

        """;

    private const string Trust = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Principal": {
                "AWS": "arn:aws:iam::444455556666:root"
              },
              "Action": "sts:AssumeRole"
            }
          ]
        }

        """;

    private const string Manifest = """
        {
          "policies": [
            {"name": "read", "kind": "managed", "file": "read.json"},
            {"name": "bucket", "kind": "resource", "file": "bucket.json"}
          ],
          "roles": [
            {"name": "reader", "path": "/", "trustPolicyFile": "reader.trust.json", "attachedPolicies": [{"name": "read", "file": "read.json"}], "inlinePolicies": [{"name": "extra", "file": "reader.inline.extra.json"}]}
          ]
        }

        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private void WriteBuildFolder(string manifest = Manifest)
    {
        _dir.Write("read.json", ReadPolicy);
        _dir.Write("bucket.json", BucketPolicy);
        _dir.Write("reader.trust.json", Trust);
        _dir.Write("reader.inline.extra.json", ReadPolicy);
        _dir.Write("manifest.json", manifest);
    }

    [Fact]
    public void Validate_BuildFolder_TakesKindsFromTheManifest_AndSkipsTheManifest()
    {
        WriteBuildFolder();

        var result = PacRunner.Run("validate", _dir.Path);

        Assert.True(result.ExitCode == Pac.Success, result.ToString());
        Assert.Equal(["4 files checked: 0 errors, 0 warnings."], result.StdoutLines);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Validate_FileOfABuildFolder_TakesItsKindFromTheManifest()
    {
        WriteBuildFolder();

        var result = PacRunner.Run("validate", _dir.Combine("bucket.json"));

        Assert.True(result.ExitCode == Pac.Success, result.ToString());
    }

    [Fact]
    public void Validate_SameBucketPolicyWithoutManifest_IsReadAsIdentityPolicy()
    {
        // The control for the tests above: without the manifest the bucket policy is checked as an identity policy.
        _dir.Write("bucket.json", BucketPolicy);

        var result = PacRunner.Run("validate", _dir.Path);

        Assert.Equal(Pac.Findings, result.ExitCode);
        Assert.Contains("error PAC001", result.Stdout);
    }

    [Fact]
    public void Validate_ExplicitKind_OverridesTheManifest()
    {
        WriteBuildFolder();

        var result = PacRunner.Run("validate", "--kind", "identity", _dir.Combine("bucket.json"));

        Assert.Equal(Pac.Findings, result.ExitCode);
        Assert.Contains("error PAC001", result.Stdout);
    }

    [Fact]
    public void Validate_InlinePolicyOfTheManifest_HasTheRoleInlineQuota()
    {
        // A role's inline policy may hold 10,240 characters, a managed policy 6,144 (IAM User Guide, "IAM and AWS STS
        // quotas"): 8,000 characters is over the one and within the other.
        string big = BigPolicy(8_000);
        WriteBuildFolder();
        _dir.Write("reader.inline.extra.json", big);
        _dir.Write("read.json", big);

        var result = PacRunner.Run("validate", _dir.Path);

        Assert.Equal(Pac.Findings, result.ExitCode);
        var quotaErrors = result.StdoutLines.Where(l => l.Contains("error PAC016", StringComparison.Ordinal)).ToList();
        Assert.StartsWith(_dir.Combine("read.json") + ":", Assert.Single(quotaErrors), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ManifestListingAMissingFile_ExitsWithBadInputNamingIt()
    {
        WriteBuildFolder();
        File.Delete(_dir.Combine("bucket.json"));

        var result = PacRunner.Run("validate", _dir.Path);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Equal([$"{_dir.Combine("manifest.json")}: lists bucket.json, which is not in the folder (rebuild the project)"], result.StderrLines);
    }

    [Fact]
    public void Validate_ManifestWithAnUnknownKind_ExitsWithBadInputNamingIt()
    {
        WriteBuildFolder(Manifest.Replace("\"resource\"", "\"tag\"", StringComparison.Ordinal));

        var result = PacRunner.Run("validate", _dir.Path);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Contains($"{_dir.Combine("manifest.json")}: the build's manifest gives bucket.json the kind \"tag\", which pac does not know (known: managed, resource, scp, rcp)", result.Stderr);
    }

    [Fact]
    public void Validate_RcpAndScpKinds_AreCheckedAsOrganizationPolicies()
    {
        // A resource control policy's Principal must be "*" (PAC025), and an SCP names no principal (PAC001): the bucket
        // policy listed as either gets that kind's error; a proper RCP passes.
        WriteBuildFolder(Manifest.Replace("\"resource\"", "\"rcp\"", StringComparison.Ordinal));
        var rcp = PacRunner.Run("validate", _dir.Path);
        Assert.Equal(Pac.Findings, rcp.ExitCode);
        Assert.Contains("PAC025", rcp.Stdout);

        WriteBuildFolder(Manifest.Replace("\"resource\"", "\"scp\"", StringComparison.Ordinal));
        var scp = PacRunner.Run("validate", _dir.Path);
        Assert.Equal(Pac.Findings, scp.ExitCode);
        Assert.Contains("PAC001", scp.Stdout);

        WriteBuildFolder(Manifest.Replace("\"resource\"", "\"rcp\"", StringComparison.Ordinal));
        _dir.Write("bucket.json", PolicyAsCode.Json.PolicyJson.Write(Policy.ResourceControl().Deny("s3:*").OnAll().When(PolicyAsCode.Aws.Keys.Aws.SecureTransport.IsFalse()).Document) + "\n");
        Assert.Equal(Pac.Success, PacRunner.Run("validate", _dir.Path).ExitCode);
    }

    // IAM User Guide, "Permissions boundaries for IAM entities": a boundary grants nothing by itself, so "Allow * on *"
    // there is not the broad grant (PAC101) it is in a policy a role is given; as the analyzer, pac validate checks a
    // managed policy that roles use only as their boundary as a boundary.
    [Fact]
    public void Validate_ManagedPolicyUsedOnlyAsABoundary_IsCheckedAsABoundary()
    {
        const string everything = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
        string boundaryOnly = Manifest
            .Replace("{\"name\": \"read\", \"kind\": \"managed\", \"file\": \"read.json\"},", "{\"name\": \"read\", \"kind\": \"managed\", \"file\": \"read.json\"}, {\"name\": \"boundary\", \"kind\": \"managed\", \"file\": \"boundary.json\"},", StringComparison.Ordinal)
            .Replace("\"inlinePolicies\"", "\"permissionsBoundary\": \"boundary\", \"inlinePolicies\"", StringComparison.Ordinal);
        WriteBuildFolder(boundaryOnly);
        _dir.Write("boundary.json", everything);
        var asBoundary = PacRunner.Run("validate", _dir.Path);
        Assert.True(asBoundary.ExitCode == Pac.Success, asBoundary.ToString());
        Assert.DoesNotContain("PAC101", asBoundary.Stdout, StringComparison.Ordinal);

        // Attached as well: then it is a policy the role is given, and the broad grant is reported.
        WriteBuildFolder(boundaryOnly.Replace("[{\"name\": \"read\", \"file\": \"read.json\"}]", "[{\"name\": \"read\", \"file\": \"read.json\"}, {\"name\": \"boundary\", \"file\": \"boundary.json\"}]", StringComparison.Ordinal));
        _dir.Write("boundary.json", everything);
        Assert.Contains("PAC101", PacRunner.Run("validate", _dir.Path).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MalformedManifest_ReportsItsLineAndColumn()
    {
        WriteBuildFolder("{\n  \"policies\": [,]\n}\n");

        var result = PacRunner.Run("validate", _dir.Path);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.StartsWith($"{_dir.Combine("manifest.json")}:2:", result.StderrLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void FmtCheck_BuildFolderInCanonicalFormat_Passes_WithoutReadingTheManifest()
    {
        // The manifest is not in the policies' canonical format (nor a policy): it must be left out.
        WriteBuildFolder();

        var result = PacRunner.Run("fmt", "--check", _dir.Path);

        Assert.True(result.ExitCode == Pac.Success, result.ToString());
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void FmtCheck_BuildFolderWithAnEditedFile_NamesIt()
    {
        WriteBuildFolder();
        string edited = _dir.Write("read.json", ReadPolicy.Replace("\n", "\r\n", StringComparison.Ordinal));

        var result = PacRunner.Run("fmt", "--check", _dir.Path);

        Assert.Equal(Pac.Findings, result.ExitCode);
        Assert.Equal([$"{edited}: not in canonical format (run 'pac fmt --write {edited}')"], result.StderrLines);
    }

    private static string BigPolicy(int length)
    {
        string resource = "arn:aws:s3:::my-bucket/" + new string('a', length);
        return $$"""
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Action": "s3:GetObject",
                  "Resource": "{{resource}}"
                }
              ]
            }

            """;
    }
}
