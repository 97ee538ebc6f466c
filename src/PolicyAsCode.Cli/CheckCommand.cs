using System.CommandLine;
using PolicyAsCode.Analysis;
using PolicyAsCode.Json;
using PolicyAsCode.Rules;

namespace PolicyAsCode.Cli;

/// <summary>
/// <c>pac check</c>: exact properties of policies over every request (docs/analysis.md), each answered as holds, fails
/// with a witness request, or unknown with the reason. Exit 0 when every check holds, 1 when one fails, 2 for input that
/// cannot be read or a check that is unknown.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("check", "Prove properties of policies over every request: no new access, access not granted, no public access, unused statements.")
        {
            NoNewAccess(stdout, stderr),
            AccessNotGranted(stdout, stderr),
            NoPublicAccess(stdout, stderr),
            UnusedStatements(stdout, stderr),
        };
        return command;
    }

    private static Option<string> FormatOption()
    {
        var format = new Option<string>("--format", "-f") { Description = "Output: text, json or sarif.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        return format;
    }

    private static Option<bool> SmtOption()
        => new("--smt") { Description = "Write each question as SMT-LIB 2 text (satisfiable exactly when the property fails) instead of checking it, for an independent solver such as z3 or cvc5." };

    /// <summary>Writes one SMT-LIB script (scripts after the first are preceded by <c>(reset)</c>), or reports why it cannot be written.</summary>
    private static void WriteSmt(string? script, string? reason, string file, TextWriter stdout, TextWriter stderr, CheckReport report)
    {
        if (script is null)
        {
            stderr.WriteLine($"{file}: no SMT-LIB written: {reason}");
            report.BadInput = true;
            return;
        }
        if (report.SmtScripts++ > 0) stdout.WriteLine("(reset)");
        stdout.WriteLine($"; {file}");
        stdout.Write(script);
    }

    private static Command NoNewAccess(TextWriter stdout, TextWriter stderr)
    {
        var baseline = new Option<string[]>("--baseline") { Description = "The baseline: policy files or folders (a build's iam/ folder)." };
        var baselineRev = new Option<string?>("--baseline-rev") { Description = "Read each candidate file's baseline from this git revision (git show REV:path), e.g. origin/main." };
        var candidate = new Option<string[]>("--candidate") { Description = "The candidate: policy files or folders (a build's iam/ folder).", Required = true };
        var format = FormatOption();
        var smt = SmtOption();
        var command = new Command("no-new-access", "Does a candidate allow any request its baseline does not? Files are paired by name; a candidate file with no baseline allows only new access.")
        {
            baseline, baselineRev, candidate, format, smt,
        };
        command.SetAction(parseResult =>
        {
            var baselinePaths = parseResult.GetValue(baseline) ?? [];
            string? rev = parseResult.GetValue(baselineRev);
            if ((baselinePaths.Length == 0) == (rev is null))
            {
                stderr.WriteLine("pac check no-new-access: give either --baseline PATH or --baseline-rev REV.");
                return Pac.BadInput;
            }
            var report = new CheckReport("no-new-access");
            var candidates = Load(parseResult.GetValue(candidate)!, stderr, report);
            var baselines = rev is null ? Load(baselinePaths, stderr, report) : null;
            var byName = new Dictionary<string, LoadedPolicy>(StringComparer.Ordinal);
            foreach (var policy in baselines ?? [])
            {
                if (!byName.TryAdd(Path.GetFileName(policy.File), policy))
                {
                    stderr.WriteLine($"{policy.File}: the baseline has two files named {Path.GetFileName(policy.File)}; files are paired by name");
                    report.BadInput = true;
                }
            }
            foreach (var policy in candidates)
            {
                LoadedPolicy? old;
                if (rev is not null)
                {
                    if (!GitRevision.TryRead(rev, policy.File, stderr, out var text, out string? shown))
                    {
                        report.BadInput = true;
                        continue;
                    }
                    old = text is null ? null : Parse(text, shown!, policy.Kind, stderr, report);
                    if (text is not null && old is null) continue;
                }
                else if (baselines!.Count == 1 && candidates.Count == 1)
                {
                    old = baselines[0];
                }
                else
                {
                    byName.TryGetValue(Path.GetFileName(policy.File), out old);
                }
                if (parseResult.GetValue(smt))
                {
                    string? script = SmtLib.NoNewAccess(old is null ? [] : [old.Document], [policy.Document], out string? why);
                    WriteSmt(script, why, policy.File, stdout, stderr, report);
                    continue;
                }
                var verdict = PolicyAnalysis.NoNewAccess(old is null ? [] : [old.Document], [policy.Document]);
                report.Add(policy, verdict, old?.File ?? CheckReport.NoBaseline);
            }
            if (parseResult.GetValue(smt)) return report.BadInput ? Pac.BadInput : Pac.Success;
            return report.Write(parseResult.GetValue(format)!, stdout);
        });
        return command;
    }

    private static Command AccessNotGranted(TextWriter stdout, TextWriter stderr)
    {
        var policies = new Option<string[]>("--policy", "-p") { Description = "Policy files or folders (a build's iam/ folder); each file is checked on its own.", Required = true };
        var actions = new Option<string[]>("--action", "-a") { Description = "An action or action pattern (repeatable), e.g. iam:PassRole or s3:Delete*.", Required = true };
        var resources = new Option<string[]>("--resource", "-r") { Description = "A resource ARN or pattern (repeatable). Default: *." };
        var format = FormatOption();
        var smt = SmtOption();
        var command = new Command("access-not-granted", "Is any of these actions on any of these resources ever allowed?") { policies, actions, resources, format, smt };
        command.SetAction(parseResult =>
        {
            var report = new CheckReport("access-not-granted");
            var actionList = parseResult.GetValue(actions)!;
            var resourceList = parseResult.GetValue(resources) is { Length: > 0 } given ? given : ["*"];
            bool wantSmt = parseResult.GetValue(smt);
            foreach (var policy in Load(parseResult.GetValue(policies)!, stderr, report))
            {
                if (wantSmt)
                {
                    string? script = SmtLib.AccessNotGranted([policy.Document], actionList, resourceList, out string? why);
                    WriteSmt(script, why, policy.File, stdout, stderr, report);
                    continue;
                }
                report.Add(policy, PolicyAnalysis.AccessNotGranted([policy.Document], actionList, resourceList), null);
            }
            if (wantSmt) return report.BadInput ? Pac.BadInput : Pac.Success;
            return report.Write(parseResult.GetValue(format)!, stdout);
        });
        return command;
    }

    private static Command NoPublicAccess(TextWriter stdout, TextWriter stderr)
    {
        var policies = new Option<string[]>("--policy", "-p") { Description = "Resource-based or trust policy files, or folders (a build's iam/ folder: its identity-based policies are skipped).", Required = true };
        var format = FormatOption();
        var command = new Command("no-public-access", "Can an anonymous caller, or a principal of an account the policy does not name, be allowed?") { policies, format };
        command.SetAction(parseResult =>
        {
            var report = new CheckReport("no-public-access");
            foreach (var policy in Load(parseResult.GetValue(policies)!, stderr, report))
            {
                bool namesPrincipals = policy.Document.Statements.Any(s => s.Principal is not null);
                if (!namesPrincipals && policy.Kind is not (PolicyKind.Resource or PolicyKind.Trust))
                {
                    report.Skipped.Add($"{policy.File}: skipped: an identity-based policy names no principal, so public access does not apply");
                    continue;
                }
                report.Add(policy, PolicyAnalysis.NoPublicAccess(policy.Document), null);
            }
            return report.Write(parseResult.GetValue(format)!, stdout);
        });
        return command;
    }

    private static Command UnusedStatements(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Policy files or folders (a build's iam/ folder).", Arity = ArgumentArity.OneOrMore };
        var format = FormatOption();
        var command = new Command("unused-statements", "Does each statement change some decision? Fails for a statement whose removal changes none.") { paths, format };
        command.SetAction(parseResult =>
        {
            var report = new CheckReport("unused-statements");
            foreach (var policy in Load(parseResult.GetValue(paths)!, stderr, report))
            {
                var verdicts = PolicyAnalysis.UnusedStatements(policy.Document);
                for (int i = 0; i < verdicts.Count; i++) report.AddStatement(policy, i, verdicts[i]);
            }
            return report.Write(parseResult.GetValue(format)!, stdout);
        });
        return command;
    }

    /// <summary>Expands and reads the files; problems are reported and mark the report as bad input.</summary>
    private static List<LoadedPolicy> Load(IEnumerable<string> paths, TextWriter stderr, CheckReport report)
    {
        var files = BuildOutputFolder.Expand(paths, stderr, out bool ok);
        if (!ok) report.BadInput = true;
        var loaded = new List<LoadedPolicy>();
        foreach (var (file, kind, _) in files)
        {
            if (!PolicyFiles.TryReadWithMap(file, stderr, out var document, out var map))
            {
                report.BadInput = true;
                continue;
            }
            loaded.Add(new LoadedPolicy(file, kind ?? ValidateCommand.KindFromFileName(file), document!, map!));
        }
        return loaded;
    }

    private static LoadedPolicy? Parse(byte[] text, string name, PolicyKind kind, TextWriter stderr, CheckReport report)
    {
        try
        {
            var document = PolicyJson.Parse(text, out var map);
            return new LoadedPolicy(name, kind, document, map);
        }
        catch (PolicyParseException e)
        {
            stderr.WriteLine(e.ToCompilerStyle(name));
            report.BadInput = true;
            return null;
        }
    }
}

/// <summary>A policy file read for a check, with the positions of its elements.</summary>
internal sealed record LoadedPolicy(string File, PolicyKind Kind, PolicyDocument Document, PolicySourceMap Map);
