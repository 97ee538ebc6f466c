using System.CommandLine;
using System.Text;
using PolicyAsCode.Rules;

namespace PolicyAsCode.Cli;

/// <summary>
/// <c>pac import</c>: writes C# DSL declarations for existing JSON policies, so a team can move its policies into code.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Policy JSON files, or folders to search for *.json files (a build's iam/ folder: kinds from its manifest.json).",
            Arity = ArgumentArity.OneOrMore,
        };
        var ns = new Option<string?>("--namespace", "-n") { Description = "The namespace of the generated class (default: none)." };
        var className = new Option<string>("--class", "-c") { Description = "The static partial class that holds the declarations.", DefaultValueFactory = _ => "ImportedPolicies" };
        var kind = new Option<string?>("--kind", "-k")
        {
            Description = "What the files are: identity ([ManagedPolicy]), resource ([ResourcePolicy]), trust ([Role]), scp or rcp. Default: from a build's manifest.json, else trust for *.trust.json and identity otherwise.",
        };
        kind.AcceptOnlyFromAmong("identity", "resource", "trust", "scp", "rcp");
        var output = new Option<string?>("--output", "-o") { Description = "Write the C# to this file instead of standard output." };
        var command = new Command("import", "Write C# DSL declarations for JSON policies: typed actions, ARN builders, condition keys and principals.")
        {
            paths, ns, className, kind, output,
        };
        command.SetAction(parseResult => Run(parseResult.GetValue(paths)!, parseResult.GetValue(ns), parseResult.GetValue(className)!,
            parseResult.GetValue(kind), parseResult.GetValue(output), stdout, stderr));
        return command;
    }

    private static int Run(string[] paths, string? ns, string className, string? kindName, string? output, TextWriter stdout, TextWriter stderr)
    {
        if (ns is not null && !CSharpText.IsDottedName(ns))
        {
            stderr.WriteLine($"pac import: '{ns}' is not a C# namespace name");
            return Pac.BadInput;
        }
        if (!CSharpText.IsIdentifier(className))
        {
            stderr.WriteLine($"pac import: '{className}' is not a C# class name");
            return Pac.BadInput;
        }
        if (ImportCatalogue.Default.TypeNames.Contains(className) || typeof(Policy).Assembly.GetExportedTypes().Any(t => t.Namespace == "PolicyAsCode" && t.Name == className))
        {
            stderr.WriteLine($"pac import: a class named {className} would hide the type {className} the declarations use; choose another --class");
            return Pac.BadInput;
        }
        var files = BuildOutputFolder.Expand(paths, stderr, out bool expanded);
        int exit = expanded ? Pac.Success : Pac.BadInput;
        var inputs = new List<ImportInput>();
        // A role of a build's folder is declared whole (attachments, inline policies, boundary, session settings from its
        // manifest): its inline policies become part of it, not declarations of their own.
        var roleFiles = files.Where(f => f.Role is not null && kindName is null).ToList();
        var inlineFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var roleFile in roleFiles)
        {
            string directory = Path.GetDirectoryName(roleFile.Path) ?? "";
            foreach (var (_, inline) in roleFile.Role!.Inline) inlineFiles.Add(Path.GetFullPath(Path.Combine(directory, inline)));
        }
        foreach (var policyFile in files)
        {
            var (file, fileKind, _) = policyFile;
            if (policyFile.Role is null && kindName is null && inlineFiles.Contains(Path.GetFullPath(file))) continue;
            var document = PolicyFiles.TryRead(file, stderr);
            if (document is null)
            {
                exit = Pac.BadInput;
                continue;
            }
            var kind = kindName switch
            {
                "identity" => ImportKind.Identity,
                "resource" => ImportKind.Resource,
                "trust" => ImportKind.Trust,
                "scp" => ImportKind.ServiceControl,
                "rcp" => ImportKind.ResourceControl,
                _ => fileKind switch
                {
                    PolicyKind.Resource => ImportKind.Resource,
                    PolicyKind.Trust => ImportKind.Trust,
                    PolicyKind.ServiceControlPolicy => ImportKind.ServiceControl,
                    PolicyKind.ResourceControlPolicy => ImportKind.ResourceControl,
                    _ => ValidateCommand.KindFromFileName(file) == PolicyKind.Trust ? ImportKind.Trust : ImportKind.Identity,
                },
            };
            string name = Path.GetFileName(file);
            name = name.EndsWith(".trust.json", StringComparison.OrdinalIgnoreCase) ? name[..^".trust.json".Length]
                : name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? name[..^".json".Length] : name;
            ImportRole? role = null;
            if (policyFile.Role is { } manifestRole && kind == ImportKind.Trust && kindName is null)
            {
                var inline = new List<(string Name, ImportInput Policy)>();
                foreach (var (inlineName, inlineFile) in manifestRole.Inline)
                {
                    string path = Path.Combine(Path.GetDirectoryName(file) ?? "", inlineFile);
                    if (PolicyFiles.TryRead(path, stderr) is not { } inlineDocument)
                    {
                        exit = Pac.BadInput;
                        continue;
                    }
                    inline.Add((inlineName, new ImportInput(path, inlineName, ImportKind.Identity, inlineDocument)));
                }
                role = new ImportRole(manifestRole, inline);
                name = manifestRole.Name;
            }
            inputs.Add(new ImportInput(file, name, kind, document) { Role = role, Description = kind == ImportKind.Identity ? policyFile.Description : null });
        }
        if (inputs.Count == 0) return exit == Pac.Success ? Pac.BadInput : exit;

        var writer = new ImportWriter(ImportCatalogue.Default);
        string code = writer.Write(inputs, ns, className);
        foreach (var problem in writer.Problems) stderr.WriteLine(problem.ToString());
        if (output is null)
        {
            stdout.Write(code);
        }
        else
        {
            try
            {
                File.WriteAllText(output, code, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"{output}: cannot write the file: {e.Message}");
                return Pac.BadInput;
            }
        }
        if (exit != Pac.Success) return exit;
        return writer.Problems.Any(p => p.IsError) ? Pac.Findings : Pac.Success;
    }
}
