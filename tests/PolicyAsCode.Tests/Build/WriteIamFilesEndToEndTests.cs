using PolicyAsCode.Tests.Cli;

namespace PolicyAsCode.Tests.Build;

/// <summary>
/// <c>dotnet build</c> and <c>dotnet clean</c> on a small temporary project that imports the targets through
/// PolicyAsCode.InRepo.targets, as a project of this repository would. Slow (tens of seconds), so one test does it all.
/// </summary>
[Collection(DotnetCliCollection.Name)]
public sealed class WriteIamFilesEndToEndTests : IDisposable
{
    private static readonly string s_configuration = DotnetCli.Configuration;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Build_WritesIamFiles_NoOpBuildKeepsThem_CleanRemovesThem()
    {
        // The repository's NuGet.config and global.json: the same sources and SDK as the repository, offline when
        // every package is already in the local cache.
        File.Copy(RepoFiles.Get("NuGet.config"), _temp.Combine("NuGet.config"));
        File.Copy(RepoFiles.Get("global.json"), _temp.Combine("global.json"));
        _temp.Write("App.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <UseAppHost>false</UseAppHost>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{RepoFiles.Get("src", "PolicyAsCode", "PolicyAsCode.csproj")}" />
              </ItemGroup>
              <Import Project="{RepoFiles.Get("generators", "PolicyAsCode.Build", "PolicyAsCode.InRepo.targets")}" />
            </Project>
            """);
        _temp.Write("Program.cs", """
            [assembly: PolicyAsCode.Compiled.IamFile("x.json", "{}")]
            System.Console.WriteLine("x");
            """);
        string iamFile = Path.Combine(_temp.Path, "bin", s_configuration, "net10.0", "iam", "x.json");

        string build = Dotnet("build");
        Assert.True(File.Exists(iamFile), "dotnet build did not write iam/x.json:\n" + build);
        Assert.Equal("{}", File.ReadAllText(iamFile));
        DateTime written = File.GetLastWriteTimeUtc(iamFile);

        string noOp = Dotnet("build");
        Assert.Contains("Skipping target \"PolicyAsCodeWriteIamFiles\" because all output files are up-to-date", noOp);
        Assert.True(File.Exists(iamFile), "a no-op build deleted iam/x.json:\n" + noOp);
        Assert.Equal(written, File.GetLastWriteTimeUtc(iamFile));

        // Only the temporary project: cleaning its references would delete the repository's own build of them.
        string clean = Dotnet("clean", "-p:BuildProjectReferences=false");
        Assert.False(File.Exists(iamFile), "dotnet clean left iam/x.json:\n" + clean);
        Assert.False(Directory.Exists(Path.GetDirectoryName(iamFile)), "dotnet clean left the empty iam/ folder:\n" + clean);
    }

    /// <summary>
    /// Runs <c>dotnet command</c> in the temporary folder, with <c>-v:d</c> to show why targets are skipped; fails the
    /// test unless it succeeds.
    /// </summary>
    private string Dotnet(string command, params string[] args) =>
        DotnetCli.Run(_temp.Path, [command, "-c", s_configuration, "-v:d", "--disable-build-servers", "-nologo", .. args]);
}
