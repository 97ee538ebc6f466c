namespace PolicyAsCode.Rules;

/// <summary>What to validate a policy as.</summary>
public sealed class ValidationOptions
{
    /// <summary>Creates options for a policy of the given kind.</summary>
    public ValidationOptions(PolicyKind kind) => Kind = kind;

    /// <summary>The policy kind.</summary>
    public PolicyKind Kind { get; }

    /// <summary>For identity-based policies: managed or inline (which sets the size quota).</summary>
    public PolicyContainer Container { get; init; } = PolicyContainer.Managed;

    /// <summary>The trust policy size quota: 2,048 by default, adjustable up to 4,096.</summary>
    public int TrustPolicyQuota { get; init; } = 2048;

    /// <summary>The AWS service catalogue for the action, resource and condition-key checks; null skips them.</summary>
    public Catalogue.ServiceCatalogue? Catalogue { get; init; }

    /// <summary>Severity per rule id; a rule mapped to null is turned off.</summary>
    public IReadOnlyDictionary<string, FindingSeverity?>? Severities { get; init; }
}
