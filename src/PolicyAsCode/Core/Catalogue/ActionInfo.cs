namespace PolicyAsCode.Catalogue;

/// <summary>An action of a service: its access level, the resource types it acts on and the condition keys it supports.</summary>
public sealed class ActionInfo
{
    private readonly LazyText _description;
    private string? _fullName;

    internal ActionInfo(ServiceInfo service, string name, AccessLevel accessLevel, EquatableArray<ActionResourceType> resourceTypes,
        EquatableArray<ConditionKeyInfo> conditionKeys, LazyText description)
    {
        Service = service;
        Name = name;
        AccessLevel = accessLevel;
        ResourceTypes = resourceTypes;
        ConditionKeys = conditionKeys;
        _description = description;
    }

    /// <summary>The service the action belongs to.</summary>
    public ServiceInfo Service { get; }

    /// <summary>The action's name as AWS writes it, e.g. <c>GetObject</c>.</summary>
    public string Name { get; }

    /// <summary>The name with the service prefix, as written in a policy, e.g. <c>s3:GetObject</c>.</summary>
    public string FullName => _fullName ??= Service.Prefix + ":" + Name;

    /// <summary>The action's access level.</summary>
    public AccessLevel AccessLevel { get; }

    /// <summary>
    /// The resource types the action acts on. Empty when the action does not support resource-level permissions: a
    /// statement that grants it must use <c>"Resource": "*"</c>.
    /// </summary>
    public EquatableArray<ActionResourceType> ResourceTypes { get; }

    /// <summary>The condition keys the action supports (besides those of its resource types).</summary>
    public EquatableArray<ConditionKeyInfo> ConditionKeys { get; }

    /// <summary>AWS's description of the action, e.g. "Grants permission to retrieve objects from Amazon S3".</summary>
    public string Description => _description.Value;

    /// <inheritdoc/>
    public override string ToString() => FullName;
}
