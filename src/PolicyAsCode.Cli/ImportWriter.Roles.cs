using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyAsCode.Cli;

// Roles: a trust policy's statements as TrustedBy(...) principals, and the rest of a role from a build's manifest.
internal sealed partial class ImportWriter
{
    /// <summary>
    /// The rest of a role from its build's manifest (docs/formats/manifest.md): attached policies (declared ones by their
    /// imported member, AWS managed ones by their typed member, others by ARN), inline policies, boundary, maximum
    /// session, path and description, in the order the DSL writes them.
    /// </summary>
    private void RoleSettings(ImportInput input, ImportRole role, List<string> lines)
    {
        string indent = Indent + Indent;
        var manifest = role.Manifest;
        foreach (var (name, file, arn) in manifest.Attached)
        {
            if (file is not null)
            {
                if (_declaredMembers.TryGetValue(name, out var member)) lines.AddRange(Call(indent, ".Attach", [member]));
                else Error(input, "manifest.json", $"the role attaches the declared policy {name}, which is not imported with it");
            }
            else if (arn is not null)
            {
                lines.AddRange(_catalogue.AwsManagedPolicy(arn) is { } typed ? Call(indent, ".Attach", [typed]) : Call(indent, ".AttachArn", [CSharpText.String(arn)]));
            }
        }
        foreach (var (name, _) in role.Inline)
        {
            lines.AddRange(Call(indent, ".Inline", [CSharpText.String(name), _inlineMembers[(input, name)]]));
        }
        if (manifest.Boundary is { } boundary)
        {
            if (boundary.IndexOf(':') >= 0)
            {
                lines.AddRange(_catalogue.AwsManagedPolicy(boundary) is { } typed ? Call(indent, ".PermissionsBoundary", [typed]) : Call(indent, ".PermissionsBoundaryArn", [CSharpText.String(boundary)]));
            }
            else if (_declaredMembers.TryGetValue(boundary, out var member))
            {
                lines.AddRange(Call(indent, ".PermissionsBoundary", [member]));
            }
            else
            {
                Error(input, "manifest.json", $"the role's permissions boundary is the declared policy {boundary}, which is not imported with it");
            }
        }
        if (manifest.MaxSessionSeconds is { } seconds)
        {
            _usesSystem = true;
            lines.AddRange(Call(indent, ".MaxSession", [seconds % 3600 == 0
                ? $"TimeSpan.FromHours({(seconds / 3600).ToString(CultureInfo.InvariantCulture)})"
                : $"TimeSpan.FromSeconds({seconds.ToString(CultureInfo.InvariantCulture)})"]));
        }
        if (manifest.RolePath is { } rolePath && rolePath != "/") lines.AddRange(Call(indent, ".Path", [CSharpText.String(rolePath)]));
        if (manifest.Description is { } description) lines.AddRange(Call(indent, ".Description", [CSharpText.String(description)]));
    }

    private void TrustStatement(ImportInput input, Statement statement, string path, List<string> lines)
    {
        string? problem = null;
        if (statement.Effect != Effect.Allow) problem = "a role's trust policy in the DSL only allows (TrustedBy); a Deny statement cannot be declared";
        else if (statement.Principal is not { } principal) problem = "a trust statement needs a Principal";
        else if (principal.IsNot) problem = "NotPrincipal cannot be declared in a role's trust policy";
        else if (statement.Resource is not null) problem = $"a trust policy has no {statement.Resource.ElementName} (the resource is the role)";
        else if (statement.Action.IsNot) problem = "NotAction cannot be declared in a role's trust policy";
        if (problem is not null)
        {
            Skip(input, statement, path, problem, lines);
            return;
        }
        var element = statement.Principal!;
        var ids = element.IsWildcard ? [null] : element.Ids.Select(id => (PrincipalId?)id).ToList();
        if (ids.Count > 1) Note(input, $"{path}.Principal", "the statement's principals become one TrustedBy(...) statement each, with the same action and conditions: the same decisions");
        if (statement.Sid is { } sid) Note(input, $"{path}.Sid", $"the Sid \"{sid}\" is dropped: a role's trust statements have no Named(...) in the DSL");
        var principals = new List<string>();
        foreach (var id in ids)
        {
            var trusted = TrustedPrincipal(input, id, statement, path);
            if (trusted is null)
            {
                Skip(input, statement, path, null, lines);
                return;
            }
            principals.Add(trusted);
        }
        foreach (var trusted in principals) lines.AddRange(Call(Indent + Indent, ".TrustedBy", [trusted]));
    }

    /// <summary>One principal of a trust statement with its conditions, or null after reporting why it cannot be declared.</summary>
    private string? TrustedPrincipal(ImportInput input, PrincipalId? id, Statement statement, string path)
    {
        var conditions = statement.Conditions.ToList();
        string expected;
        string principal;
        if (id is null)
        {
            principal = "Principal.Everyone";
            expected = "sts:AssumeRole";
        }
        else if (id.Type == PrincipalType.Federated && Regex.Match(id.Value, @"^arn:aws:iam::(\d{12}):saml-provider/([^/]+)$") is { Success: true } saml)
        {
            expected = "sts:AssumeRoleWithSAML";
            // Principal.Saml adds the audience condition AWS's console writes; without it the trust cannot be declared so.
            int audience = conditions.FindIndex(c => c.Operator.Name == "StringEquals" && c.Key == "SAML:aud" && c.Values.Count == 1 && c.Values[0] == "https://signin.aws.amazon.com/saml");
            if (audience < 0)
            {
                Error(input, $"{path}.Condition", "a SAML trust in the DSL (Principal.Saml) always requires StringEquals SAML:aud https://signin.aws.amazon.com/saml; this statement does not");
                return null;
            }
            conditions.RemoveAt(audience);
            principal = $"Principal.Saml({CSharpText.String(saml.Groups[1].Value)}, {CSharpText.String(saml.Groups[2].Value)})";
        }
        else if (id.Type == PrincipalType.Federated)
        {
            expected = "sts:AssumeRoleWithWebIdentity";
            var arguments = new List<string> { CSharpText.String(id.Value) };
            foreach (var condition in conditions)
            {
                if (Condition(input, condition, $"{path}.Condition.{condition.Operator.Name}.{condition.Key}") is not { } written) return null;
                arguments.Add(written);
            }
            conditions.Clear();
            principal = Join("Principal.WebIdentity.Provider", arguments);
            // A provider with its conditions is long: one argument a line, under the TrustedBy.
            if (principal.Length + 20 > LineWidth) principal = $"Principal.WebIdentity.Provider({string.Join(",\n" + Indent + Indent + Indent + Indent, arguments)})";
        }
        else if (PrincipalExpression(input, id, $"{path}.Principal") is { } written)
        {
            principal = written;
            expected = "sts:AssumeRole";
        }
        else
        {
            return null;
        }

        if (statement.Action.Values.Count != 1 || !string.Equals(statement.Action.Values[0], expected, StringComparison.OrdinalIgnoreCase))
        {
            Error(input, $"{path}.Action", $"the DSL's TrustedBy({principal}) allows exactly {expected}; this statement allows {string.Join(", ", statement.Action.Values)}");
            return null;
        }
        if (statement.Action.Values[0] != expected) Note(input, $"{path}.Action", $"written {expected} (actions are case-insensitive)");

        bool mfa = conditions.Count > 0 && conditions[^1] is { Operator.Name: "Bool", Key: "aws:MultiFactorAuthPresent" } last && last.Values.Count == 1 && last.Values[0] == "true";
        if (mfa) conditions.RemoveAt(conditions.Count - 1);
        var written2 = new List<string>();
        foreach (var condition in conditions)
        {
            if (Condition(input, condition, $"{path}.Condition.{condition.Operator.Name}.{condition.Key}") is not { } text) return null;
            written2.Add(text);
        }
        if (written2.Count > 0) principal = Join(principal + ".When", written2);
        if (mfa) principal += ".WithMfa()";
        return principal;
    }
}
