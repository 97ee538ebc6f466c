using System.CommandLine;
using PolicyAsCode.Catalogue;
using PolicyAsCode.Json;
using PolicyAsCode.Rules;

namespace PolicyAsCode.Cli;

/// <summary><c>pac validate</c>: runs the rule engine over policy files and reports findings as text, JSON or SARIF.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Policy JSON files, or folders to search for *.json files (a build's iam/ folder: its manifest.json gives each file's kind and is not checked).", Arity = ArgumentArity.OneOrMore };
        var kind = new Option<string?>("--kind", "-k")
        {
            Description = "What the policies are: identity, resource, trust, scp, rcp, boundary or session. Default: from manifest.json in a build's iam/ folder, else trust for *.trust.json files and identity otherwise.",
        };
        kind.AcceptOnlyFromAmong("identity", "resource", "trust", "scp", "rcp", "boundary", "session");
        var inline = new Option<string?>("--inline") { Description = "Identity policies are inline policies of a user, group or role (sets the size quota)." };
        inline.AcceptOnlyFromAmong("user", "group", "role");
        var format = new Option<string>("--format", "-f") { Description = "Output: text, json or sarif.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var command = new Command("validate", "Check policies against AWS's grammar, the service catalogue and security rules.") { paths, kind, inline, format };
        command.SetAction(parseResult => Run(parseResult.GetValue(paths)!, parseResult.GetValue(kind), parseResult.GetValue(inline),
            parseResult.GetValue(format)!, stdout, stderr));
        return command;
    }

    private static int Run(string[] paths, string? kindName, string? inline, string format, TextWriter stdout, TextWriter stderr)
    {
        var files = BuildOutputFolder.Expand(paths, stderr, out bool expanded);
        int exit = expanded ? Pac.Success : Pac.BadInput;

        var results = new List<FileFindings>();
        var container = inline switch
        {
            "user" => PolicyContainer.UserInline,
            "group" => PolicyContainer.GroupInline,
            "role" => PolicyContainer.RoleInline,
            _ => PolicyContainer.Managed,
        };
        foreach (var (file, fileKind, fileContainer) in files)
        {
            var kind = kindName is not null ? ParseKind(kindName) : fileKind ?? KindFromFileName(file);
            if (!PolicyFiles.TryReadWithMap(file, stderr, out var document, out var map))
            {
                exit = Pac.BadInput;
                continue;
            }
            var options = new ValidationOptions(kind) { Container = inline is null ? fileContainer ?? container : container, Catalogue = ServiceCatalogue.Default };
            var findings = PolicyValidator.Validate(document!, options);
            results.Add(new FileFindings(file, kind, findings, map!));
        }

        switch (format)
        {
            case "json": FindingWriters.WriteJson(results, stdout); break;
            case "sarif": FindingWriters.WriteSarif(results, stdout); break;
            default: FindingWriters.WriteText(results, stdout); break;
        }
        bool anyError = results.Any(r => r.Findings.Any(f => f.Severity == FindingSeverity.Error));
        return exit != Pac.Success ? exit : anyError ? Pac.Findings : Pac.Success;
    }

    internal static PolicyKind KindFromFileName(string file)
        => file.EndsWith(".trust.json", StringComparison.OrdinalIgnoreCase) ? PolicyKind.Trust : PolicyKind.Identity;

    internal static PolicyKind ParseKind(string name) => name switch
    {
        "resource" => PolicyKind.Resource,
        "trust" => PolicyKind.Trust,
        "scp" => PolicyKind.ServiceControlPolicy,
        "rcp" => PolicyKind.ResourceControlPolicy,
        "boundary" => PolicyKind.PermissionsBoundary,
        "session" => PolicyKind.SessionPolicy,
        _ => PolicyKind.Identity,
    };
}

/// <summary>The findings of one file, with the positions of its elements.</summary>
internal sealed record FileFindings(string File, PolicyKind Kind, IReadOnlyList<Finding> Findings, PolicySourceMap Map);
