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
            writer.WriteString("informationUri", PolicyRule.HelpLinkBase);
            writer.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                writer.WriteStartObject();
                writer.WriteString("id", rule.Id);
                writer.WriteStartObject("shortDescription");
                writer.WriteString("text", rule.Title);
                writer.WriteEndObject();
                writer.WriteString("helpUri", rule.HelpLink);
                writer.WriteStartObject("defaultConfiguration");
                writer.WriteString("level", Level(rule.DefaultSeverity));
                writer.WriteEndObject();
                writer.WriteStartObject("properties");
                writer.WriteString("category", rule.Category);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartArray("results");
            foreach (var result in results)
            {
                string uri = result.File.Replace('\\', '/');
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
                    writer.WriteStartArray("locations");
                    writer.WriteStartObject();
                    writer.WriteStartObject("physicalLocation");
                    writer.WriteStartObject("artifactLocation");
                    writer.WriteString("uri", uri);
                    writer.WriteEndObject();
                    writer.WriteStartObject("region");
                    writer.WriteNumber("startLine", line);
                    writer.WriteNumber("startColumn", column);
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                    writer.WriteStartArray("logicalLocations");
                    writer.WriteStartObject();
                    writer.WriteString("fullyQualifiedName", finding.Location.JsonPath);
                    writer.WriteString("kind", "element");
                    writer.WriteEndObject();
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static int IndexOf(IReadOnlyList<PolicyRule> rules, PolicyRule rule)
    {
        for (int i = 0; i < rules.Count; i++)
        {
            if (ReferenceEquals(rules[i], rule)) return i;
        }
        return -1;
    }

    private static void Write(TextWriter output, Action<Utf8JsonWriter> write)
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
