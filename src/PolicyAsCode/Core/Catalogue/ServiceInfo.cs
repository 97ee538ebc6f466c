using System.Diagnostics.CodeAnalysis;
using System.Threading;

namespace PolicyAsCode.Catalogue;

/// <summary>An AWS service of the catalogue: its prefix, actions, resource types and condition keys.</summary>
/// <remarks>
/// A service's actions, resource types and condition keys are read from the catalogue data the first time one of them is
/// used, so that loading the catalogue costs little and a program pays only for the services it looks at.
/// </remarks>
public sealed class ServiceInfo
{
    private readonly Func<ServiceInfo, ServiceContent> _parse;
    private readonly object _gate = new();
    private volatile ServiceContent? _content;

    internal ServiceInfo(string prefix, string name, Func<ServiceInfo, ServiceContent> parse)
    {
        Prefix = prefix;
        Name = name;
        _parse = parse;
    }

    /// <summary>The service prefix used in actions and ARNs, e.g. <c>s3</c>.</summary>
    public string Prefix { get; }

    /// <summary>The service's name, e.g. <c>Amazon S3</c>.</summary>
    public string Name { get; }

    /// <summary>The service's actions, in order of name.</summary>
    public EquatableArray<ActionInfo> Actions => Content.Actions;

    /// <summary>The service's resource types, in order of name.</summary>
    public EquatableArray<ResourceTypeInfo> ResourceTypes => Content.ResourceTypes;

    /// <summary>
    /// The condition keys the service's actions and resource types use, in order of name, including the global keys the
    /// service supports (with the service's own description).
    /// </summary>
    public EquatableArray<ConditionKeyInfo> ConditionKeys => Content.ConditionKeys;

    internal ConditionKeySet ConditionKeySet => Content.ConditionKeySet;

    private ServiceContent Content
    {
        get
        {
            var content = _content;
            if (content is not null) return content;
            lock (_gate)
            {
                return _content ??= _parse(this);
            }
        }
    }

    /// <summary>Finds an action by its name without the prefix (<c>GetObject</c>), ignoring case.</summary>
    public bool TryGetAction(string name, [NotNullWhen(true)] out ActionInfo? action) =>
        Content.ActionsByName.TryGetValue(name ?? throw new ArgumentNullException(nameof(name)), out action);

    /// <summary>Finds a resource type by name (<c>bucket</c>), ignoring case.</summary>
    public bool TryGetResourceType(string name, [NotNullWhen(true)] out ResourceTypeInfo? resourceType) =>
        Content.ResourceTypesByName.TryGetValue(name ?? throw new ArgumentNullException(nameof(name)), out resourceType);

    /// <summary>
    /// Finds a condition key of <see cref="ConditionKeys"/>, ignoring case; a concrete key such as
    /// <c>s3:ExistingObjectTag/project</c> finds the key with a placeholder that covers it, as in
    /// <see cref="ServiceCatalogue.TryGetConditionKey"/>.
    /// </summary>
    public bool TryGetConditionKey(string key, [NotNullWhen(true)] out ConditionKeyInfo? info) =>
        Content.ConditionKeySet.TryGet(key ?? throw new ArgumentNullException(nameof(key)), out info);

    /// <inheritdoc/>
    public override string ToString() => Prefix;
}

/// <summary>What <see cref="ServiceInfo"/> reads on first use.</summary>
internal sealed class ServiceContent
{
    private readonly Lazy<ConditionKeySet> _conditionKeySet;

    public ServiceContent(string prefix, ActionInfo[] actions, ResourceTypeInfo[] resourceTypes, ConditionKeyInfo[] conditionKeys)
    {
        Actions = EquatableArray<ActionInfo>.TakeOwnership(actions);
        ResourceTypes = EquatableArray<ResourceTypeInfo>.TakeOwnership(resourceTypes);
        ConditionKeys = EquatableArray<ConditionKeyInfo>.TakeOwnership(conditionKeys);
        ActionsByName = new Dictionary<string, ActionInfo>(actions.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var action in actions)
        {
            if (ActionsByName.ContainsKey(action.Name)) throw new InvalidDataException($"The catalogue lists the action {prefix}:{action.Name} twice.");
            ActionsByName.Add(action.Name, action);
        }
        ResourceTypesByName = new Dictionary<string, ResourceTypeInfo>(resourceTypes.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var type in resourceTypes)
        {
            if (ResourceTypesByName.ContainsKey(type.Name)) throw new InvalidDataException($"The catalogue lists the resource type {prefix}:{type.Name} twice.");
            ResourceTypesByName.Add(type.Name, type);
        }
        _conditionKeySet = new Lazy<ConditionKeySet>(() => new ConditionKeySet(conditionKeys), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public EquatableArray<ActionInfo> Actions { get; }

    public EquatableArray<ResourceTypeInfo> ResourceTypes { get; }

    public EquatableArray<ConditionKeyInfo> ConditionKeys { get; }

    public Dictionary<string, ActionInfo> ActionsByName { get; }

    public Dictionary<string, ResourceTypeInfo> ResourceTypesByName { get; }

    public ConditionKeySet ConditionKeySet => _conditionKeySet.Value;
}
