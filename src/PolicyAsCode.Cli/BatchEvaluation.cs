using System.Text;
using System.Text.Json;
using PolicyAsCode.Json;

namespace PolicyAsCode.Cli;

/// <summary>
/// <c>pac eval --batch</c>: reads cases in the JSON Lines format of docs/formats/eval-batch.md and writes one answer per
/// case, in order. A case that cannot be read gets an error answer and the run goes on; the exit code is then 2.
/// </summary>
internal static class BatchEvaluation
{
    public static int Run(string file, bool explain, TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        TextReader reader;
        try
        {
            reader = file == "-" ? stdin : new StreamReader(file, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            stderr.WriteLine($"{file}: cannot read the file: {e.Message}");
            return Pac.BadInput;
        }
        int exit = Pac.Success;
        int lineNumber = 0;
        using (file == "-" ? null : reader)
        {
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                string answer = Answer(line, lineNumber, explain, out bool failed);
                if (failed) exit = Pac.BadInput;
                stdout.WriteLine(answer);
            }
        }
        return exit;
    }

    /// <summary>Evaluates one case line and returns its answer line.</summary>
    public static string Answer(string line, int lineNumber, bool explain, out bool failed)
    {
        string? id = null;
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new BatchCaseException("a case must be a JSON object");
            if (root.TryGetProperty("id", out var idElement) && idElement.ValueKind != JsonValueKind.Null)
            {
                id = idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : idElement.GetRawText();
            }
            var (set, request) = ReadCase(root);
            failed = false;
            if (!explain) return Write(id, Authorizer.Authorize(set, request).ToString(), null, null);
            var result = Authorizer.Explain(set, request);
            return Write(id, result.Decision.ToString(), null, result);
        }
        catch (JsonException e)
        {
            failed = true;
            return Write(id, null, $"line {lineNumber}: invalid JSON at column {(e.BytePositionInLine ?? 0) + 1}", null);
        }
        catch (BatchCaseException e)
        {
            failed = true;
            return Write(id, null, $"line {lineNumber}: {e.Message}", null);
        }
        catch (InvalidOperationException e)
        {
            // JsonDocument accepts escapes that are not valid UTF-16, such as a lone surrogate "\ud800"; reading such a
            // string (an id, action, context key or value, or a string inside a policy) throws this.
            failed = true;
            return Write(id, null, $"line {lineNumber}: a string cannot be read: {e.Message}", null);
        }
    }

    private static (PolicySet Set, Request Request) ReadCase(JsonElement root)
    {
        if (!root.TryGetProperty("identityPolicies", out var identity) || identity.ValueKind != JsonValueKind.Array)
        {
            throw new BatchCaseException("identityPolicies is required and must be an array (it may be empty)");
        }
        var set = new PolicySet
        {
            IdentityPolicies = Policies(identity, "identityPolicies"),
            ResourcePolicy = OptionalPolicy(root, "resourcePolicy"),
            PermissionsBoundary = OptionalPolicy(root, "permissionsBoundary"),
            ServiceControlPolicyLevels = OptionalLevels(root, "serviceControlPolicies"),
            ResourceControlPolicyLevels = OptionalLevels(root, "resourceControlPolicies"),
            ManagementAccount = OptionalString(root, "managementAccount", ""),
            ResourceIsAwsManagedKey = OptionalBool(root, "resourceIsAwsManagedKey"),
            SessionPolicies = OptionalPolicies(root, "sessionPolicies"),
        };
        if (!root.TryGetProperty("request", out var r) || r.ValueKind != JsonValueKind.Object)
        {
            throw new BatchCaseException("request is required and must be an object");
        }
        string action = RequiredString(r, "action");
        string resource = OptionalString(r, "resource") ?? "*";
        var context = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (r.TryGetProperty("context", out var c) && c.ValueKind != JsonValueKind.Null)
        {
            if (c.ValueKind != JsonValueKind.Object) throw new BatchCaseException("request.context must be an object");
            foreach (var property in c.EnumerateObject())
            {
                context[property.Name] = property.Value.ValueKind == JsonValueKind.Array
                    ? property.Value.EnumerateArray().Select(v => ContextValue(v, property.Name)).ToArray()
                    : [ContextValue(property.Value, property.Name)];
            }
        }
        var request = new Request(OptionalString(r, "principal"), action, resource, context, OptionalString(r, "resourceAccount"),
            OptionalString(r, "federatingUser"));
        return (set, request);
    }

    private static string ContextValue(JsonElement value, string key) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        _ => throw new BatchCaseException($"request.context.{key}: a context value must be a string, boolean, number or an array of them"),
    };

    private static PreparedPolicy? OptionalPolicy(JsonElement root, string name)
        => root.TryGetProperty(name, out var element) && element.ValueKind != JsonValueKind.Null ? Policy(element, name) : null;

    private static PreparedPolicy[] OptionalPolicies(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return [];
        if (element.ValueKind != JsonValueKind.Array) throw new BatchCaseException($"{name} must be an array of policies");
        return Policies(element, name);
    }

    /// <summary>
    /// Organization levels, root first: each element is one level, either one policy (the original form) or an array of
    /// the policies attached at that level.
    /// </summary>
    private static IReadOnlyList<PreparedPolicy>[] OptionalLevels(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return [];
        if (element.ValueKind != JsonValueKind.Array) throw new BatchCaseException($"{name} must be an array of organization levels (a policy, or an array of policies)");
        return element.EnumerateArray().Select((level, i) => level.ValueKind == JsonValueKind.Array
            ? (IReadOnlyList<PreparedPolicy>)Policies(level, $"{name}[{i}]")
            : [Policy(level, $"{name}[{i}]")]).ToArray();
    }

    private static bool OptionalBool(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return false;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new BatchCaseException($"{name} must be true or false"),
        };
    }

    private static PreparedPolicy[] Policies(JsonElement array, string name)
        => array.EnumerateArray().Select((element, i) => Policy(element, $"{name}[{i}]")).ToArray();

    private static PreparedPolicy Policy(JsonElement element, string name)
    {
        try
        {
            return new PreparedPolicy(PolicyJson.Parse(element.GetRawText()), name);
        }
        catch (PolicyParseException e)
        {
            throw new BatchCaseException($"{name}: {e.Path}: {e.Problem}");
        }
    }

    private static string RequiredString(JsonElement obj, string name)
        => OptionalString(obj, name) ?? throw new BatchCaseException($"request.{name} is required");

    private static string? OptionalString(JsonElement obj, string name, string prefix = "request.")
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString()
            : throw new BatchCaseException($"{prefix}{name} must be a string");
    }

    private static string Write(string? id, string? decision, string? error, AuthorizationResult? explanation)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            writer.WriteStartObject();
            if (id is null) writer.WriteNull("id");
            else writer.WriteString("id", id);
            if (decision is not null) writer.WriteString("decision", decision);
            if (error is not null) writer.WriteString("error", error);
            if (explanation is not null)
            {
                writer.WriteStartArray("explanation");
                foreach (var step in explanation.Steps) writer.WriteStringValue(step);
                foreach (var statement in explanation.Statements) writer.WriteStringValue(statement.ToString());
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // Answers are read by programs and people, not embedded in HTML: keep quotes and apostrophes readable.
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed class BatchCaseException(string message) : Exception(message);
}
