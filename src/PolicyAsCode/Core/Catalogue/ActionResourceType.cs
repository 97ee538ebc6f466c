namespace PolicyAsCode.Catalogue;

/// <summary>A resource type an action can act on, as listed in the action's row of the Service Authorization Reference.</summary>
public sealed class ActionResourceType
{
    internal ActionResourceType(ResourceTypeInfo resourceType, bool isRequired, EquatableArray<ConditionKeyInfo> conditionKeys)
    {
        ResourceType = resourceType;
        IsRequired = isRequired;
        ConditionKeys = conditionKeys;
    }

    /// <summary>The resource type.</summary>
    public ResourceTypeInfo ResourceType { get; }

    /// <summary>
    /// Whether AWS marks the type as required (an asterisk in the reference): a statement that grants the action must
    /// name a resource of this type (or <c>*</c>).
    /// </summary>
    public bool IsRequired { get; }

    /// <summary>The condition keys that apply to the action on this resource type in particular.</summary>
    public EquatableArray<ConditionKeyInfo> ConditionKeys { get; }

    /// <inheritdoc/>
    public override string ToString() => IsRequired ? ResourceType.Name + "*" : ResourceType.Name;
}
