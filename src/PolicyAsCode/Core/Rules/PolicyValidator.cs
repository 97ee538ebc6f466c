namespace PolicyAsCode.Rules;

/// <summary>
/// The rule engine: runs every rule over a policy of a given kind and returns the findings in document order. The
/// <c>pac validate</c> command, the runtime API and the Roslyn analyzers all call this one engine.
/// </summary>
public static class PolicyValidator
{
    /// <summary>Validates a policy.</summary>
    public static IReadOnlyList<Finding> Validate(PolicyDocument document, ValidationOptions options)
    {
        if (document is null) throw new ArgumentNullException(nameof(document));
        if (options is null) throw new ArgumentNullException(nameof(options));
        var context = new RuleContext(document, options);
        GrammarRules.Check(context);
        ConditionRules.Check(context);
        SecurityRules.Check(context);
        if (options.Catalogue is not null) CatalogueRules.Check(context);
        return context.Findings();
    }

    /// <summary>Validates a policy of the given kind with the default options.</summary>
    public static IReadOnlyList<Finding> Validate(PolicyDocument document, PolicyKind kind)
        => Validate(document, new ValidationOptions(kind));
}
