using System.Diagnostics;
using System.Reflection;

namespace PolicyAsCode.Tests.Build;

/// <summary>
/// Runs the <c>dotnet</c> CLI as a child process for the end-to-end tests: standard input closed, English messages, no
/// build servers or reused nodes (nothing outlives the command or keeps its output pipes open), none of the test host's
/// MSBuild variables, and a time limit.
/// </summary>
internal static class DotnetCli
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The configuration the tests were built in: the repository projects an end-to-end test builds, packs or references
    /// are then up to date and are not rebuilt.
    /// </summary>
    public static string Configuration { get; } = typeof(DotnetCli).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

    /// <summary>Runs <c>dotnet args</c> in <paramref name="directory"/>; fails the test unless it exits with 0.</summary>
    /// <returns>Standard output followed by standard error.</returns>
    public static string Run(string directory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Host())
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
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
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en"; // tests read MSBuild's messages
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        string command = string.Join(' ', start.ArgumentList);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {command} did not finish within {Timeout.TotalMinutes} minutes.");
        }
        string output = stdout.Result + stderr.Result;
        Assert.True(process.ExitCode == 0, $"dotnet {command} exited with {process.ExitCode}:\n{Tail(output)}");
        return output;
    }

    /// <summary>The dotnet that runs the tests (DOTNET_HOST_PATH under dotnet test), else the one on PATH.</summary>
    private static string Host() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string Tail(string text) => text.Length <= 20_000 ? text : "...\n" + text[^20_000..];
}

/// <summary>
/// The end-to-end tests that build or pack the repository's projects. They run one at a time, so that two builds never
/// write the same obj/ and bin/ folders at once.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DotnetCliCollection
{
    public const string Name = "dotnet CLI";
}
