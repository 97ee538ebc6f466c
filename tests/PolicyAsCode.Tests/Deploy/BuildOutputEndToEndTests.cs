using PolicyAsCode.Cli;
using PolicyAsCode.Tests.Build;
using PolicyAsCode.Tests.Cli;

namespace PolicyAsCode.Tests.Deploy;

/// <summary>
/// The CI step the README documents, on a real build: <c>dotnet build</c> of a project with a managed policy, a bucket
/// policy and a role with an inline policy, then <c>pac validate</c> and <c>pac fmt --check</c> on its <c>iam/</c> folder.
/// </summary>
[Collection(DotnetCliCollection.Name)]
public sealed class BuildOutputEndToEndTests : IDisposable
{
    internal const string Declarations = """
        using System;
        using PolicyAsCode;
        using PolicyAsCode.Aws;

        namespace Team;

        public static partial class Storage
        {
            public const string Account = "111122223333";
            public const string Partner = "444455556666";

            [ManagedPolicy("read_reports")]
            public static IdentityPolicy ReadReports => Policy.Identity()
                .Allow(S3.ListBucket).On(S3.Arn.Bucket("reports"))
                .Allow(S3.GetObject).On(S3.Arn.Object("reports", "${aws:username}/*"));

            [ResourcePolicy("reports_bucket")]
            public static ResourcePolicy ReportsBucket => Policy.Resource()
                .Allow(S3.GetObject).For(Principal.Account(Partner)).On(S3.Arn.Object("reports", "shared/*"))
                .Named("PartnerReadsShared");

            [Role("report_reader")]
            public static Role ReportReader => Role.Define()
                .TrustedBy(Principal.Account(Partner).WithMfa())
                .Attach(ReadReports)
                .Attach(AwsManaged.ReadOnlyAccess)
                .Inline("tag_reports", Policy.Identity().Allow(S3.PutObjectTagging).On(S3.Arn.Object("reports", "*")))
                .MaxSession(TimeSpan.FromHours(2))
                .Path("/reports/")
                .Description("Reads the reports bucket");
        }
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void BuiltIamFolder_PassesPacValidateAndFmtCheck_AndTheDeploymentFilesAreBesideIt()
    {
        string iam = TeamProject.Build(_temp, "<PolicyAsCodeCloudFormation>true</PolicyAsCodeCloudFormation><PolicyAsCodeTerraform>true</PolicyAsCodeTerraform>");
        string deploy = Path.Combine(Path.GetDirectoryName(iam)!, "deploy");
        Assert.Equal(["iam.template.json", "iam.tf.json"], Directory.GetFiles(deploy).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("\"ReportReaderRole\"", File.ReadAllText(Path.Combine(deploy, "iam.template.json")));
        Assert.Contains("$${aws:username}", File.ReadAllText(Path.Combine(deploy, "iam.tf.json")));
        Assert.Equal(
            ["manifest.json", "read_reports.json", "report_reader.inline.tag_reports.json", "report_reader.trust.json", "reports_bucket.json"],
            Directory.GetFiles(iam, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var validate = PacRunner.Run("validate", iam);
        Assert.True(validate.ExitCode == Pac.Success, validate.ToString());
        Assert.Equal(["4 files checked: 0 errors, 0 warnings."], validate.StdoutLines);

        var fmt = PacRunner.Run("fmt", "--check", iam);
        Assert.True(fmt.ExitCode == Pac.Success, fmt.ToString());

        // The control: read as identity policies (pac before it read the manifest), the bucket policy is an error.
        var asIdentity = PacRunner.Run("validate", "--kind", "identity", Path.Combine(iam, "reports_bucket.json"));
        Assert.Equal(Pac.Findings, asIdentity.ExitCode);
    }
}

/// <summary>A temporary project with <see cref="BuildOutputEndToEndTests.Declarations"/>, built as a repository project is.</summary>
internal static class TeamProject
{
    /// <summary>Writes and builds the project in <paramref name="temp"/>; returns its <c>iam/</c> folder.</summary>
    public static string Build(TempDirectory temp, string properties = "")
    {
        File.Copy(RepoFiles.Get("NuGet.config"), temp.Combine("NuGet.config"));
        File.Copy(RepoFiles.Get("global.json"), temp.Combine("global.json"));
        temp.Write("Team.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{RepoFiles.Get("src", "PolicyAsCode", "PolicyAsCode.csproj")}" />
                <ProjectReference Include="{RepoFiles.Get("src", "PolicyAsCode.Aws", "PolicyAsCode.Aws.csproj")}" />
                <ProjectReference Include="{RepoFiles.Get("generators", "PolicyAsCode.Generators", "PolicyAsCode.Generators.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
              <Import Project="{RepoFiles.Get("generators", "PolicyAsCode.Build", "PolicyAsCode.InRepo.targets")}" />
            </Project>
            """);
        temp.Write("Storage.cs", BuildOutputEndToEndTests.Declarations);
        DotnetCli.Run(temp.Path, ["build", "-c", DotnetCli.Configuration, "--disable-build-servers", "-nologo"]);
        return Path.Combine(temp.Path, "bin", DotnetCli.Configuration, "net10.0", "iam");
    }
}
