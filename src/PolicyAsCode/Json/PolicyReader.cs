using System.Text;
using System.Text.Json;

namespace PolicyAsCode.Json;

/// <summary>
/// The strict reader behind <see cref="PolicyJson.Parse(ReadOnlySpan{byte})"/>: a single pass over a
/// <see cref="Utf8JsonReader"/>, checking the policy grammar of the IAM User Guide ("Grammar of the IAM JSON policy
/// language") as it goes and reporting the JSON path, line and column of the first problem.
/// </summary>
internal ref struct PolicyReader
{
    private const int MaxDepth = 16;
    private static readonly string[] s_documentElements = ["Version", "Id", "Statement"];
    private static readonly string[] s_statementElements =
        ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];

    private readonly ReadOnlySpan<byte> _utf8;
    private readonly Dictionary<string, long>? _positions;
    private Utf8JsonReader _reader;

    private PolicyReader(ReadOnlySpan<byte> utf8, Dictionary<string, long>? positions)
    {
        _utf8 = utf8;
        _positions = positions;
        _reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            AllowTrailingCommas = false,
            CommentHandling = JsonCommentHandling.Disallow,
            MaxDepth = MaxDepth,
        });
    }

    /// <summary>Reads a document; when <paramref name="positions"/> is given, records where each element starts.</summary>
    public static PolicyDocument Read(ReadOnlySpan<byte> utf8, Dictionary<string, long>? positions = null)
    {
        var reader = new PolicyReader(utf8, positions);
        try
        {
            return reader.ReadDocument();
        }
        catch (JsonException e)
        {
            throw reader.FromJsonException(e);
        }
    }

    private PolicyDocument ReadDocument()
    {
        // Utf8JsonReader throws on input without a token rather than returning false, so test for it first.
        if (_utf8.Trim(" \t\r\n"u8).IsEmpty || !_reader.Read())
        {
            throw Error("the document is empty; a policy is a JSON object with Version and Statement", "$", 0);
        }
        if (_reader.TokenType != JsonTokenType.StartObject)
        {
            throw Error("a policy document must be a JSON object, e.g. {\"Version\": \"2012-10-17\", \"Statement\": [...]}", "$");
        }
        long start = _reader.TokenStartIndex;
        Record("$");
        string? version = null, id = null;
        Statement[]? statements = null;
        long[] sidPositions = [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (Next() != JsonTokenType.EndObject)
        {
            string name = PropertyName("$", seen, s_documentElements, "a policy document has the elements Version, Id and Statement");
            string path = "$." + name;
            Next();
            switch (name)
            {
                case "Version":
                    version = String(path, "Version");
                    if (version is not PolicyDocument.Version2012 and not PolicyDocument.Version2008)
                    {
                        throw Error($"Version '{version}' is not a policy language version; use \"2012-10-17\" (or the older \"2008-10-17\")", path);
                    }
                    break;
                case "Id":
                    id = String(path, "Id");
                    break;
                default:
                    (statements, sidPositions) = ReadStatements(path);
                    break;
            }
        }
        // A JSON text is exactly one value (RFC 8259, section 2); the reader stops at the document's closing brace, so
        // look past it ourselves.
        long end = _reader.TokenStartIndex + 1;
        while (end < _utf8.Length && _utf8[(int)end] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') end++;
        if (end < _utf8.Length)
        {
            throw Error("invalid JSON: there is more text after the end of the policy document; a policy is a single JSON object", "$", end);
        }
        if (statements is null)
        {
            throw Error("the document has no Statement element; a policy needs at least one statement", "$", start);
        }
        // Sids must be unique within a document (IAM JSON policy elements: Sid).
        var sids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < statements.Length; i++)
        {
            if (statements[i].Sid is { } sid && !sids.TryAdd(sid, i))
            {
                throw Error($"the Sid '{sid}' is already used by Statement[{sids[sid]}]; statement ids must be unique in a policy",
                    $"$.Statement[{i}].Sid", sidPositions[i]);
            }
        }
        return new PolicyDocument(version, id, EquatableArray<Statement>.TakeOwnership(statements));
    }

    /// <summary>The statements, and where each one's Sid (or, without one, the statement) starts, for duplicate-Sid errors.</summary>
    private (Statement[] Statements, long[] SidPositions) ReadStatements(string path)
    {
        var statements = new List<Statement>();
        var sidPositions = new List<long>();
        if (_reader.TokenType == JsonTokenType.StartObject)
        {
            Record(path);
            statements.Add(ReadStatement(path, sidPositions));
        }
        else if (_reader.TokenType == JsonTokenType.StartArray)
        {
            long arrayStart = _reader.TokenStartIndex;
            int index = 0;
            while (Next() != JsonTokenType.EndArray)
            {
                string itemPath = $"{path}[{index++}]";
                Record(itemPath);
                if (_reader.TokenType != JsonTokenType.StartObject)
                {
                    throw Error($"a statement must be a JSON object, not {Describe(_reader.TokenType)}", itemPath);
                }
                statements.Add(ReadStatement(itemPath, sidPositions));
            }
            if (statements.Count == 0)
            {
                throw Error("Statement is an empty array; a policy needs at least one statement", path, arrayStart);
            }
        }
        else
        {
            throw Error($"Statement must be a statement object or an array of them, not {Describe(_reader.TokenType)}", path);
        }
        return (statements.ToArray(), sidPositions.ToArray());
    }

    private Statement ReadStatement(string path, List<long> sidPositions)
    {
        long start = _reader.TokenStartIndex;
        long sidPosition = start;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? sid = null;
        Effect? effect = null;
        PrincipalElement? principal = null;
        ActionElement? action = null;
        ResourceElement? resource = null;
        Condition[]? conditions = null;
        while (Next() != JsonTokenType.EndObject)
        {
            string name = PropertyName(path, seen, s_statementElements,
                "a statement has the elements Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource and Condition");
            string elementPath = path + "." + name;
            long namePosition = _reader.TokenStartIndex;
            Next();
            switch (name)
            {
                case "Sid":
                    sidPosition = _reader.TokenStartIndex;
                    sid = String(elementPath, "Sid");
                    break;
                case "Effect":
                    string value = String(elementPath, "Effect");
                    effect = value switch
                    {
                        "Allow" => Effect.Allow,
                        "Deny" => Effect.Deny,
                        _ => throw Error($"Effect '{value}' is not valid; it must be \"Allow\" or \"Deny\" (case-sensitive)", elementPath),
                    };
                    break;
                case "Principal":
                case "NotPrincipal":
                    NotBoth(principal is not null, "Principal", elementPath, namePosition);
                    principal = ReadPrincipal(elementPath, name == "NotPrincipal");
                    break;
                case "Action":
                case "NotAction":
                    NotBoth(action is not null, "Action", elementPath, namePosition);
                    action = new ActionElement(name == "NotAction", ReadStrings(elementPath, name, ValidateAction));
                    break;
                case "Resource":
                case "NotResource":
                    NotBoth(resource is not null, "Resource", elementPath, namePosition);
                    resource = new ResourceElement(name == "NotResource", ReadStrings(elementPath, name, ValidateResource));
                    break;
                default:
                    conditions = ReadConditions(elementPath);
                    break;
            }
        }
        if (seen.Count == 0)
        {
            throw Error("the statement is empty; a statement needs at least Effect and Action (or NotAction)", path, start);
        }
        if (effect is null)
        {
            throw Error("the statement has no Effect; add \"Effect\": \"Allow\" or \"Effect\": \"Deny\"", path, start);
        }
        if (action is null)
        {
            throw Error("the statement has no Action or NotAction; a statement must have exactly one of them", path, start);
        }
        sidPositions.Add(sidPosition);
        return new Statement(effect.Value, action)
        {
            Sid = sid,
            Principal = principal,
            Resource = resource,
            Conditions = conditions is null ? default : EquatableArray<Condition>.TakeOwnership(conditions),
        };
    }

    /// <summary>A statement has at most one of <paramref name="element"/> and its Not form (IAM JSON policy grammar).</summary>
    private void NotBoth(bool seenOther, string element, string path, long namePosition)
    {
        if (seenOther) throw Error($"a statement cannot have both {element} and Not{element}", path, namePosition);
    }

    private PrincipalElement ReadPrincipal(string path, bool isNot)
    {
        if (_reader.TokenType == JsonTokenType.String)
        {
            string value = GetString(path);
            if (value != "*")
            {
                throw Error($"'{value}' is not a valid principal; use \"*\" for everyone or an object such as {{\"AWS\": \"{Escape(value)}\"}}", path);
            }
            return new PrincipalElement(isNot, true, default);
        }
        if (_reader.TokenType != JsonTokenType.StartObject)
        {
            throw Error($"{Last(path)} must be \"*\" or an object with AWS, Service, Federated or CanonicalUser, not {Describe(_reader.TokenType)}", path);
        }
        long start = _reader.TokenStartIndex;
        var ids = new List<PrincipalId>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string[] types = ["AWS", "CanonicalUser", "Federated", "Service"];
        while (Next() != JsonTokenType.EndObject)
        {
            string name = PropertyName(path, seen, types, "principal types are AWS, Service, Federated and CanonicalUser");
            PrincipalId.TryParseType(name, out var type);
            string typePath = path + "." + name;
            Next();
            foreach (var value in ReadStrings(typePath, name, ValidatePrincipal))
            {
                ids.Add(new PrincipalId(type, value));
            }
        }
        if (ids.Count == 0)
        {
            throw Error($"{Last(path)} is an empty object; name at least one principal (AWS, Service, Federated or CanonicalUser)", path, start);
        }
        return new PrincipalElement(isNot, false, EquatableArray<PrincipalId>.TakeOwnership(ids.ToArray()));
    }

    private Condition[] ReadConditions(string path)
    {
        if (_reader.TokenType != JsonTokenType.StartObject)
        {
            throw Error($"Condition must be an object of operators, e.g. {{\"StringEquals\": {{\"aws:username\": \"alice\"}}}}, not {Describe(_reader.TokenType)}", path);
        }
        var conditions = new List<Condition>();
        var seenOperators = new HashSet<string>(StringComparer.Ordinal);
        while (Next() != JsonTokenType.EndObject)
        {
            string opName = GetString(path);
            string opPath = path + "." + opName;
            Record(opPath);
            if (!seenOperators.Add(opName))
            {
                throw Error($"the operator '{opName}' appears twice in the same Condition; JSON keys must be unique", opPath);
            }
            if (!ConditionOperator.TryParse(opName, out var op, out var opError))
            {
                throw Error(opError!, opPath);
            }
            Next();
            if (_reader.TokenType != JsonTokenType.StartObject)
            {
                throw Error($"the operator {opName} must map condition keys to values, e.g. {{\"aws:SourceIp\": \"203.0.113.0/24\"}}, not {Describe(_reader.TokenType)}", opPath);
            }
            var seenKeys = new HashSet<string>(StringComparer.Ordinal);
            while (Next() != JsonTokenType.EndObject)
            {
                string key = GetString(opPath);
                string keyPath = opPath + "." + key;
                Record(keyPath);
                if (!seenKeys.Add(key))
                {
                    throw Error($"the condition key '{key}' appears twice under {opName}; JSON keys must be unique", keyPath);
                }
                if (key.Length == 0)
                {
                    throw Error("a condition key is empty", keyPath);
                }
                Next();
                conditions.Add(new Condition(op!, key, ReadConditionValues(keyPath)));
            }
        }
        return conditions.ToArray();
    }

    private EquatableArray<string> ReadConditionValues(string path)
    {
        if (_reader.TokenType == JsonTokenType.StartArray)
        {
            long start = _reader.TokenStartIndex;
            var values = new List<string>();
            int index = 0;
            while (Next() != JsonTokenType.EndArray)
            {
                string itemPath = $"{path}[{index++}]";
                Record(itemPath);
                values.Add(ConditionValue(itemPath));
            }
            if (values.Count == 0)
            {
                throw Error("the condition has an empty list of values; give at least one value", path, start);
            }
            return EquatableArray<string>.TakeOwnership(values.ToArray());
        }
        return EquatableArray.Create(ConditionValue(path));
    }

    private string ConditionValue(string path) => _reader.TokenType switch
    {
        JsonTokenType.String => GetString(path),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Number => Encoding.UTF8.GetString(_reader.ValueSpan),
        _ => throw Error($"a condition value must be a string, number or boolean, not {Describe(_reader.TokenType)}", path),
    };

    private delegate string? Validator(string value);

    private EquatableArray<string> ReadStrings(string path, string element, Validator validate)
    {
        if (_reader.TokenType == JsonTokenType.String)
        {
            string value = GetString(path);
            if (validate(value) is { } problem) throw Error(problem, path);
            return EquatableArray.Create(value);
        }
        if (_reader.TokenType != JsonTokenType.StartArray)
        {
            throw Error($"{element} must be a string or an array of strings, not {Describe(_reader.TokenType)}", path);
        }
        long start = _reader.TokenStartIndex;
        var values = new List<string>();
        int index = 0;
        while (Next() != JsonTokenType.EndArray)
        {
            string itemPath = $"{path}[{index++}]";
            Record(itemPath);
            if (_reader.TokenType != JsonTokenType.String)
            {
                throw Error($"{element} values must be strings, not {Describe(_reader.TokenType)}", itemPath);
            }
            string value = GetString(itemPath);
            if (validate(value) is { } problem) throw Error(problem, itemPath);
            values.Add(value);
        }
        if (values.Count == 0)
        {
            throw Error($"{element} is an empty array; list at least one value", path, start);
        }
        return EquatableArray<string>.TakeOwnership(values.ToArray());
    }

    private static string? ValidateAction(string action)
    {
        if (action == "*") return null;
        int colon = action.IndexOf(':');
        if (colon <= 0)
        {
            return $"the action '{action}' must be prefaced by a service prefix, e.g. s3:GetObject (or be \"*\")";
        }
        if (colon == action.Length - 1)
        {
            return $"the action '{action}' has no action name after the service prefix, e.g. {action}GetObject or {action}*";
        }
        return null;
    }

    private static string? ValidateResource(string resource)
    {
        if (resource == "*" || resource.StartsWith("arn:", StringComparison.Ordinal)) return null;
        return $"the resource '{resource}' must be an ARN (arn:partition:service:region:account-id:resource) or \"*\"";
    }

    private static string? ValidatePrincipal(string principal)
        => principal.Length == 0 ? "a principal value is empty" : null;

    private string String(string path, string element)
    {
        if (_reader.TokenType != JsonTokenType.String)
        {
            throw Error($"{element} must be a string, not {Describe(_reader.TokenType)}", path);
        }
        return GetString(path);
    }

    private string PropertyName(string path, HashSet<string> seen, string[] known, string hint)
    {
        string name = GetString(path);
        string namePath = path + "." + name;
        Record(namePath);
        if (!seen.Add(name))
        {
            throw Error($"the element '{name}' appears twice; JSON keys must be unique", namePath);
        }
        if (Array.IndexOf(known, name) >= 0) return name;
        foreach (var candidate in known)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                throw Error($"'{name}' is not an element; element names are case-sensitive: did you mean '{candidate}'?", namePath);
            }
        }
        throw Error($"'{name}' is not an element here; {hint}", namePath);
    }

    /// <summary>
    /// The current string token, unescaped. Utf8JsonReader checks the text of a string only when it is read, so invalid
    /// UTF-8 and unpaired surrogate escapes such as <c>\ud800</c> surface here, as InvalidOperationException.
    /// </summary>
    private string GetString(string path)
    {
        try
        {
            return _reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Error("invalid JSON: the string is not valid Unicode text (invalid UTF-8, or an unpaired surrogate escape such as \\ud800)", path);
        }
    }

    /// <summary>
    /// Records where the current token starts, under the path the rule engine uses: statements are always indexed
    /// (<c>$.Statement[0]</c>), even when the document has a single statement object.
    /// </summary>
    private void Record(string path)
    {
        if (_positions is null) return;
        if (path.StartsWith("$.Statement", StringComparison.Ordinal) && (path.Length == 11 || path[11] != '['))
        {
            path = "$.Statement[0]" + path[11..];
        }
        _positions[path] = _reader.TokenStartIndex;
    }

    private JsonTokenType Next()
    {
        if (!_reader.Read())
        {
            throw Error("the document ends too early", "$", _utf8.Length);
        }
        return _reader.TokenType;
    }

    private PolicyParseException Error(string problem, string path) => Error(problem, path, _reader.TokenStartIndex);

    private PolicyParseException Error(string problem, string path, long byteOffset)
    {
        var (line, column) = Utf8TextPosition.Of(_utf8, byteOffset);
        return new PolicyParseException(problem, path, line, column);
    }

    private PolicyParseException FromJsonException(JsonException e)
    {
        // The JSON reader knows the position of a syntax error; its message repeats it, so keep only the text.
        string message = e.Message;
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        message = message.TrimEnd(' ', '.');
        // Only the reader's depth tells a nesting error apart: the message of a truncated document ("Expected depth to
        // be zero at the end of the JSON payload") mentions depth too.
        if (_reader.CurrentDepth >= MaxDepth - 1)
        {
            message = $"the JSON is nested more than {MaxDepth} levels deep, far deeper than any policy";
        }
        int line = (int)(e.LineNumber ?? 0) + 1;
        long lineStart = Utf8TextPosition.LineStart(_utf8, line);
        int column = Utf8TextPosition.CountChars(_utf8, lineStart, lineStart + (e.BytePositionInLine ?? 0)) + 1;
        return new PolicyParseException("invalid JSON: " + message, "$", line, column);
    }

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };

    private static string Last(string path) => path[(path.LastIndexOf('.') + 1)..];

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
