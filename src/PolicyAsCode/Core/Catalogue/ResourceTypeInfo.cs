namespace PolicyAsCode.Catalogue;

/// <summary>A resource type of a service: its name and the template of its ARNs.</summary>
public sealed class ResourceTypeInfo
{
    private ArnTemplateMatcher? _template;
    private ArnTemplateMatcher? _templateWithoutAccount;

    internal ResourceTypeInfo(ServiceInfo service, string name, string arnTemplate, EquatableArray<ConditionKeyInfo> conditionKeys)
    {
        Service = service;
        Name = name;
        ArnTemplate = arnTemplate;
        ConditionKeys = conditionKeys;
    }

    /// <summary>The service that defines the type.</summary>
    public ServiceInfo Service { get; }

    /// <summary>The type's name, e.g. <c>bucket</c> or <c>object</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// The ARN template with AWS's placeholders, e.g. <c>arn:${Partition}:s3:::${BucketName}/${ObjectName}</c>.
    /// </summary>
    public string ArnTemplate { get; }

    /// <summary>The condition keys that apply to resources of this type.</summary>
    public EquatableArray<ConditionKeyInfo> ConditionKeys { get; }

    // Compiled on first use by MatchResourceTypes; compiling twice under a race gives equal templates.
    internal ArnTemplateMatcher Template => _template ??= ArnTemplateMatcher.Compile(ArnTemplate);

    // The template with an account placeholder that may be empty, for ARNs of AWS-owned resources.
    internal ArnTemplateMatcher TemplateWithoutAccount => _templateWithoutAccount ??= ArnTemplateMatcher.Compile(ArnTemplate, accountMayBeEmpty: true);

    /// <inheritdoc/>
    public override string ToString() => $"{Service.Prefix}:{Name}";
}
