using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PolicyAsCode.Rules;

namespace PolicyAsCode.Cli;

/// <summary>Writes findings as compiler-style text, JSON, or SARIF 2.1.0 (for code-scanning UIs).</summary>
internal static class FindingWriters
{
    private static readonly JsonWriterOptions s_options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteText(IReadOnlyList<FileFindings> results, TextWriter output)
    {
        int errors = 0, warnings = 0;
        foreach (var result in results)
        {
            foreach (var finding in result.Findings)
            {
                var (line, column) = result.Map.Find(finding.Location.JsonPath);
                output.WriteLine($"{result.File}:{line}:{column}: {Level(finding.Severity)} {finding.Id}: {finding.Message} [{finding.Location.JsonPath}]");
                if (finding.Severity == FindingSeverity.Error) errors++;
                else if (finding.Severity == FindingSeverity.Warning) warnings++;
            }
        }
        output.WriteLine($"{Plural(results.Count, "file")} checked: {Plural(errors, "error")}, {Plural(warnings, "warning")}.");
    }

    public static void WriteJson(IReadOnlyList<FileFindings> results, TextWriter output)
    {
        Write(output, writer =>
        {
            writer.WriteStartArray();
            foreach (var result in results)
            {
                foreach (var finding in result.Findings)
                {
                    var (line, column) = result.Map.Find(finding.Location.JsonPath);
                    writer.WriteStartObject();
                    writer.WriteString("file", result.File);
                    writer.WriteNumber("line", line);
                    writer.WriteNumber("column", column);
                    writer.WriteString("path", finding.Location.JsonPath);
                    writer.WriteString("ruleId", finding.Id);
                    writer.WriteString("severity", Level(finding.Severity));
                    writer.WriteString("message", finding.Message);
                    writer.WriteStartArray("suggestions");
                    foreach (var s in finding.Suggestions) writer.WriteStringValue(s);
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }
            }
            writer.WriteEndArray();
        });
    }

    /// <summary>SARIF 2.1.0: one run, the rules as reportingDescriptors, results with physical and logical locations.</summary>
    public static void WriteSarif(IReadOnlyList<FileFindings> results, TextWriter output)
    {
        var rules = PolicyRules.All;
        WriteSarifLog(output, PolicyRule.HelpLinkBase,
            writer =>
            {
                foreach (var rule in rules)
                {
                    WriteSarifRule(writer, rule.Id, rule.Title, rule.HelpLink, Level(rule.DefaultSeverity), rule.Category);
                }
            },
            writer =>
            {
                foreach (var result in results)
                {
                    foreach (var finding in result.Findings)
                    {
                        var (line, column) = result.Map.Find(finding.Location.JsonPath);
                        writer.WriteStartObject();
                        writer.WriteString("ruleId", finding.Id);
                        writer.WriteNumber("ruleIndex", IndexOf(rules, finding.Rule));
                        writer.WriteString("level", Level(finding.Severity));
                        writer.WriteStartObject("message");
                        writer.WriteString("text", finding.Message);
                        writer.WriteEndObject();
                        WriteSarifLocations(writer, result.File, line, column, finding.Location.JsonPath);
                        writer.WriteEndObject();
                    }
                }
            });
    }

    /// <summary>
    /// The SARIF 2.1.0 log every <c>pac</c> command writes: one run of the tool <c>pac</c>, its rules (reportingDescriptors,
    /// written by <paramref name="rules"/>) and its results (written by <paramref name="results"/>).
    /// </summary>
    internal static void WriteSarifLog(TextWriter output, string informationUri, Action<Utf8JsonWriter> rules, Action<Utf8JsonWriter> results)
    {
        Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            writer.WriteString("version", "2.1.0");
            writer.WriteStartArray("runs");
            writer.WriteStartObject();
            writer.WriteStartObject("tool");
            writer.WriteStartObject("driver");
            writer.WriteString("name", "pac");
            writer.WriteString("informationUri", informationUri);
            writer.WriteStartArray("rules");
            rules(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartArray("results");
            results(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>One reportingDescriptor: id, short description, help link, default level and category.</summary>
    internal static void WriteSarifRule(Utf8JsonWriter writer, string id, string title, string helpUri, string level, string category)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteStartObject("shortDescription");
        writer.WriteString("text", title);
        writer.WriteEndObject();
        writer.WriteString("helpUri", helpUri);
        writer.WriteStartObject("defaultConfiguration");
        writer.WriteString("level", level);
        writer.WriteEndObject();
        writer.WriteStartObject("properties");
        writer.WriteString("category", category);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>A result's <c>locations</c>: the file, line and column, and the JSON path as a logical location.</summary>
    internal static void WriteSarifLocations(Utf8JsonWriter writer, string file, int line, int column, string jsonPath)
    {
        writer.WriteStartArray("locations");
        writer.WriteStartObject();
        writer.WriteStartObject("physicalLocation");
        writer.WriteStartObject("artifactLocation");
        writer.WriteString("uri", file.Replace('\\', '/'));
        writer.WriteEndObject();
        writer.WriteStartObject("region");
        writer.WriteNumber("startLine", line);
        writer.WriteNumber("startColumn", column);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartArray("logicalLocations");
        writer.WriteStartObject();
        writer.WriteString("fullyQualifiedName", jsonPath);
        writer.WriteString("kind", "element");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static int IndexOf(IReadOnlyList<PolicyRule> rules, PolicyRule rule)
    {
        for (int i = 0; i < rules.Count; i++)
        {
            if (ReferenceEquals(rules[i], rule)) return i;
        }
        return -1;
    }

    internal static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_options)) write(writer);
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string Level(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "note",
    };

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
