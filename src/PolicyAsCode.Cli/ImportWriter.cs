using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyAsCode.Cli;

/// <summary>
/// Writes C# DSL source for policy documents (<c>pac import</c>): typed actions, ARN builders, condition keys and
/// principals where the catalogue has them, string literals where it does not, formatted as hand-written declarations.
/// </summary>
internal sealed partial class ImportWriter
{
    private const int LineWidth = 120;
    private const string Indent = "    ";

    private readonly ImportCatalogue _catalogue;
    private readonly List<ImportProblem> _problems = [];
    private readonly Dictionary<string, string> _declaredMembers = new(StringComparer.Ordinal);
    private readonly Dictionary<(ImportInput, string), string> _inlineMembers = [];
    private bool _usesSystem;

    public ImportWriter(ImportCatalogue catalogue) => _catalogue = catalogue;

    /// <summary>The errors and notes of the last <see cref="Write"/>.</summary>
    public IReadOnlyList<ImportProblem> Problems => _problems;

    /// <summary>One C# file declaring every input in a static partial class.</summary>
    public string Write(IReadOnlyList<ImportInput> inputs, string? ns, string className)
    {
        _problems.Clear();
        _usesSystem = false;
        var members = new HashSet<string>(StringComparer.Ordinal) { className, "Compiled" };
        // A member named like a type the code uses (S3, Keys, Policy, Principal) would hide it inside the class.
        var reserved = new HashSet<string>(_catalogue.TypeNames, StringComparer.Ordinal) { "Policy", "Principal", "Role", "IamAction", "DateTimeOffset", "TimeSpan" };
        foreach (var type in typeof(Policy).Assembly.GetExportedTypes().Where(t => t.Namespace == "PolicyAsCode")) reserved.Add(type.Name);
        var names = new List<string>(inputs.Count);
        _declaredMembers.Clear();
        _inlineMembers.Clear();
        foreach (var input in inputs)
        {
            string suffix = input.Kind == ImportKind.Trust ? "Role" : "Policy";
            string identifier = CSharpText.Identifier(input.Name, suffix);
            if (reserved.Contains(identifier)) identifier += suffix;
            string member = Unique(identifier, members);
            names.Add(member);
            if (input.Kind == ImportKind.Identity) _declaredMembers.TryAdd(input.Name, member);
            // A role's inline policies: members of their own, without a declaration attribute, that its Inline(...) names.
            foreach (var (inlineName, _) in input.Role?.Inline ?? [])
            {
                _inlineMembers[(input, inlineName)] = Unique(member + CSharpText.Identifier(inlineName, "Inline") + "Inline", members);
            }
        }
        var body = new StringBuilder();
        for (int i = 0; i < inputs.Count; i++)
        {
            if (body.Length > 0) body.Append('\n');
            body.Append(Declaration(inputs[i], names[i]));
            foreach (var (inlineName, policy) in inputs[i].Role?.Inline ?? [])
            {
                body.Append('\n').Append(Declaration(policy, _inlineMembers[(inputs[i], inlineName)], declared: false));
            }
        }

        var sb = new StringBuilder();
        sb.Append("// Imported by pac import from ").Append(string.Join(", ", inputs.Select(i => Path.GetFileName(i.File)))).Append(".\n");
        if (_usesSystem) sb.Append("using System;\n");
        sb.Append("using PolicyAsCode;\nusing PolicyAsCode.Aws;\n\n");
        if (ns is not null) sb.Append("namespace ").Append(ns).Append(";\n\n");
        sb.Append("public static partial class ").Append(className).Append("\n{\n");
        sb.Append(body);
        sb.Append("}\n");
        return sb.ToString();
    }

    private static string Unique(string name, HashSet<string> used)
    {
        string candidate = name;
        for (int i = 2; !used.Add(candidate); i++) candidate = name + i.ToString(CultureInfo.InvariantCulture);
        return candidate;
    }

    private string Declaration(ImportInput input, string member, bool declared = true)
    {
        int start = _problems.Count;
        var file = Path.GetFileName(input.File);
        var document = input.Document;
        var lines = new List<string>();
        if (document.Version != PolicyDocument.Version2012)
        {
            Error(input, "$.Version", document.Version is null
                ? "the document has no Version; the DSL writes \"2012-10-17\", which turns on policy variables"
                : $"the Version is \"{document.Version}\"; the DSL writes \"2012-10-17\", which turns on policy variables");
        }
        if (document.Id is not null && input.Kind == ImportKind.Trust) Error(input, "$.Id", $"the policy Id \"{document.Id}\" cannot be declared in the DSL: a role's trust policy has no Id(...)");
        if (document.Id is not null && input.Kind is ImportKind.ServiceControl or ImportKind.ResourceControl)
        {
            Error(input, "$.Id", $"the policy Id \"{document.Id}\" cannot be declared: AWS's SCP and RCP grammar has no Id element");
        }

        string head;
        string attribute;
        string type;
        switch (input.Kind)
        {
            case ImportKind.Resource:
                attribute = $"[ResourcePolicy({CSharpText.String(input.Name)})]";
                type = "ResourcePolicy";
                head = "Policy.Resource()";
                for (int i = 0; i < document.Statements.Count; i++) ResourceStatement(input, document.Statements[i], $"$.Statement[{i}]", lines);
                break;
            case ImportKind.Trust:
                attribute = $"[Role({CSharpText.String(input.Name)})]";
                type = "Role";
                head = "Role.Define()";
                for (int i = 0; i < document.Statements.Count; i++) TrustStatement(input, document.Statements[i], $"$.Statement[{i}]", lines);
                if (input.Role is { } role) RoleSettings(input, role, lines);
                break;
            case ImportKind.ServiceControl:
                attribute = $"[ServiceControlPolicy({CSharpText.String(input.Name)})]";
                type = "ServiceControlPolicy";
                head = "Policy.ServiceControl()";
                for (int i = 0; i < document.Statements.Count; i++) IdentityStatement(input, document.Statements[i], $"$.Statement[{i}]", lines);
                break;
            case ImportKind.ResourceControl:
                attribute = $"[ResourceControlPolicy({CSharpText.String(input.Name)})]";
                type = "ResourceControlPolicy";
                head = "Policy.ResourceControl()";
                for (int i = 0; i < document.Statements.Count; i++) ResourceControlStatement(input, document.Statements[i], $"$.Statement[{i}]", lines);
                break;
            default:
                attribute = input.Description is { } description
                    ? $"[ManagedPolicy({CSharpText.String(input.Name)}, Description = {CSharpText.String(description)})]"
                    : $"[ManagedPolicy({CSharpText.String(input.Name)})]";
                type = "IdentityPolicy";
                head = "Policy.Identity()";
                for (int i = 0; i < document.Statements.Count; i++) IdentityStatement(input, document.Statements[i], $"$.Statement[{i}]", lines);
                break;
        }

        if (document.Id is { } id && input.Kind is ImportKind.Identity or ImportKind.Resource) head += $".Id({CSharpText.String(id)})";

        var sb = new StringBuilder();
        sb.Append(Indent).Append("/// <summary>Imported from <c>").Append(Xml(file)).Append("</c>.</summary>\n");
        foreach (var problem in _problems.Skip(start).Where(p => p.IsError))
        {
            sb.Append("#error pac import: ").Append(file).Append(' ').Append(problem.Path).Append(": ").Append(problem.Message.Replace('\n', ' ')).Append('\n');
        }
        if (declared) sb.Append(Indent).Append(attribute).Append('\n');
        sb.Append(Indent).Append(declared ? "public static " : "private static ").Append(type).Append(' ').Append(member).Append(" => ").Append(head);
        // The expression ends on its last line of code; statements left out follow as comments.
        int lastCode = lines.FindLastIndex(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal));
        if (lastCode < 0) sb.Append(';');
        sb.Append('\n');
        for (int i = 0; i < lines.Count; i++) sb.Append(lines[i]).Append(i == lastCode ? ";\n" : "\n");
        return sb.ToString();
    }

    // ---- statements ----

    /// <summary>A statement of an identity-based policy, or of a service control policy (the same chain, no principals).</summary>
    private void IdentityStatement(ImportInput input, Statement statement, string path, List<string> lines)
    {
        bool scp = input.Kind == ImportKind.ServiceControl;
        if (statement.Principal is { } principal)
        {
            Skip(input, statement, $"{path}.{principal.ElementName}", scp
                ? "a service control policy names no principals (it applies to the principals of the accounts it is attached to)"
                : "an identity-based policy names no principals; import the file with --kind resource if it is a resource-based policy", lines);
            return;
        }
        if (statement.Resource is null)
        {
            Skip(input, statement, path, $"the statement has no Resource; the DSL's {(scp ? "SCP" : "identity-based")} statements always say what they apply to (On, OnAll, OnAllExcept)", lines);
            return;
        }
        string effect = statement.Effect == Effect.Allow ? "Allow" : "Deny";
        string start = statement.Action.IsNot ? $".{effect}().AllExcept" : $".{effect}";
        var chain = new List<string>();
        var call = Call(Indent + Indent, start, Actions(statement.Action.Values));
        Resources(statement.Resource, call);
        chain.AddRange(call);
        Tail(input, statement, path, chain);
        lines.AddRange(chain);
    }

    private void ResourceStatement(ImportInput input, Statement statement, string path, List<string> lines)
    {
        if (statement.Principal is not { } principal)
        {
            Skip(input, statement, path, "a resource-based statement needs a Principal (For(...))", lines);
            return;
        }
        if (statement.Resource is null)
        {
            Skip(input, statement, path, "the statement has no Resource; the DSL's resource-based statements always say what they apply to (On, OnAll, OnAllExcept)", lines);
            return;
        }
        var principals = Principals(input, principal, $"{path}.{principal.ElementName}");
        if (principals is null)
        {
            Skip(input, statement, $"{path}.{principal.ElementName}", null, lines);
            return;
        }
        string effect = statement.Effect == Effect.Allow ? "Allow" : "Deny";
        var call = Call(Indent + Indent, statement.Action.IsNot ? $".{effect}().AllExcept" : "." + effect, Actions(statement.Action.Values));
        Append(call, principal.IsNot ? ".ForAllExcept" : ".For", principals);
        Resources(statement.Resource, call);
        Tail(input, statement, path, call);
        lines.AddRange(call);
    }

    /// <summary>
    /// A statement of a resource control policy: AWS Organizations' RCP grammar allows only Deny (Allow is reserved to
    /// AWS's RCPFullAWSAccess, <c>ResourceControlPolicy.FullAwsAccess</c>), with Principal "*" and Action (no NotAction).
    /// </summary>
    private void ResourceControlStatement(ImportInput input, Statement statement, string path, List<string> lines)
    {
        string? problem = null;
        string at = path;
        if (statement.Effect != Effect.Deny)
        {
            problem = "a resource control policy only denies: Allow is reserved to AWS's RCPFullAWSAccess (ResourceControlPolicy.FullAwsAccess), which AWS attaches itself";
            at = $"{path}.Effect";
        }
        else if (statement.Principal is not { } principal || principal.IsNot || !(principal.IsWildcard || principal.Ids.All(id => id.Type == PrincipalType.Aws && id.Value == "*")))
        {
            problem = "an RCP statement's principal is always \"*\" (Principal.Everyone); the DSL writes it for every statement";
            at = statement.Principal is { } p ? $"{path}.{p.ElementName}" : path;
        }
        else if (statement.Action.IsNot)
        {
            problem = "AWS's RCP grammar has no NotAction";
            at = $"{path}.NotAction";
        }
        else if (statement.Resource is null)
        {
            problem = "the statement has no Resource; the DSL's RCP statements always say what they apply to (On, OnAll, OnAllExcept)";
        }
        if (problem is not null)
        {
            Skip(input, statement, at, problem, lines);
            return;
        }
        if (!statement.Principal!.IsWildcard) Note(input, $"{path}.Principal", "{\"AWS\": \"*\"} is written \"*\", as the DSL writes every RCP statement's principal: the same callers");
        var call = Call(Indent + Indent, ".Deny", Actions(statement.Action.Values));
        Resources(statement.Resource!, call);
        Tail(input, statement, path, call);
        lines.AddRange(call);
    }

    private void Tail(ImportInput input, Statement statement, string path, List<string> chain)
    {
        if (!statement.Conditions.IsEmpty)
        {
            var conditions = new List<string>();
            foreach (var condition in statement.Conditions)
            {
                var written = Condition(input, condition, $"{path}.Condition.{condition.Operator.Name}.{condition.Key}");
                if (written is null)
                {
                    // Without this condition the statement would grant more (or deny more) than the file: not imported.
                    chain.Clear();
                    Skip(input, statement, path, null, chain);
                    return;
                }
                conditions.Add(written);
            }
            chain.AddRange(Call(Indent + Indent + Indent, ".When", conditions));
        }
        if (statement.Sid is { } sid)
        {
            if (sid.Length == 0)
            {
                Error(input, $"{path}.Sid", "an empty Sid cannot be declared (Named needs a statement id)");
                chain.Clear();
                Skip(input, statement, path, null, chain);
                return;
            }
            chain.Add($"{Indent}{Indent}{Indent}.Named({CSharpText.String(sid)})");
        }
    }

    /// <summary>A statement left out, as a comment with its JSON; <paramref name="problem"/> (when not already reported) is an error.</summary>
    private void Skip(ImportInput input, Statement statement, string path, string? problem, List<string> lines)
    {
        if (problem is not null) Error(input, path, problem);
        string json = Json.PolicyJson.Write(new PolicyDocument(PolicyDocument.Version2012, null, EquatableArray.Create(statement)), indented: false);
        lines.Add($"{Indent}{Indent}// not imported ({path}, see the #error above): {json}");
    }

    // ---- elements ----

    private List<string> Actions(EquatableArray<string> actions)
    {
        var written = new List<string>();
        foreach (var action in actions)
        {
            if (action == "*") written.Add("IamAction.All");
            else if (_catalogue.Action(action) is { } typed) written.Add(typed);
            else written.Add(CSharpText.String(action));
        }
        return written;
    }

    private void Resources(ResourceElement resource, List<string> call)
    {
        if (!resource.IsNot && resource.Values.Count == 1 && resource.Values[0] == "*")
        {
            Append(call, ".OnAll", []);
            return;
        }
        var arns = resource.Values.Select(value => _catalogue.ArnBuilder(value) ?? CSharpText.String(value)).ToList();
        Append(call, resource.IsNot ? ".OnAllExcept" : ".On", arns);
    }

    private List<string>? Principals(ImportInput input, PrincipalElement element, string path)
    {
        if (element.IsWildcard) return ["Principal.Everyone"];
        var written = new List<string>();
        foreach (var id in element.Ids)
        {
            if (id.Type == PrincipalType.Federated) written.Add($"Principal.WebIdentity.Provider({CSharpText.String(id.Value)})");
            else if (PrincipalExpression(input, id, path) is { } text) written.Add(text);
            else return null;
        }
        return written;
    }

    private string? PrincipalExpression(ImportInput input, PrincipalId id, string path)
    {
        switch (id.Type)
        {
            case PrincipalType.Service:
                if (id.Value.Contains('.', StringComparison.Ordinal)) return $"Principal.Service({CSharpText.String(id.Value)})";
                Error(input, path, $"\"{id.Value}\" is not a service principal (they look like lambda.amazonaws.com)");
                return null;
            case PrincipalType.Aws:
                if (Regex.Match(id.Value, @"^arn:aws:iam::(\d{12}):root$") is { Success: true } root)
                {
                    return $"Principal.Account({CSharpText.String(root.Groups[1].Value)})";
                }
                if (Regex.Match(id.Value, @"^arn:aws:iam::(\d{12}):(role|user)/([^/*?$]+)$") is { Success: true } named)
                {
                    string factory = named.Groups[2].Value == "role" ? "Role" : "User";
                    return $"Principal.{factory}({CSharpText.String(named.Groups[1].Value)}, {CSharpText.String(named.Groups[3].Value)})";
                }
                return $"Principal.Arn({CSharpText.String(id.Value)})";
            default:
                Error(input, path, $"the DSL has no {PrincipalId.JsonName(id.Type)} principals");
                return null;
        }
    }

    // ---- layout ----

    private static string Join(string method, IEnumerable<string> arguments) => $"{method}({string.Join(", ", arguments)})";

    /// <summary>A call on its own line(s): the arguments wrapped at <see cref="LineWidth"/>, continuation lines indented further.</summary>
    private static List<string> Call(string indent, string method, IReadOnlyList<string> arguments)
    {
        var lines = new List<string>();
        var line = new StringBuilder(indent).Append(method).Append('(');
        string continuation = indent + Indent + Indent;
        for (int i = 0; i < arguments.Count; i++)
        {
            string piece = arguments[i] + (i < arguments.Count - 1 ? "," : ")");
            if (i > 0 && line.Length + 1 + piece.Length > LineWidth)
            {
                lines.Add(line.ToString());
                line.Clear().Append(continuation).Append(piece);
            }
            else
            {
                if (i > 0) line.Append(' ');
                line.Append(piece);
            }
        }
        if (arguments.Count == 0) line.Append(')');
        lines.Add(line.ToString());
        return lines;
    }

    /// <summary>Appends <c>.Method(args)</c> to the last line when it fits, else on a new line indented under the statement.</summary>
    private static void Append(List<string> lines, string method, IReadOnlyList<string> arguments)
    {
        string inline = Join(method, arguments);
        if (lines[^1].Length + inline.Length <= LineWidth)
        {
            lines[^1] += inline;
            return;
        }
        lines.AddRange(Call(Indent + Indent + Indent, method, arguments));
    }

    private void Error(ImportInput input, string path, string message) => _problems.Add(new ImportProblem(input.File, path, message, true));

    private void Note(ImportInput input, string path, string message) => _problems.Add(new ImportProblem(input.File, path, message, false));

    private static string Xml(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
