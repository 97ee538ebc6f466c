using System.Diagnostics;
using System.Reflection;
using PolicyAsCode.Tests.Cli;

namespace PolicyAsCode.Tests.Build;

/// <summary>
/// <c>dotnet build</c> and <c>dotnet clean</c> on a small temporary project that imports the targets through
/// PolicyAsCode.InRepo.targets, as a project of this repository would. Slow (tens of seconds), so one test does it all.
/// </summary>
public sealed class WriteIamFilesEndToEndTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

    // The configuration the tests were built in: the repository projects the temporary one references are then up to
    // date and are not rebuilt.
    private static readonly string s_configuration = typeof(WriteIamFilesEndToEndTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

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
            [assembly: PolicyAsCode.Generation.IamFile("x.json", "{}")]
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

        string clean = Dotnet("clean");
        Assert.False(File.Exists(iamFile), "dotnet clean left iam/x.json:\n" + clean);
        Assert.False(Directory.Exists(Path.GetDirectoryName(iamFile)), "dotnet clean left the empty iam/ folder:\n" + clean);
    }

    /// <summary>Runs <c>dotnet command</c> in the temporary folder; fails the test unless it succeeds.</summary>
    private string Dotnet(string command)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = _temp.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -v:d shows why targets are skipped. No build servers or reused nodes: nothing outlives the command, and no
        // process keeps the output pipes open.
        foreach (string arg in new[] { command, "-c", s_configuration, "-v:d", "--disable-build-servers", "-nologo" })
        {
            start.ArgumentList.Add(arg);
        }
        // The test host may run under MSBuild (dotnet test), whose variables would steer the child build.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en"; // the test reads MSBuild's messages
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {command} did not finish within {s_timeout.TotalMinutes} minutes.");
        }
        string output = stdout.Result + stderr.Result;
        Assert.True(process.ExitCode == 0, $"dotnet {command} exited with {process.ExitCode}:\n{Tail(output)}");
        return output;
    }

    /// <summary>The dotnet that runs the tests (DOTNET_HOST_PATH under dotnet test), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string Tail(string text) => text.Length <= 20_000 ? text : "...\n" + text[^20_000..];
}
