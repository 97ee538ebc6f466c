using System.Text.Json;

namespace PolicyAsCode.Tests.CompiledEvaluator;

/// <summary>
/// Reads policy JSON into the model without <see cref="Json.PolicyJson"/>'s checks, so hand-written policies can hold what
/// the strict reader refuses but the model (and so the emitter) can be given: actions without a service prefix, resources
/// that are not ARNs, empty strings.
/// </summary>
internal static class LenientPolicyReader
{
    public static PolicyDocument Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        string? version = root.TryGetProperty("Version", out var v) ? v.GetString() : null;
        var statements = root.GetProperty("Statement");
        var list = statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().Select(ReadStatement).ToArray() : [ReadStatement(statements)];
        return new PolicyDocument(version, null, EquatableArray.Create(list));
    }

    private static Statement ReadStatement(JsonElement element)
    {
        var effect = element.GetProperty("Effect").GetString() == "Deny" ? Effect.Deny : Effect.Allow;
        bool notAction = element.TryGetProperty("NotAction", out var actions);
        if (!notAction) actions = element.GetProperty("Action");
        ResourceElement? resource = null;
        if (element.TryGetProperty("Resource", out var r)) resource = new ResourceElement(false, Strings(r));
        else if (element.TryGetProperty("NotResource", out r)) resource = new ResourceElement(true, Strings(r));
        PrincipalElement? principal = null;
        if (element.TryGetProperty("Principal", out var p)) principal = ReadPrincipal(p, false);
        else if (element.TryGetProperty("NotPrincipal", out p)) principal = ReadPrincipal(p, true);
        var conditions = new List<Condition>();
        if (element.TryGetProperty("Condition", out var c))
        {
            foreach (var op in c.EnumerateObject())
            {
                foreach (var key in op.Value.EnumerateObject())
                {
                    conditions.Add(new Condition(ConditionOperator.Parse(op.Name), key.Name, Strings(key.Value)));
                }
            }
        }
        return new Statement(effect, new ActionElement(notAction, Strings(actions)))
        {
            Sid = element.TryGetProperty("Sid", out var sid) ? sid.GetString() : null,
            Resource = resource,
            Principal = principal,
            Conditions = EquatableArray.Create(conditions.ToArray()),
        };
    }

    private static PrincipalElement ReadPrincipal(JsonElement element, bool isNot)
    {
        if (element.ValueKind == JsonValueKind.String) return new PrincipalElement(isNot, true, default);
        var ids = new List<PrincipalId>();
        foreach (var type in element.EnumerateObject())
        {
            if (!PrincipalId.TryParseType(type.Name, out var principalType)) throw new FormatException(type.Name);
            ids.AddRange(Strings(type.Value).Select(value => new PrincipalId(principalType, value)));
        }
        return new PrincipalElement(isNot, false, EquatableArray.Create(ids.ToArray()));
    }

    private static EquatableArray<string> Strings(JsonElement element) => element.ValueKind == JsonValueKind.Array
        ? EquatableArray.Create(element.EnumerateArray().Select(e => e.GetString()!).ToArray())
        : EquatableArray.Create(element.GetString()!);
}
