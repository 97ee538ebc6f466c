namespace PolicyAsCode.Catalogue;

/// <summary>A condition key of the catalogue: a global <c>aws:</c> key or a key a service defines.</summary>
/// <remarks>
/// A name may contain a placeholder, written <c>${Name}</c> or <c>&lt;name&gt;</c> as in the Service Authorization
/// Reference (<c>aws:RequestTag/${TagKey}</c>, <c>s3:ExistingObjectTag/&lt;key&gt;</c>); such a key stands for every key
/// in which the placeholder is replaced by one or more characters (<see cref="ServiceCatalogue.TryGetConditionKey"/>).
/// </remarks>
public sealed class ConditionKeyInfo
{
    private readonly LazyText _description;

    internal ConditionKeyInfo(string name, ConditionKeyType type, bool isGlobal, LazyText description)
    {
        Name = name;
        Type = type;
        IsGlobal = isGlobal;
        _description = description;
        HasPlaceholders = ConditionKeyPattern.HasPlaceholders(name);
    }

    /// <summary>The key as AWS writes it, e.g. <c>aws:SourceIp</c> or <c>aws:RequestTag/${TagKey}</c>.</summary>
    public string Name { get; }

    /// <summary>The type of the key's values.</summary>
    public ConditionKeyType Type { get; }

    /// <summary>The type of one value (<c>String</c> for <c>ArrayOfString</c>).</summary>
    public ConditionKeyType ElementType => Type.ElementType();

    /// <summary>Whether a request can carry several values for the key (an <c>ArrayOf</c> type).</summary>
    public bool IsMultiValued => Type.IsMultiValued();

    /// <summary>
    /// Whether the key is a global condition key, present in the request context independently of the service (the
    /// <c>aws:</c> keys, and the few service-prefixed keys AWS adds to every request made with certain credentials, such
    /// as <c>ec2:SourceInstanceArn</c>).
    /// </summary>
    public bool IsGlobal { get; }

    /// <summary>Whether <see cref="Name"/> contains a placeholder such as <c>${TagKey}</c>, so it names a family of keys.</summary>
    public bool HasPlaceholders { get; }

    /// <summary>AWS's description of the key; empty when the data has none (the global keys).</summary>
    public string Description => _description.Value;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
