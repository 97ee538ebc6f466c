using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace PolicyAsCode.Build;

/// <summary>
/// Writes one file under <see cref="OutputDirectory"/> for each <c>[assembly: PolicyAsCode.Compiled.IamFile(name,
/// content)]</c> of the built assembly: only when its content changed, and deleting the files it wrote before that are
/// no longer declared.
/// </summary>
/// <remarks>
/// The assembly is read with System.Reflection.Metadata: no code of it is loaded or run. Files are UTF-8 without a byte
/// order mark, with LF line ends. Every problem is an MSBuild error (PAC901-PAC905), never an exception; when a
/// declaration is invalid, nothing is written or deleted.
/// </remarks>
public sealed class WriteIamFiles : Microsoft.Build.Utilities.Task
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly StringComparison s_pathComparison =
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX)
            ? StringComparison.OrdinalIgnoreCase
            : StringComparison.Ordinal;

    /// <summary>The built assembly, <c>@(IntermediateAssembly)</c>.</summary>
    [Required]
    public string AssemblyPath { get; set; } = "";

    /// <summary>The folder to write the files to, <c>$(OutDir)iam/</c>.</summary>
    [Required]
    public string OutputDirectory { get; set; } = "";

    /// <summary>The stamp file, which lists the files the task owns (see <see cref="IamFileStamp"/>).</summary>
    [Required]
    public string StampFile { get; set; } = "";

    /// <summary>
    /// Where to write a CloudFormation template of the declarations (<c>PolicyAsCodeCloudFormation</c>); empty: none.
    /// </summary>
    public string CloudFormationFile { get; set; } = "";

    /// <summary>Where to write a Terraform configuration (<c>*.tf.json</c>) of the declarations; empty: none.</summary>
    public string TerraformFile { get; set; } = "";

    /// <summary>
    /// The folder of the deployment files (<c>$(OutDir)deploy/</c>): files listed in the stamp there are this task's, and
    /// deleted when no longer written.
    /// </summary>
    public string DeployDirectory { get; set; } = "";

    /// <summary>The name of the project's assembly, for the template's description.</summary>
    public string AssemblyName { get; set; } = "";

    /// <summary>The full paths of the declared files, written now or already up to date: for <c>FileWrites</c>.</summary>
    [Output]
    public ITaskItem[] WrittenFiles { get; private set; } = [];

    public override bool Execute()
    {
        IamFileReader.Result read = IamFileReader.Read(AssemblyPath);
        foreach ((string code, string message) in read.Errors) Error(code, message);
        if (read.Errors.Count > 0 || !Validate(read.Declarations)) return false;

        string outputDirectory = Path.GetFullPath(OutputDirectory);
        var declared = read.Declarations
            .OrderBy(d => d.FileName, StringComparer.Ordinal)
            .Select(d => (Path: Path.Combine(outputDirectory, d.FileName), d.Content))
            .ToList();
        if (!AddDeploymentFiles(read.Declarations, declared)) return false;

        // Files this task may still own if something below fails; rewritten into the stamp in every case.
        var owned = new List<string>();
        bool failed = false;
        int written = 0, deleted = 0;

        foreach ((string path, string content) in declared)
        {
            owned.Add(path);
            try
            {
                if (WriteIfChanged(path, content)) written++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Error(ErrorCodes.FileSystemError, $"Cannot write '{path}': {e.Message}");
                failed = true;
            }
        }

        var current = new HashSet<string>(declared.Select(d => d.Path), PathComparer);
        foreach (string previous in IamFileStamp.Read(StampFile))
        {
            if (current.Contains(previous) || !(IsOwnedIamFile(previous, outputDirectory) || DeployDirectory.Length > 0 && IsOwnedIamFile(previous, Path.GetFullPath(DeployDirectory)))) continue;
            try
            {
                if (File.Exists(previous))
                {
                    File.Delete(previous);
                    deleted++;
                    Log.LogMessage(MessageImportance.Low, "PolicyAsCode: deleted {0}, which is no longer declared", previous);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Error(ErrorCodes.FileSystemError, $"Cannot delete '{previous}', which is no longer declared: {e.Message}");
                owned.Add(previous);
                failed = true;
            }
        }

        try
        {
            IamFileStamp.Write(StampFile, owned);
            // After a failure the stamp must not look up to date, or the next build would skip the task.
            if (failed) File.SetLastWriteTimeUtc(StampFile, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Error(ErrorCodes.FileSystemError, $"Cannot write the stamp file '{StampFile}': {e.Message}");
            failed = true;
        }

        WrittenFiles = declared.Select(d => (ITaskItem)new TaskItem(d.Path)).ToArray();
        Log.LogMessage(MessageImportance.Normal, "PolicyAsCode: {0} IAM file(s) in {1} ({2} written, {3} deleted)",
            declared.Count, outputDirectory, written, deleted);
        return !failed;
    }

    /// <summary>The CloudFormation and Terraform files, when asked for, from the manifest and policies the generator wrote.</summary>
    private bool AddDeploymentFiles(List<IamFileDeclaration> declarations, List<(string Path, string Content)> declared)
    {
        if (CloudFormationFile.Length == 0 && TerraformFile.Length == 0) return true;
        var model = DeploymentModel.TryCreate(declarations, out string? problem);
        string? content = null;
        if (model is not null && CloudFormationFile.Length > 0)
        {
            if (model.ManagedPolicies.Count == 0 && model.Roles.Count == 0)
            {
                // A template needs at least one resource: with only resource policies (or nothing) there is none to write.
                Log.LogMessage(MessageImportance.Normal, "PolicyAsCode: no managed policy or role is declared, so no CloudFormation template is written");
            }
            else
            {
                content = CloudFormationTemplate.Write(model, AssemblyName, out problem);
                if (problem is null) declared.Add((Path.GetFullPath(CloudFormationFile), content));
            }
        }
        if (model is not null && problem is null && TerraformFile.Length > 0)
        {
            content = TerraformConfiguration.Write(model, out problem);
            if (problem is null) declared.Add((Path.GetFullPath(TerraformFile), content));
        }
        if (problem is null) return true;
        Error(ErrorCodes.DeploymentOutput, $"'{AssemblyPath}': the CloudFormation or Terraform output cannot be written: {problem}.");
        return false;
    }

    private static StringComparer PathComparer =>
        s_pathComparison == StringComparison.Ordinal ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    private bool Validate(List<IamFileDeclaration> declarations)
    {
        bool valid = true;
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (IamFileDeclaration declaration in declarations)
        {
            if (IamFileNames.Problem(declaration.FileName) is { } problem)
            {
                Error(ErrorCodes.InvalidFileName,
                    $"'{AssemblyPath}' declares an IAM file named '{declaration.FileName}', which is not a valid file name under iam/: {problem}. Use a plain file name ending in .json, such as 'read_my_bucket.json'.");
                valid = false;
            }
            else if (seen.TryGetValue(declaration.FileName, out string? first))
            {
                Error(ErrorCodes.DuplicateFileName,
                    first == declaration.FileName
                        ? $"'{AssemblyPath}' declares the IAM file '{declaration.FileName}' more than once. Give each policy and role a distinct name."
                        : $"'{AssemblyPath}' declares the IAM files '{first}' and '{declaration.FileName}', which differ only in case and would be one file on Windows and macOS. Give each a distinct name.");
                valid = false;
            }
            else
            {
                seen.Add(declaration.FileName, declaration.FileName);
            }
        }
        return valid;
    }

    /// <summary>Writes <paramref name="content"/> (LF line ends, UTF-8 without BOM) unless the file already holds exactly it.</summary>
    private bool WriteIfChanged(string path, string content)
    {
        byte[] bytes = s_utf8.GetBytes(content.Replace("\r\n", "\n").Replace('\r', '\n'));
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            Log.LogMessage(MessageImportance.Low, "PolicyAsCode: {0} is up to date", path);
            return false;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        Log.LogMessage(MessageImportance.Low, "PolicyAsCode: wrote {0}", path);
        return true;
    }

    /// <summary>Only <c>*.json</c> files directly in the output folder may be deleted, whatever the stamp says.</summary>
    private static bool IsOwnedIamFile(string path, string outputDirectory)
    {
        if (!path.EndsWith(IamFileNames.Extension, StringComparison.Ordinal)) return false;
        string? directory;
        try
        {
            directory = Path.GetDirectoryName(Path.GetFullPath(path));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
        return directory is not null
            && string.Equals(directory, outputDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), s_pathComparison);
    }

    // Messages are passed as arguments: file names and paths may hold '{' and '}'.
    private void Error(string code, string message) =>
        Log.LogError(subcategory: null, errorCode: code, helpKeyword: null, file: null,
            lineNumber: 0, columnNumber: 0, endLineNumber: 0, endColumnNumber: 0, message: "{0}", messageArgs: message);
}
