namespace PolicyAsCode.Rules;

/// <summary>Builds <see cref="PolicyLocation"/>s with the JSON paths of the canonical layout.</summary>
internal static class Locations
{
    public static PolicyLocation Version() => new(PolicyElementKind.Version, -1, -1, -1, "$.Version");

    public static PolicyLocation Statement(int statement) => new(PolicyElementKind.Statement, statement, -1, -1, $"$.Statement[{statement}]");

    public static PolicyLocation Sid(int statement) => new(PolicyElementKind.Sid, statement, -1, -1, $"$.Statement[{statement}].Sid");

    public static PolicyLocation Effect(int statement) => new(PolicyElementKind.Effect, statement, -1, -1, $"$.Statement[{statement}].Effect");

    public static PolicyLocation PrincipalElement(int statement, PrincipalElement principal)
        => new(PolicyElementKind.Principal, statement, -1, -1, $"$.Statement[{statement}].{principal.ElementName}");

    public static PolicyLocation Principal(int statement, PrincipalElement principal, int index)
    {
        var ids = principal.Ids;
        var type = ids[index].Type;
        int count = 0, position = 0;
        for (int i = 0; i < ids.Count; i++)
        {
            if (ids[i].Type != type) continue;
            if (i < index) position++;
            count++;
        }
        string path = $"$.Statement[{statement}].{principal.ElementName}.{PrincipalId.JsonName(type)}" + (count > 1 ? $"[{position}]" : "");
        return new(PolicyElementKind.Principal, statement, index, -1, path);
    }

    public static PolicyLocation ActionElement(int statement, ActionElement action)
        => new(PolicyElementKind.Action, statement, -1, -1, $"$.Statement[{statement}].{action.ElementName}");

    public static PolicyLocation Action(int statement, ActionElement action, int index)
        => new(PolicyElementKind.Action, statement, index, -1, $"$.Statement[{statement}].{action.ElementName}" + (action.Values.Count > 1 ? $"[{index}]" : ""));

    public static PolicyLocation ResourceElement(int statement, ResourceElement resource)
        => new(PolicyElementKind.Resource, statement, -1, -1, $"$.Statement[{statement}].{resource.ElementName}");

    public static PolicyLocation Resource(int statement, ResourceElement resource, int index)
        => new(PolicyElementKind.Resource, statement, index, -1, $"$.Statement[{statement}].{resource.ElementName}" + (resource.Values.Count > 1 ? $"[{index}]" : ""));

    public static PolicyLocation ConditionOperator(int statement, Condition condition, int index)
        => new(PolicyElementKind.ConditionOperator, statement, index, -1, $"$.Statement[{statement}].Condition.{condition.Operator.Name}");

    public static PolicyLocation ConditionKey(int statement, Condition condition, int index)
        => new(PolicyElementKind.ConditionKey, statement, index, -1, $"$.Statement[{statement}].Condition.{condition.Operator.Name}.{condition.Key}");

    public static PolicyLocation ConditionValue(int statement, Condition condition, int index, int valueIndex)
        => new(PolicyElementKind.ConditionValue, statement, index, valueIndex,
            $"$.Statement[{statement}].Condition.{condition.Operator.Name}.{condition.Key}" + (condition.Values.Count > 1 ? $"[{valueIndex}]" : ""));
}
