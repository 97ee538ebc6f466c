using System.Globalization;
using System.Text;

namespace PolicyAsCode.Generators;

/// <summary>
/// <c>iam/manifest.json</c>: every policy and role, with their files and attachments, for deployment tooling
/// (docs/formats/manifest.md). Written by hand with the canonical writer's string escaping: the generator has no
/// System.Text.Json.
/// </summary>
internal static class ManifestWriter
{
    public const string FileName = "manifest.json";

    public static string Write(EquatableArray<DeclarationSummary> declarations)
    {
        var sb = new StringBuilder();
        sb.Append("{\n  \"policies\": [");
        bool any = List(sb, declarations.Where(d => d.Kind != DeclarationKind.Role), "\n", ",\n", (sb, spec) =>
        {
            sb.Append("    {\"name\": ");
            CanonicalJsonWriter.AppendString(sb, spec.Name);
            sb.Append(", \"kind\": ");
            CanonicalJsonWriter.AppendString(sb, DeclarationKinds.Of(spec.Kind).ManifestKind!);
            sb.Append(", \"file\": ");
            CanonicalJsonWriter.AppendString(sb, spec.Files[0]);
            if (spec.Description is { } description)
            {
                sb.Append(", \"description\": ");
                CanonicalJsonWriter.AppendString(sb, description);
            }
            sb.Append('}');
        });
        sb.Append(any ? "\n  ],\n" : "],\n");
        sb.Append("  \"roles\": [");
        any = List(sb, declarations.Where(d => d.Role is not null), "\n", ",\n", Role);
        sb.Append(any ? "\n  ]\n}\n" : "]\n}\n");
        return sb.ToString();
    }

    private static void Role(StringBuilder sb, DeclarationSummary spec)
    {
        var role = spec.Role!;
        sb.Append("    {\"name\": ");
        CanonicalJsonWriter.AppendString(sb, spec.Name);
        sb.Append(", \"path\": ");
        CanonicalJsonWriter.AppendString(sb, role.Path ?? "/");
        if (role.Description is { } description)
        {
            sb.Append(", \"description\": ");
            CanonicalJsonWriter.AppendString(sb, description);
        }
        sb.Append(", \"trustPolicyFile\": ");
        CanonicalJsonWriter.AppendString(sb, spec.Files[0]);
        if (role.MaxSessionSeconds is { } seconds) sb.Append(", \"maxSessionDuration\": ").Append(seconds.ToString(CultureInfo.InvariantCulture));
        sb.Append(", \"attachedPolicies\": [");
        var attached = role.AttachedDeclared.Select(name => (Name: name, Key: "file", Value: name + ".json"))
            .Concat(role.Attached.Select(a => (a.Name, Key: "arn", Value: a.Arn)));
        List(sb, attached, "", ", ", (sb, a) => NameAnd(sb, a.Name, a.Key, a.Value));
        sb.Append("], \"inlinePolicies\": [");
        List(sb, role.InlineNames, "", ", ", (sb, inline) => NameAnd(sb, inline, "file", $"{spec.Name}.inline.{inline}.json"));
        sb.Append(']');
        if (role.Boundary is { } boundary)
        {
            sb.Append(", \"permissionsBoundary\": ");
            // A policy declared in the project by its name (names have no ':'), any other by its ARN.
            CanonicalJsonWriter.AppendString(sb, boundary);
        }
        sb.Append('}');
    }

    /// <summary><c>{"name": NAME, "KEY": VALUE}</c>.</summary>
    private static void NameAnd(StringBuilder sb, string name, string key, string value)
    {
        sb.Append("{\"name\": ");
        CanonicalJsonWriter.AppendString(sb, name);
        sb.Append(", \"").Append(key).Append("\": ");
        CanonicalJsonWriter.AppendString(sb, value);
        sb.Append('}');
    }

    /// <summary>Writes each item after <paramref name="first"/> or <paramref name="separator"/>; whether there was any.</summary>
    private static bool List<T>(StringBuilder sb, IEnumerable<T> items, string first, string separator, Action<StringBuilder, T> write)
    {
        bool any = false;
        foreach (var item in items)
        {
            sb.Append(any ? separator : first);
            any = true;
            write(sb, item);
        }
        return any;
    }
}
