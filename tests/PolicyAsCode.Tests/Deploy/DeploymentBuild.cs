using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyAsCode.Build;
using PolicyAsCode.Tests.Build;
using PolicyAsCode.Tests.Cli;
using PolicyAsCode.Tests.Generator;

namespace PolicyAsCode.Tests.Deploy;

/// <summary>
/// Declarations compiled with the source generator into an assembly on disk, and the WriteIamFiles task run on it with
/// the CloudFormation and Terraform outputs switched on: what <c>dotnet build</c> does, without a build.
/// </summary>
internal sealed class DeploymentBuild : IDisposable
{
    private readonly TempDirectory _temp;

    private DeploymentBuild(TempDirectory temp, GeneratedAssembly generated, string assemblyPath)
    {
        _temp = temp;
        Generated = generated;
        AssemblyPath = assemblyPath;
    }

    /// <summary>The compiled declarations, loaded, for their run-time values.</summary>
    public GeneratedAssembly Generated { get; }

    public string AssemblyPath { get; }

    public string CloudFormationFile => Path.Combine(_temp.Path, "bin", "deploy", "iam.template.json");

    public string TerraformFile => Path.Combine(_temp.Path, "bin", "deploy", "iam.tf.json");

    public string IamDirectory => Path.Combine(_temp.Path, "bin", "iam") + Path.DirectorySeparatorChar;

    /// <summary>Compiles <paramref name="source"/> (with its own usings) and its generated code to a dll.</summary>
    public static DeploymentBuild Compile(string source)
    {
        var compilation = CSharpCompilation.Create("Team",
            [
                CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: "/deploy/Declarations.cs", encoding: Encoding.UTF8),
                // The examples are SDK projects with implicit usings.
                CSharpSyntaxTree.ParseText("global using System;", GeneratorHarness.ParseOptions, path: "/deploy/Usings.cs", encoding: Encoding.UTF8),
            ],
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        GeneratorHarness.AssertNothingEscaped(driver.GetRunResult());
        var errors = diagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "obj", "Team.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var emit = output.Emit(path);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        return new DeploymentBuild(temp, GeneratedAssembly.Load(output), path);
    }

    /// <summary>Runs the task; fails the test on an MSBuild error.</summary>
    public FakeBuildEngine RunTask(bool cloudFormation = true, bool terraform = true)
    {
        var engine = new FakeBuildEngine();
        var task = new WriteIamFiles
        {
            BuildEngine = engine,
            AssemblyPath = AssemblyPath,
            OutputDirectory = IamDirectory,
            StampFile = Path.Combine(Path.GetDirectoryName(AssemblyPath)!, "PolicyAsCode.IamFiles.stamp"),
            CloudFormationFile = cloudFormation ? CloudFormationFile : "",
            TerraformFile = terraform ? TerraformFile : "",
            DeployDirectory = Path.GetDirectoryName(CloudFormationFile)!,
            AssemblyName = "Team",
        };
        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => $"{e.Code}: {e.Message}")));
        return engine;
    }

    public void Dispose()
    {
        Generated.Dispose();
        _temp.Dispose();
    }
}
