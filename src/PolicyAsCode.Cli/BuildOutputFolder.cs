using System.Text.Json;
using PolicyAsCode.Rules;

namespace PolicyAsCode.Cli;

/// <summary>
/// The policy files a command is given, with what each is: a folder written by the build (<c>bin/.../iam/</c>, which
/// holds <c>manifest.json</c>) gives each file's kind from its manifest, and the manifest itself is not a policy; any
/// other file is what its name says (<c>*.trust.json</c> a trust policy, else an identity-based policy).
/// </summary>
/// <remarks>The manifest's format is described in docs/formats/manifest.md.</remarks>
internal static class BuildOutputFolder
{
    /// <summary>The name of the build's manifest in an <c>iam/</c> folder.</summary>
    public const string ManifestFileName = "manifest.json";

    /// <summary>
    /// Expands <paramref name="paths"/> (files, or folders searched for <c>*.json</c>) into the policy files to read, in
    /// order. Problems (a missing path, an unreadable manifest, a manifest naming a file that is not there or a kind
    /// that is not known) are written to <paramref name="stderr"/> and make <paramref name="ok"/> false; the other files
    /// are still returned. With <paramref name="missingAsFiles"/>, a path that does not exist is returned as a file, for
    /// the command to report when it reads it.
    /// </summary>
    public static List<PolicyFile> Expand(IEnumerable<string> paths, TextWriter stderr, out bool ok, bool missingAsFiles = false)
    {
        ok = true;
        var manifests = new Dictionary<string, Manifest?>(StringComparer.Ordinal);
        var files = new List<PolicyFile>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    if (Describe(file, manifests, stderr, ref ok) is { } described) files.Add(described);
                }
                // A file the manifest lists must be there: the build writes them all.
                foreach (var (directory, manifest) in manifests)
                {
                    if (manifest is null || manifest.Checked) continue;
                    manifest.Checked = true;
                    foreach (var (name, _) in manifest.Files)
                    {
                        if (!File.Exists(Path.Combine(directory, name)))
                        {
                            stderr.WriteLine($"{Path.Combine(directory, ManifestFileName)}: lists {name}, which is not in the folder (rebuild the project)");
                            ok = false;
                        }
                    }
                }
            }
            else if (File.Exists(path) || missingAsFiles)
            {
                if (Describe(path, manifests, stderr, ref ok) is { } described) files.Add(described);
            }
            else
            {
                stderr.WriteLine($"{path}: no such file or folder");
                ok = false;
            }
        }
        return files;
    }

    /// <summary>The file's kind from its folder's manifest, null for the manifest itself.</summary>
    private static PolicyFile? Describe(string file, Dictionary<string, Manifest?> manifests, TextWriter stderr, ref bool ok)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(file)) ?? "";
        if (!manifests.TryGetValue(directory, out var manifest))
        {
            string manifestPath = Path.Combine(directory, ManifestFileName);
            manifest = File.Exists(manifestPath) ? Manifest.TryRead(manifestPath, stderr) : null;
            if (File.Exists(manifestPath) && manifest is null) ok = false;
            manifests[directory] = manifest;
        }
        string name = Path.GetFileName(file);
        if (string.Equals(name, ManifestFileName, StringComparison.Ordinal) && File.Exists(Path.Combine(directory, ManifestFileName)))
        {
            return null;
        }
        if (manifest is not null && manifest.Files.TryGetValue(name, out var entry))
        {
            return new PolicyFile(file, entry.Kind, entry.Container) { Role = manifest.Roles.GetValueOrDefault(name), Description = manifest.Descriptions.GetValueOrDefault(name) };
        }
        return new PolicyFile(file, null, null);
    }

    /// <summary>What <c>manifest.json</c> says about the files beside it.</summary>
    private sealed class Manifest
    {
        public Dictionary<string, (PolicyKind Kind, PolicyContainer Container)> Files { get; } = new(StringComparer.Ordinal);

        /// <summary>The managed policies' descriptions, by file name.</summary>
        public Dictionary<string, string> Descriptions { get; } = new(StringComparer.Ordinal);

        /// <summary>The roles, by their trust policy's file name.</summary>
        public Dictionary<string, ManifestRole> Roles { get; } = new(StringComparer.Ordinal);

        public bool Checked { get; set; }

        public static Manifest? TryRead(string path, TextWriter stderr)
        {
            try
            {
                using var json = JsonDocument.Parse(File.ReadAllBytes(path));
                var manifest = new Manifest();
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return Invalid(path, "is not a JSON object", stderr);
                var managedFiles = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var policy in Array(root, "policies"))
                {
                    string? kindName = String(policy, "kind");
                    PolicyKind? kind = kindName switch
                    {
                        "managed" => PolicyKind.Identity,
                        "resource" => PolicyKind.Resource,
                        "scp" => PolicyKind.ServiceControlPolicy,
                        "rcp" => PolicyKind.ResourceControlPolicy,
                        _ => null,
                    };
                    if (String(policy, "file") is not { } file) return Invalid(path, "has a policy without a \"file\"", stderr);
                    if (kind is null) return Invalid(path, $"gives {file} the kind {(kindName is null ? "(none)" : $"\"{kindName}\"")}, which pac does not know (known: managed, resource, scp, rcp)", stderr);
                    manifest.Files[file] = (kind.Value, PolicyContainer.Managed);
                    if (kindName == "managed" && String(policy, "name") is { } name) managedFiles[name] = file;
                    if (String(policy, "description") is { } description) manifest.Descriptions[file] = description;
                }
                var boundaries = new HashSet<string>(StringComparer.Ordinal);
                var attached = new HashSet<string>(StringComparer.Ordinal);
                foreach (var role in Array(root, "roles"))
                {
                    // A declared boundary is named by its policy's name (an ARN has a ':').
                    if (String(role, "permissionsBoundary") is { } boundary && boundary.IndexOf(':') < 0) boundaries.Add(boundary);
                    foreach (var policy in Array(role, "attachedPolicies"))
                    {
                        if (String(policy, "file") is not null && String(policy, "name") is { } name) attached.Add(name);
                    }
                    if (String(role, "trustPolicyFile") is not { } trust) return Invalid(path, "has a role without a \"trustPolicyFile\"", stderr);
                    manifest.Files[trust] = (PolicyKind.Trust, PolicyContainer.Managed);
                    var inlines = new List<(string Name, string File)>();
                    foreach (var inline in Array(role, "inlinePolicies"))
                    {
                        if (String(inline, "file") is not { } file) return Invalid(path, $"has an inline policy of {trust} without a \"file\"", stderr);
                        manifest.Files[file] = (PolicyKind.Identity, PolicyContainer.RoleInline);
                        inlines.Add((String(inline, "name") ?? file, file));
                    }
                    var attachments = new List<(string Name, string? File, string? Arn)>();
                    foreach (var policy in Array(role, "attachedPolicies"))
                    {
                        attachments.Add((String(policy, "name") ?? "", String(policy, "file"), String(policy, "arn")));
                    }
                    int? maxSession = role.TryGetProperty("maxSessionDuration", out var seconds) && seconds.ValueKind == JsonValueKind.Number && seconds.TryGetInt32(out int s) ? s : null;
                    manifest.Roles[trust] = new ManifestRole(String(role, "name") ?? trust, attachments, inlines, String(role, "permissionsBoundary"),
                        maxSession, String(role, "path"), String(role, "description"));
                }
                // A managed policy that roles use only as their permissions boundary is checked as a boundary, which
                // grants nothing by itself (as the analyzer does, BoundaryUses): "Allow * on *" there is no broad grant.
                // The manifest does not say whether another declaration Includes it; its statements are then checked
                // again in that declaration's own file.
                foreach (var name in boundaries)
                {
                    if (!attached.Contains(name) && managedFiles.TryGetValue(name, out var file)) manifest.Files[file] = (PolicyKind.PermissionsBoundary, PolicyContainer.Managed);
                }
                return manifest;
            }
            catch (JsonException e)
            {
                stderr.WriteLine($"{path}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: the build's manifest is not valid JSON: {e.Message}");
                return null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"{path}: cannot read the file: {e.Message}");
                return null;
            }
        }

        private static Manifest? Invalid(string path, string problem, TextWriter stderr)
        {
            stderr.WriteLine($"{path}: the build's manifest {problem}");
            return null;
        }

        private static IEnumerable<JsonElement> Array(JsonElement element, string name)
            => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
                ? array.EnumerateArray().ToList()
                : [];

        private static string? String(JsonElement element, string name)
            => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
    }
}

/// <summary>A policy file to read, with its kind and container when the build's manifest gives them.</summary>
internal sealed record PolicyFile(string Path, PolicyKind? Kind, PolicyContainer? Container)
{
    /// <summary>For a role's trust policy in a build's folder: what the manifest says of the role.</summary>
    public ManifestRole? Role { get; init; }

    /// <summary>For a managed policy in a build's folder: its description, when the manifest has one.</summary>
    public string? Description { get; init; }
}

/// <summary>A role of a build's manifest (docs/formats/manifest.md, <c>roles</c>), for <c>pac import</c> to declare it whole.</summary>
/// <param name="Name">The IAM role name.</param>
/// <param name="Attached">Attached policies: declared ones by name and file, AWS managed or existing ones by ARN.</param>
/// <param name="Inline">Inline policies: name and file.</param>
/// <param name="Boundary">The permissions boundary: a declared policy's name, or an ARN.</param>
/// <param name="MaxSessionSeconds">The maximum session duration, when set.</param>
/// <param name="RolePath">The role's path.</param>
/// <param name="Description">The role's description.</param>
internal sealed record ManifestRole(string Name, List<(string Name, string? File, string? Arn)> Attached, List<(string Name, string File)> Inline,
    string? Boundary, int? MaxSessionSeconds, string? RolePath, string? Description);
