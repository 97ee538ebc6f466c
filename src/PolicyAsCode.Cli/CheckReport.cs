using System.Text.Json;
using PolicyAsCode.Analysis;

namespace PolicyAsCode.Cli;

/// <summary>What a property check says of one policy file (or one statement of it).</summary>
internal enum CheckOutcome
{
    Holds,
    Fails,
    Unknown,
}

/// <summary>One result of <c>pac check</c>: the file, where in it, the outcome of the property and the verdict behind it.</summary>
internal sealed record CheckResult(string File, string? Baseline, int Line, int Column, string JsonPath, CheckOutcome Outcome, string Message, Verdict Verdict);

/// <summary>
/// Collects the results of one <c>pac check</c> command and writes them as text, JSON or SARIF 2.1.0 (with the same
/// envelope as <c>pac validate</c>); its exit code is 2 for unreadable input, else 1 when a property fails, else 2 when one
/// is unknown, else 0.
/// </summary>
internal sealed class CheckReport(string check)
{
    /// <summary>Where docs/analysis.md describes the checks (the SARIF rules' help link).</summary>
    public const string HelpLink = "https://github.com/policyascode/policyascode/blob/main/docs/analysis.md";

    /// <summary>The baseline shown for a candidate file that has none (a new file); null in JSON.</summary>
    public const string NoBaseline = "none, a new file";

    private readonly List<CheckResult> _results = [];

    public string Check { get; } = check;

    public bool BadInput { get; set; }

    /// <summary>How many SMT-LIB scripts <c>--smt</c> has written.</summary>
    public int SmtScripts { get; set; }

    /// <summary>Files the check does not apply to, each with the reason (printed in text output).</summary>
    public List<string> Skipped { get; } = [];

    public IReadOnlyList<CheckResult> Results => _results;

    /// <summary>A whole-policy verdict: the property holds when the verdict holds.</summary>
    public void Add(LoadedPolicy policy, Verdict verdict, string? baseline)
    {
        var outcome = verdict.Kind switch { VerdictKind.Holds => CheckOutcome.Holds, VerdictKind.Fails => CheckOutcome.Fails, _ => CheckOutcome.Unknown };
        // A failure is shown at the statement that allows the witness; otherwise at the document.
        string path = "$";
        if (verdict.Witness is { } witness)
        {
            var explained = new PreparedPolicy(policy.Document).Explain(witness);
            if (explained.Statements.FirstOrDefault(s => s.Matched && s.Effect == Effect.Allow) is { } granting) path = $"$.Statement[{granting.Index}]";
        }
        var (line, column) = policy.Map.Find(path);
        string message = verdict.Kind == VerdictKind.Fails ? $"{verdict.Reason}; witness: {verdict.DescribeWitness()}" : verdict.Reason;
        _results.Add(new CheckResult(policy.File, baseline, line, column, path, outcome, message, verdict));
    }

    /// <summary>
    /// A statement's verdict from <see cref="PolicyAnalysis.UnusedStatements"/>: that verdict holds when the statement
    /// is unused, which is what this command reports as a failure.
    /// </summary>
    public void AddStatement(LoadedPolicy policy, int index, Verdict verdict)
    {
        var outcome = verdict.Kind switch { VerdictKind.Holds => CheckOutcome.Fails, VerdictKind.Fails => CheckOutcome.Holds, _ => CheckOutcome.Unknown };
        string path = $"$.Statement[{index}]";
        var (line, column) = policy.Map.Find(path);
        string message = outcome switch
        {
            CheckOutcome.Fails => $"unused: {verdict.Reason}",
            CheckOutcome.Holds => $"used: {verdict.Reason}: {verdict.DescribeWitness()}",
            _ => verdict.Reason,
        };
        _results.Add(new CheckResult(policy.File, null, line, column, path, outcome, message, verdict));
    }

    public int ExitCode
        => BadInput ? Pac.BadInput
            : _results.Any(r => r.Outcome == CheckOutcome.Fails) ? Pac.Findings
            : _results.Any(r => r.Outcome == CheckOutcome.Unknown) ? Pac.BadInput
            : Pac.Success;

    public int Write(string format, TextWriter output)
    {
        switch (format)
        {
            case "json": WriteJson(output); break;
            case "sarif": WriteSarif(output); break;
            default: WriteText(output); break;
        }
        return ExitCode;
    }

    private static string Name(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Holds => "holds",
        CheckOutcome.Fails => "fails",
        _ => "unknown",
    };

    private void WriteText(TextWriter output)
    {
        foreach (var skipped in Skipped) output.WriteLine(skipped);
        foreach (var r in _results)
        {
            string against = r.Baseline is null ? "" : $" (baseline: {r.Baseline})";
            output.WriteLine($"{r.File}:{r.Line}:{r.Column}: {Check} {Name(r.Outcome)}{against}: {r.Message} [{r.JsonPath}]");
        }
        int holds = _results.Count(r => r.Outcome == CheckOutcome.Holds);
        int fails = _results.Count(r => r.Outcome == CheckOutcome.Fails);
        int unknown = _results.Count - holds - fails;
        output.WriteLine($"{Check}: {holds} holds, {fails} fails, {unknown} unknown.");
    }

    private void WriteJson(TextWriter output)
    {
        FindingWriters.Write(output, writer =>
        {
            writer.WriteStartArray();
            foreach (var r in _results)
            {
                writer.WriteStartObject();
                writer.WriteString("check", Check);
                writer.WriteString("file", r.File);
                if (r.Baseline == NoBaseline) writer.WriteNull("baseline");
                else if (r.Baseline is not null) writer.WriteString("baseline", r.Baseline);
                writer.WriteNumber("line", r.Line);
                writer.WriteNumber("column", r.Column);
                writer.WriteString("path", r.JsonPath);
                writer.WriteString("outcome", Name(r.Outcome));
                writer.WriteString("reason", r.Verdict.Reason);
                if (r.Verdict.Witness is { } witness) WriteWitness(writer, "witness", witness, r.Verdict.WitnessContext, r.Verdict.PrincipalMatters);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        });
    }

    private static void WriteWitness(Utf8JsonWriter writer, string name, Request witness, IReadOnlyDictionary<string, string[]> context, bool principalMatters)
    {
        writer.WriteStartObject(name);
        if (principalMatters) writer.WriteString("principal", witness.Principal);
        writer.WriteString("action", witness.Action);
        writer.WriteString("resource", witness.Resource);
        writer.WriteStartObject("context");
        foreach (var key in context.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            writer.WriteStartArray(key);
            foreach (var value in context[key]) writer.WriteStringValue(value);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>
    /// SARIF 2.1.0: one rule (the check); a result per failing or unknown property (a holding one is no finding), with
    /// <c>kind</c> <c>fail</c> (level error) or <c>open</c> (level warning), and the witness in its properties.
    /// </summary>
    private void WriteSarif(TextWriter output)
    {
        FindingWriters.WriteSarifLog(output, HelpLink,
            writer => FindingWriters.WriteSarifRule(writer, Check, Title(Check), HelpLink, "error", "Analysis"),
            writer =>
            {
                foreach (var r in _results)
                {
                    if (r.Outcome == CheckOutcome.Holds) continue;
                    writer.WriteStartObject();
                    writer.WriteString("ruleId", Check);
                    writer.WriteNumber("ruleIndex", 0);
                    writer.WriteString("kind", r.Outcome == CheckOutcome.Fails ? "fail" : "open");
                    writer.WriteString("level", r.Outcome == CheckOutcome.Fails ? "error" : "warning");
                    writer.WriteStartObject("message");
                    writer.WriteString("text", r.Baseline is null ? r.Message : $"{r.Message} (baseline: {r.Baseline})");
                    writer.WriteEndObject();
                    FindingWriters.WriteSarifLocations(writer, r.File, r.Line, r.Column, r.JsonPath);
                    if (r.Verdict.Witness is { } witness && r.Outcome == CheckOutcome.Fails)
                    {
                        writer.WriteStartObject("properties");
                        WriteWitness(writer, "witness", witness, r.Verdict.WitnessContext, r.Verdict.PrincipalMatters);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndObject();
                }
            });
    }

    private static string Title(string check) => check switch
    {
        "no-new-access" => "The candidate policy allows a request its baseline does not.",
        "access-not-granted" => "The policy allows one of the actions on one of the resources.",
        "no-public-access" => "The policy allows an anonymous caller or a principal of an account it does not name.",
        _ => "The statement changes no decision: removing it is safe.",
    };
}
