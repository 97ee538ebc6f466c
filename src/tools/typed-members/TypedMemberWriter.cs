using System.Security;
using PolicyAsCode.Generators.Emit;
using System.Text;
using PolicyAsCode.Catalogue;

namespace PolicyAsCode.TypedMembers;

/// <summary>
/// Writes one C# file per service: the service class with its actions, condition keys and ARN builders
/// (<c>S3.GetObject</c>, <c>S3.Keys.Prefix</c>, <c>S3.Arn.Object(bucketName, objectName)</c>), plus <c>Keys.*</c> for the
/// global condition keys. Member names come from <see cref="TypedServiceMembers"/>, which the source generator also uses
/// to map members back to catalogue entries.
/// </summary>
internal static class TypedMemberWriter
{
    public static int WriteAll(ServiceCatalogue catalogue, string folder)
    {
        Directory.CreateDirectory(folder);
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in catalogue.Services.OrderBy(s => s.Prefix, StringComparer.Ordinal))
        {
            var members = TypedServiceMembers.For(service);
            string file = Path.Combine(folder, members.ClassName + ".g.cs");
            WriteIfChanged(file, WriteService(catalogue, members));
            expected.Add(Path.GetFileName(file));
        }
        string globals = Path.Combine(folder, "Keys.g.cs");
        WriteIfChanged(globals, WriteGlobalKeys(catalogue));
        expected.Add(Path.GetFileName(globals));
        string managed = Path.Combine(folder, "AwsManaged.g.cs");
        WriteIfChanged(managed, WriteManagedPolicies(catalogue));
        expected.Add(Path.GetFileName(managed));
        foreach (var stale in Directory.EnumerateFiles(folder, "*.g.cs").Where(f => !expected.Contains(Path.GetFileName(f))))
        {
            File.Delete(stale);
        }
        return expected.Count;
    }

    private static string WriteService(ServiceCatalogue catalogue, TypedServiceMembers members)
    {
        var service = members.Service;
        var w = new IndentedWriter();
        Header(w, catalogue);
        using (w.Block("namespace PolicyAsCode.Aws"))
        {
            Doc(w, $"{service.Name}: actions and condition keys of the service prefix <c>{service.Prefix}</c>.");
            w.WriteLine("[global::System.CodeDom.Compiler.GeneratedCode(\"PolicyAsCode.TypedMembers\", \"1\")]");
            using (w.Block($"public static partial class {members.ClassName}"))
            {
                bool first = true;
                foreach (var (member, action) in members.Actions)
                {
                    if (!first) w.WriteLine();
                    first = false;
                    Doc(w, $"<c>{action.FullName}</c> ({Level(action.AccessLevel)}): {action.Description}");
                    w.WriteLine($"public static global::PolicyAsCode.IamAction {member} => new(\"{action.FullName}\");");
                }
                if (members.ConditionKeys.Count > 0)
                {
                    if (!first) w.WriteLine();
                    first = false;
                    Doc(w, $"The condition keys of {service.Name}.");
                    using (w.Block($"public static class {TypedServiceMembers.KeysClass}"))
                    {
                        WriteKeys(w, members.ConditionKeys);
                    }
                }
                if (members.ResourceTypes.Count > 0)
                {
                    if (!first) w.WriteLine();
                    Doc(w, $"ARN builders for the resource types of {service.Name}.");
                    using (w.Block($"public static class {TypedServiceMembers.ArnClass}"))
                    {
                        bool firstType = true;
                        foreach (var (member, type) in members.ResourceTypes)
                        {
                            if (!firstType) w.WriteLine();
                            firstType = false;
                            WriteArnBuilder(w, member, type);
                        }
                    }
                }
            }
        }
        return w.ToString();
    }

    private static string WriteGlobalKeys(ServiceCatalogue catalogue)
    {
        var w = new IndentedWriter();
        Header(w, catalogue);
        using (w.Block("namespace PolicyAsCode.Aws"))
        {
            Doc(w, "The global condition keys, which every service supports, grouped by prefix: <c>Keys.Aws.SourceIp</c>.");
            w.WriteLine("[global::System.CodeDom.Compiler.GeneratedCode(\"PolicyAsCode.TypedMembers\", \"1\")]");
            using (w.Block("public static class Keys"))
            {
                bool first = true;
                foreach (var group in catalogue.GlobalConditionKeys.GroupBy(k => k.Name.Substring(0, k.Name.IndexOf(':'))).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    if (!first) w.WriteLine();
                    first = false;
                    string className = TypedNames.Identifier(group.Key);
                    Doc(w, $"Global condition keys with the prefix <c>{group.Key}</c>.");
                    using (w.Block($"public static class {className}"))
                    {
                        WriteKeys(w, TypedServiceMembers.ForGlobalKeys(group, className));
                    }
                }
            }
        }
        return w.ToString();
    }

    private static string WriteManagedPolicies(ServiceCatalogue catalogue)
    {
        var w = new IndentedWriter();
        Header(w, catalogue);
        w.WriteLine($"// AWS managed policies from {AwsManagedPolicies.DataSource}.");
        using (w.Block("namespace PolicyAsCode.Aws"))
        {
            Doc(w, "The AWS managed policies by name: <c>AwsManaged.ReadOnlyAccess</c>, with their ARNs and documents.");
            w.WriteLine("[global::System.CodeDom.Compiler.GeneratedCode(\"PolicyAsCode.TypedMembers\", \"1\")]");
            using (w.Block("public static class AwsManaged"))
            {
                var taken = new HashSet<string>(["AwsManaged", "Equals", "GetHashCode", "GetType", "ToString", "ReferenceEquals"], StringComparer.OrdinalIgnoreCase);
                bool first = true;
                foreach (var policy in AwsManagedPolicies.All.OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    string baseName = TypedNames.Identifier(policy.Name);
                    string member = baseName;
                    for (int n = 2; !taken.Add(member); n++) member = baseName + n;
                    if (!first) w.WriteLine();
                    first = false;
                    Doc(w, $"<c>{policy.Arn}</c> ({policy.VersionId}).");
                    w.WriteLine($"[global::PolicyAsCode.Catalogue.AwsManagedPolicyArn(\"{policy.Arn}\")]");
                    w.WriteLine($"public static global::PolicyAsCode.Catalogue.AwsManagedPolicy {member} => global::PolicyAsCode.Catalogue.AwsManagedPolicies.GetByArn(\"{policy.Arn}\");");
                }
            }
        }
        return w.ToString();
    }

    private static void WriteKeys(IndentedWriter w, IReadOnlyDictionary<string, ConditionKeyInfo> keys)
    {
        bool first = true;
        foreach (var (member, key) in keys)
        {
            if (!first) w.WriteLine();
            first = false;
            string type = "global::PolicyAsCode." + KeyClass(key.ElementType);
            string description = key.Description.Length > 0 ? key.Description : $"The condition key {key.Name}.";
            Doc(w, $"<c>{Escape(key.Name)}</c> ({key.Type.ToAwsName()}): {description}");
            var parts = TypedNames.Split(key.Name);
            if (!parts.Any(p => p.IsPlaceholder))
            {
                w.WriteLine($"public static {type} {member} => new(\"{key.Name}\");");
                continue;
            }
            var (parameters, expression) = Interpolate(parts, null);
            w.WriteLine($"public static {type} {member}({parameters}) => new({expression});");
        }
    }

    private static void WriteArnBuilder(IndentedWriter w, string member, ResourceTypeInfo type)
    {
        Doc(w, $"A <c>{type.Service.Prefix}</c> {Escape(type.Name)}: <c>{Escape(type.ArnTemplate)}</c>.");
        var (parameters, expression) = Interpolate(TypedNames.Split(type.ArnTemplate), "Partition");
        w.WriteLine($"public static global::PolicyAsCode.ResourceArn {member}({parameters}) => new({expression});");
    }

    /// <summary>The parameter list and the string expression for a name with placeholders.</summary>
    private static (string Parameters, string Expression) Interpolate(List<TemplatePart> parts, string? optionalPartition)
    {
        var parameters = new List<string>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var expression = new StringBuilder();
        foreach (var part in parts)
        {
            if (expression.Length > 0) expression.Append(" + ");
            if (!part.IsPlaceholder)
            {
                expression.Append('"').Append(part.Text.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
                continue;
            }
            if (!names.TryGetValue(part.Text, out var name))
            {
                name = TypedNames.Parameter(part.Text);
                while (names.ContainsValue(name)) name += "2";
                names.Add(part.Text, name);
                if (part.Text != optionalPartition) parameters.Add("string " + name);
            }
            expression.Append(name);
        }
        if (optionalPartition is not null && names.TryGetValue(optionalPartition, out var partition))
        {
            parameters.Add($"string {partition} = \"aws\"");
        }
        return (string.Join(", ", parameters), expression.Length == 0 ? "\"\"" : expression.ToString());
    }

    private static string KeyClass(ConditionKeyType type) => type switch
    {
        ConditionKeyType.Numeric => "NumericConditionKey",
        ConditionKeyType.Date => "DateConditionKey",
        ConditionKeyType.Bool => "BoolConditionKey",
        ConditionKeyType.Arn => "ArnConditionKey",
        ConditionKeyType.IPAddress => "IpAddressConditionKey",
        ConditionKeyType.Binary => "BinaryConditionKey",
        _ => "StringConditionKey",
    };

    private static string Level(AccessLevel level) => level switch
    {
        AccessLevel.PermissionsManagement => "Permissions management",
        _ => level.ToString(),
    };

    private static void Header(IndentedWriter w, ServiceCatalogue catalogue)
    {
        w.WriteLine("// <auto-generated/>");
        w.WriteLine($"// Written by src/tools/typed-members from {catalogue.DataSource}. Do not edit.");
        w.WriteLine("#nullable enable");
        w.WriteLine();
    }

    private static void Doc(IndentedWriter w, string text)
    {
        // Descriptions come from AWS's documentation; escape everything but the <c> tags this writer adds.
        string escaped = Escape(text).Replace("&lt;c&gt;", "<c>").Replace("&lt;/c&gt;", "</c>");
        w.WriteLine($"/// <summary>{escaped.Replace("\r", " ").Replace("\n", " ")}</summary>");
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";

    private static void WriteIfChanged(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path) == content) return;
        File.WriteAllText(path, content, new UTF8Encoding(false));
    }
}
