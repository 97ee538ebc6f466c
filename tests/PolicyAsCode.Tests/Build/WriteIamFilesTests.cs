using System.Text;
using Microsoft.Build.Framework;
using PolicyAsCode.Build;
using PolicyAsCode.Tests.Cli;

namespace PolicyAsCode.Tests.Build;

/// <summary>
/// The WriteIamFiles task run directly, on assemblies compiled with Roslyn that carry
/// <c>[assembly: PolicyAsCode.Compiled.IamFile(name, content)]</c>.
/// </summary>
public sealed class WriteIamFilesTests : IDisposable
{
    private const string ReadMyBucket = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::my-bucket/café/*"
            }
          ]
        }

        """;

    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private static readonly DateTime s_longAgo = new(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);

    private readonly TempDirectory _temp = new();
    private int _assemblies;

    public void Dispose() => _temp.Dispose();

    private string IamDirectory => Path.Combine(_temp.Path, "bin", "iam") + Path.DirectorySeparatorChar;

    private string StampFile => Path.Combine(_temp.Path, "obj", "PolicyAsCode.IamFiles.stamp");

    private string IamFile(string name) => Path.Combine(IamDirectory, name);

    private string Compile(string source, bool referencePolicyAsCode = true) =>
        TestAssemblies.Compile(_temp.Path, $"Policies{++_assemblies}", source, referencePolicyAsCode);

    private (bool Succeeded, WriteIamFiles Task, FakeBuildEngine Engine) Run(string assemblyPath)
    {
        var engine = new FakeBuildEngine();
        var task = new WriteIamFiles
        {
            BuildEngine = engine,
            AssemblyPath = assemblyPath,
            OutputDirectory = IamDirectory,
            StampFile = StampFile,
        };
        bool succeeded = task.Execute();
        Assert.Equal(succeeded, engine.Errors.Count == 0);
        return (succeeded, task, engine);
    }

    private (WriteIamFiles Task, FakeBuildEngine Engine) RunSucceeding(string assemblyPath)
    {
        var (succeeded, task, engine) = Run(assemblyPath);
        Assert.True(succeeded, engine.ErrorText);
        Assert.Empty(engine.Warnings);
        return (task, engine);
    }

    private static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public void DeclaredFiles_AreWrittenWithExactContent_Utf8WithoutBom()
    {
        string assembly = Compile(TestAssemblies.IamFiles(("read_my_bucket.json", ReadMyBucket), ("app.trust.json", Trust)));

        var (task, engine) = RunSucceeding(assembly);

        Assert.Equal(new UTF8Encoding(false).GetBytes(Lf(ReadMyBucket)), File.ReadAllBytes(IamFile("read_my_bucket.json")));
        Assert.Equal(Encoding.UTF8.GetBytes(Trust), File.ReadAllBytes(IamFile("app.trust.json")));
        Assert.Equal(
            [IamFile("app.trust.json"), IamFile("read_my_bucket.json")],
            task.WrittenFiles.Select(i => i.ItemSpec));
        Assert.Equal(["app.trust.json", "read_my_bucket.json"], Directory.GetFiles(IamDirectory).Select(Path.GetFileName).Order());
        foreach (string name in new[] { "app.trust.json", "read_my_bucket.json" })
        {
            Assert.Contains(engine.Messages, m => m.Importance == MessageImportance.Low && m.Message!.Contains("wrote " + IamFile(name)));
        }
    }

    [Fact]
    public void CarriageReturns_AreWrittenAsLineFeeds()
    {
        string assembly = Compile(TestAssemblies.IamFiles(("manifest.json", "{\r\n  \"a\": 1\r\n}\r")));

        RunSucceeding(assembly);

        Assert.Equal("{\n  \"a\": 1\n}\n", File.ReadAllText(IamFile("manifest.json")));
    }

    [Fact]
    public void AttributeTypeDefinedInTheAssemblyItself_IsMatchedByName()
    {
        // No reference to PolicyAsCode.dll: the constructor's declaring type is a TypeDefinition, not a TypeReference.
        string assembly = Compile(
            TestAssemblies.IamFiles(("own.json", "{}")) + """
            namespace PolicyAsCode.Compiled
            {
                [System.AttributeUsage(System.AttributeTargets.Assembly, AllowMultiple = true)]
                internal sealed class IamFileAttribute(string fileName, string content) : System.Attribute
                {
                    public string FileName { get; } = fileName;
                    public string Content { get; } = content;
                }
            }
            """,
            referencePolicyAsCode: false);

        var (task, _) = RunSucceeding(assembly);

        Assert.Equal("{}", File.ReadAllText(IamFile("own.json")));
        Assert.Equal([IamFile("own.json")], task.WrittenFiles.Select(i => i.ItemSpec));
    }

    [Fact]
    public void AttributesOfTheSameNameInAnotherNamespaceOrNested_AreIgnored()
    {
        string assembly = Compile(
            """
            [assembly: Other.IamFileAttribute("other.json", "{}")]
            [assembly: PolicyAsCode.Compiled.Outer.IamFileAttribute("nested.json", "{}")]
            namespace Other
            {
                [System.AttributeUsage(System.AttributeTargets.Assembly)]
                internal sealed class IamFileAttribute(string fileName, string content) : System.Attribute;
            }
            namespace PolicyAsCode.Compiled
            {
                internal static class Outer
                {
                    [System.AttributeUsage(System.AttributeTargets.Assembly)]
                    internal sealed class IamFileAttribute(string fileName, string content) : System.Attribute;
                }
            }
            """,
            referencePolicyAsCode: false);

        var (task, _) = RunSucceeding(assembly);

        Assert.Empty(task.WrittenFiles);
        Assert.False(Directory.Exists(IamDirectory));
    }

    [Fact]
    public void UnchangedContent_IsNotRewritten()
    {
        string assembly = Compile(TestAssemblies.IamFiles(("read_my_bucket.json", ReadMyBucket)));
        RunSucceeding(assembly);
        File.SetLastWriteTimeUtc(IamFile("read_my_bucket.json"), s_longAgo);

        // A different assembly (an unrelated edit) that declares the same file.
        string rebuilt = Compile(TestAssemblies.IamFiles(("read_my_bucket.json", ReadMyBucket)) + "internal static class Unrelated;");
        var (task, engine) = RunSucceeding(rebuilt);

        Assert.Equal(s_longAgo, File.GetLastWriteTimeUtc(IamFile("read_my_bucket.json")));
        Assert.Equal([IamFile("read_my_bucket.json")], task.WrittenFiles.Select(i => i.ItemSpec));
        Assert.DoesNotContain(engine.Messages, m => m.Message!.Contains("wrote "));
    }

    [Fact]
    public void ChangedContent_IsRewritten_AndOnlyThatFile()
    {
        RunSucceeding(Compile(TestAssemblies.IamFiles(("a.json", "{\"v\":1}"), ("b.json", "{\"v\":1}"))));
        File.SetLastWriteTimeUtc(IamFile("a.json"), s_longAgo);
        File.SetLastWriteTimeUtc(IamFile("b.json"), s_longAgo);

        RunSucceeding(Compile(TestAssemblies.IamFiles(("a.json", "{\"v\":2}"), ("b.json", "{\"v\":1}"))));

        Assert.Equal("{\"v\":2}", File.ReadAllText(IamFile("a.json")));
        Assert.NotEqual(s_longAgo, File.GetLastWriteTimeUtc(IamFile("a.json")));
        Assert.Equal(s_longAgo, File.GetLastWriteTimeUtc(IamFile("b.json")));
    }

    [Fact]
    public void RemovedDeclaration_ItsFileIsDeleted()
    {
        RunSucceeding(Compile(TestAssemblies.IamFiles(("old_name.json", "{}"), ("kept.json", "{}"))));

        var (task, _) = RunSucceeding(Compile(TestAssemblies.IamFiles(("new_name.json", "{}"), ("kept.json", "{}"))));

        Assert.False(File.Exists(IamFile("old_name.json")));
        Assert.True(File.Exists(IamFile("new_name.json")));
        Assert.True(File.Exists(IamFile("kept.json")));
        Assert.Equal([IamFile("kept.json"), IamFile("new_name.json")], task.WrittenFiles.Select(i => i.ItemSpec));
        Assert.Equal([IamFile("kept.json"), IamFile("new_name.json")], File.ReadAllLines(StampFile));
    }

    [Fact]
    public void FilesTheTaskDidNotWrite_AreNeverDeleted()
    {
        RunSucceeding(Compile(TestAssemblies.IamFiles(("ours.json", "{}"))));
        string mine = IamFile("mine.json");
        File.WriteAllText(mine, "{}");
        string outside = Path.Combine(_temp.Path, "bin", "outside.json");
        File.WriteAllText(outside, "{}");
        string notJson = IamFile("notes.txt");
        File.WriteAllText(notJson, "keep");
        // Even a stamp that lists them (edited by hand, or left by another tool) does not make them the task's.
        File.AppendAllLines(StampFile, [outside, notJson, Path.Combine(IamDirectory, "..", "outside.json")]);

        RunSucceeding(Compile("// declares nothing"));

        Assert.False(File.Exists(IamFile("ours.json")));
        Assert.True(File.Exists(mine));
        Assert.True(File.Exists(outside));
        Assert.True(File.Exists(notJson));
    }

    [Theory]
    [InlineData("../escape.json")]
    [InlineData("sub/dir.json")]
    [InlineData("sub\\dir.json")]
    [InlineData("/etc/rooted.json")]
    [InlineData("C:drive.json")]
    [InlineData("..json")]
    [InlineData("policy.txt")]
    [InlineData("policy.JSON")]
    [InlineData(".json")]
    [InlineData("")]
    [InlineData(" spaced.json")]
    [InlineData("tab\t.json")]
    public void InvalidFileName_IsAnErrorNamingIt_AndNothingIsWritten(string name)
    {
        RunSucceeding(Compile(TestAssemblies.IamFiles(("existing.json", "{}"))));
        string stampBefore = File.ReadAllText(StampFile);

        var (succeeded, task, engine) = Run(Compile(TestAssemblies.IamFiles(("good.json", "{}"), (name, "{}"))));

        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("PAC902", error.Code);
        Assert.Contains($"'{name}'", error.Message);
        Assert.Empty(task.WrittenFiles);
        Assert.False(File.Exists(IamFile("good.json")));
        Assert.True(File.Exists(IamFile("existing.json")), "a failed run deletes nothing");
        Assert.Equal(stampBefore, File.ReadAllText(StampFile));
        Assert.False(File.Exists(Path.Combine(_temp.Path, "escape.json")));
    }

    [Theory]
    [InlineData("same.json", "same.json")]
    [InlineData("Role.trust.json", "role.trust.json")]
    public void DuplicateFileNames_AreAnError(string first, string second)
    {
        var (succeeded, _, engine) = Run(Compile(TestAssemblies.IamFiles((first, "{}"), (second, "{\"x\":1}"))));

        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("PAC904", error.Code);
        Assert.Contains($"'{second}'", error.Message);
        Assert.False(Directory.Exists(IamDirectory));
    }

    [Fact]
    public void AttributeWithAnotherConstructor_IsAnError()
    {
        string assembly = Compile(
            """
            [assembly: PolicyAsCode.Compiled.IamFile("x.json")]
            namespace PolicyAsCode.Compiled
            {
                [System.AttributeUsage(System.AttributeTargets.Assembly)]
                internal sealed class IamFileAttribute(string fileName) : System.Attribute;
            }
            """,
            referencePolicyAsCode: false);

        var (succeeded, _, engine) = Run(assembly);

        Assert.False(succeeded);
        Assert.Equal("PAC903", Assert.Single(engine.Errors).Code);
        Assert.Contains("(string fileName, string content)", engine.ErrorText);
    }

    [Fact]
    public void NullArgument_IsAnError()
    {
        var (succeeded, _, engine) = Run(Compile("[assembly: PolicyAsCode.Compiled.IamFile(\"x.json\", null!)]"));

        Assert.False(succeeded);
        Assert.Equal("PAC903", Assert.Single(engine.Errors).Code);
        Assert.Contains("'x.json' is null", engine.ErrorText);
    }

    [Fact]
    public void AssemblyWithoutAttributes_WritesNothing_WithoutError()
    {
        var (task, _) = RunSucceeding(Compile("public static class NoPolicies;"));

        Assert.Empty(task.WrittenFiles);
        Assert.False(Directory.Exists(IamDirectory));
    }

    [Fact]
    public void GarbageFile_IsAnError_NotAnException()
    {
        string garbage = _temp.WriteBytes("garbage.dll", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 251))]);

        var (succeeded, task, engine) = Run(garbage);

        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("PAC901", error.Code);
        Assert.Contains(garbage, error.Message);
        Assert.Empty(task.WrittenFiles);
    }

    [Fact]
    public void PEFileWithoutMetadata_IsAnError()
    {
        // A truncated assembly: valid headers, metadata cut off.
        byte[] assembly = File.ReadAllBytes(Compile(TestAssemblies.IamFiles(("x.json", "{}"))));
        string truncated = _temp.WriteBytes("truncated.dll", assembly[..1024]);

        var (succeeded, _, engine) = Run(truncated);

        Assert.False(succeeded);
        Assert.Equal("PAC901", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void MissingAssembly_IsAnError()
    {
        string missing = _temp.Combine("missing.dll");

        var (succeeded, _, engine) = Run(missing);

        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("PAC901", error.Code);
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void NamesAndContentWithBraces_AreLoggedVerbatim()
    {
        // MSBuild formats messages with string.Format; a '{' in a name must not break logging.
        var (succeeded, _, engine) = Run(Compile(TestAssemblies.IamFiles(("{0}/x.json", "{}"))));

        Assert.False(succeeded);
        Assert.Contains("'{0}/x.json'", Assert.Single(engine.Errors).Message);
    }
}
