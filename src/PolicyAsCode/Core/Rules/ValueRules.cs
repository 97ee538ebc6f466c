using PolicyAsCode.Catalogue;

namespace PolicyAsCode.Rules;

/// <summary>
/// The rules that judge one value on its own (an action, a resource ARN, a condition key), for the analyzers to check
/// constants written outside a declaration. Each runs the rule engine's own check on a one-statement policy holding the
/// value, so a value is judged exactly as it would be inside a policy.
/// </summary>
internal static class ValueRules
{
    /// <summary>PAC002, PAC003, PAC004: the service and action exist, a wildcard matches something.</summary>
    public static IReadOnlyList<Finding> Action(string action, ServiceCatalogue catalogue)
    {
        var statement = new Statement(Effect.Allow, ActionElement.Of(action));
        var context = Context(statement, catalogue);
        CatalogueRules.CheckActions(context, catalogue, statement, 0);
        return context.Findings();
    }

    /// <summary>PAC007: the resource is a well-formed ARN (or <c>*</c>).</summary>
    public static IReadOnlyList<Finding> Resource(string resource)
    {
        var statement = new Statement(Effect.Allow, ActionElement.Of("*")) { Resource = ResourceElement.Of(resource) };
        var context = Context(statement, null);
        GrammarRules.CheckArns(context, statement.Resource, 0);
        return context.Findings();
    }

    /// <summary>PAC010: the condition key exists.</summary>
    public static IReadOnlyList<Finding> ConditionKey(string key, ServiceCatalogue catalogue)
    {
        // Null fits every key type, so only the key's existence is judged.
        var condition = new Condition(ConditionOperator.Parse("Null"), key, EquatableArray.Create("false"));
        var statement = new Statement(Effect.Allow, ActionElement.Of("*")) { Conditions = EquatableArray.Create(condition) };
        var context = Context(statement, catalogue);
        CatalogueRules.CheckConditions(context, catalogue, statement, 0, null);
        return context.Findings();
    }

    private static RuleContext Context(Statement statement, ServiceCatalogue? catalogue)
        => new(new PolicyDocument(PolicyDocument.Version2012, null, EquatableArray.Create(statement)),
            new ValidationOptions(PolicyKind.Identity) { Catalogue = catalogue });
}
