using System.Text;

namespace PolicyAsCode.Build;

/// <summary>
/// The policies and roles of a build as the deployment outputs (CloudFormation, Terraform) need them: read from the
/// generator's <c>manifest.json</c> and the policy documents it names (docs/formats/manifest.md).
/// </summary>
internal sealed class DeploymentModel
{
    public List<DeployedPolicy> ManagedPolicies { get; } = [];

    public List<DeployedPolicy> ResourcePolicies { get; } = [];

    public List<DeployedRole> Roles { get; } = [];

    /// <summary>AWS Organizations policies (service and resource control policies), in manifest order.</summary>
    public List<OrganizationPolicy> OrganizationPolicies { get; } = [];

    /// <summary>Builds the model, or returns null with <paramref name="problem"/> when the files do not fit together.</summary>
    public static DeploymentModel? TryCreate(IReadOnlyList<IamFileDeclaration> declarations, out string? problem)
    {
        problem = null;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var declaration in declarations) files[declaration.FileName] = declaration.Content;
        var model = new DeploymentModel();
        if (!files.TryGetValue("manifest.json", out string? manifestText)) return model;
        try
        {
            if (JsonValue.Parse(manifestText) is not JsonObject manifest)
            {
                problem = "manifest.json is not a JSON object";
                return null;
            }
            JsonValue Document(string? file, string what)
            {
                if (file is null || !files.TryGetValue(file, out string? text)) throw new FormatException($"{what} names the file '{file}', which the assembly does not declare");
                return JsonValue.Parse(text);
            }
            foreach (var entry in manifest.Array("policies").OfType<JsonObject>())
            {
                string name = entry.String("name") ?? throw new FormatException("a policy of manifest.json has no name");
                var policy = new DeployedPolicy(name, Document(entry.String("file"), $"the policy {name}"), entry.String("description"));
                switch (entry.String("kind"))
                {
                    case "managed": model.ManagedPolicies.Add(policy); break;
                    case "resource": model.ResourcePolicies.Add(policy); break;
                    case "scp": model.OrganizationPolicies.Add(new OrganizationPolicy(policy, OrganizationPolicyType.ServiceControl)); break;
                    case "rcp": model.OrganizationPolicies.Add(new OrganizationPolicy(policy, OrganizationPolicyType.ResourceControl)); break;
                    default: throw new FormatException($"the policy {name} has the kind '{entry.String("kind")}', which this version of the build task does not deploy");
                }
            }
            foreach (var entry in manifest.Array("roles").OfType<JsonObject>())
            {
                string name = entry.String("name") ?? throw new FormatException("a role of manifest.json has no name");
                var role = new DeployedRole(name, Document(entry.String("trustPolicyFile"), $"the role {name}"))
                {
                    Path = entry.String("path") ?? "/",
                    Description = entry.String("description"),
                    MaxSessionDuration = entry["maxSessionDuration"] is JsonLiteral seconds ? seconds.Text : null,
                    PermissionsBoundary = entry.String("permissionsBoundary"),
                };
                foreach (var attached in entry.Array("attachedPolicies").OfType<JsonObject>())
                {
                    string attachedName = attached.String("name") ?? throw new FormatException($"a policy attached to the role {name} has no name");
                    role.Attached.Add(new AttachedPolicy(attachedName, attached.String("arn") is { Length: > 0 } arn ? arn : null));
                }
                foreach (var inline in entry.Array("inlinePolicies").OfType<JsonObject>())
                {
                    string inlineName = inline.String("name") ?? throw new FormatException($"an inline policy of the role {name} has no name");
                    role.Inline.Add(new DeployedPolicy(inlineName, Document(inline.String("file"), $"the inline policy {inlineName} of the role {name}"), null));
                }
                model.Roles.Add(role);
            }
        }
        catch (FormatException e)
        {
            problem = e.Message;
            return null;
        }
        return model;
    }

    /// <summary>
    /// Stable identifiers made from names: only the characters <paramref name="allowed"/> accepts, PascalCase for
    /// CloudFormation logical ids, and a short hash of the name when two names would give the same identifier.
    /// </summary>
    public static Dictionary<string, string> Identifiers(IEnumerable<string> names, Func<string, string> sanitize)
    {
        var list = names.ToList();
        var byId = list.GroupBy(sanitize, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in list)
        {
            string id = sanitize(name);
            result[name] = byId[id] > 1 ? id + Hash(name) : id;
        }
        return result;
    }

    /// <summary>8 hex digits of FNV-1a over the UTF-8 name: the same on every machine and build.</summary>
    public static string Hash(string name)
    {
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(name))
        {
            hash ^= b;
            hash *= 16777619;
        }
        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The name in PascalCase, letters and digits only (<c>read_my-bucket</c>: <c>ReadMyBucket</c>).</summary>
    public static string Pascal(string name)
    {
        var sb = new StringBuilder();
        bool upper = true;
        foreach (char c in name)
        {
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9')
            {
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }
        return sb.ToString();
    }
}

/// <summary>A policy document with its name (and description, when the manifest has one).</summary>
internal sealed record DeployedPolicy(string Name, JsonValue Document, string? Description);

/// <summary>The AWS Organizations policy types the build deploys.</summary>
internal enum OrganizationPolicyType
{
    ServiceControl,
    ResourceControl,
}

/// <summary>A service or resource control policy of AWS Organizations.</summary>
internal sealed record OrganizationPolicy(DeployedPolicy Policy, OrganizationPolicyType Type)
{
    /// <summary>The policy type as AWS Organizations' API, CloudFormation and Terraform name it.</summary>
    public string ApiType => Type == OrganizationPolicyType.ServiceControl ? "SERVICE_CONTROL_POLICY" : "RESOURCE_CONTROL_POLICY";

    /// <summary>How messages name it.</summary>
    public string Prose => Type == OrganizationPolicyType.ServiceControl ? "service control policy" : "resource control policy";
}

/// <summary>A policy attached to a role: declared in the project (no ARN) or AWS managed / existing (by ARN).</summary>
internal sealed record AttachedPolicy(string Name, string? Arn);

/// <summary>A role with its trust policy, attachments, inline policies and settings.</summary>
internal sealed class DeployedRole(string name, JsonValue trustPolicy)
{
    public string Name { get; } = name;

    public JsonValue TrustPolicy { get; } = trustPolicy;

    public string Path { get; init; } = "/";

    public string? Description { get; init; }

    public string? MaxSessionDuration { get; init; }

    public string? PermissionsBoundary { get; init; }

    public List<AttachedPolicy> Attached { get; } = [];

    public List<DeployedPolicy> Inline { get; } = [];
}
