using System.Text;

namespace PolicyAsCode.Catalogue;

/// <summary>
/// The typed members of one service, with names made unique: actions on the service class, condition keys on its
/// nested <c>Keys</c> class, ARN builders on its nested <c>Arn</c> class (<c>S3.Arn.Object(bucketName, objectName)</c>).
/// </summary>
public sealed class TypedServiceMembers
{
    /// <summary>Names every class inherits from <see cref="object"/>, which members must not hide.</summary>
    private static readonly string[] s_objectMembers = ["Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "ReferenceEquals", "Finalize"];

    private TypedServiceMembers(ServiceInfo service, string className, Dictionary<string, ActionInfo> actions,
        Dictionary<string, ConditionKeyInfo> keys, Dictionary<string, ResourceTypeInfo> resources)
    {
        Service = service;
        ClassName = className;
        Actions = actions;
        ConditionKeys = keys;
        ResourceTypes = resources;
    }

    /// <summary>The nested class holding a service's condition keys.</summary>
    public const string KeysClass = "Keys";

    /// <summary>The nested class holding a service's ARN builders.</summary>
    public const string ArnClass = "Arn";

    /// <summary>The service.</summary>
    public ServiceInfo Service { get; }

    /// <summary>The service's class name.</summary>
    public string ClassName { get; }

    /// <summary>Action members by member name.</summary>
    public IReadOnlyDictionary<string, ActionInfo> Actions { get; }

    /// <summary>Condition key members (properties, or methods taking the placeholders) by member name.</summary>
    public IReadOnlyDictionary<string, ConditionKeyInfo> ConditionKeys { get; }

    /// <summary>ARN builder methods by member name.</summary>
    public IReadOnlyDictionary<string, ResourceTypeInfo> ResourceTypes { get; }

    /// <summary>Names the members of a service. Deterministic: members are named in catalogue order, clashes get a number.</summary>
    public static TypedServiceMembers For(ServiceInfo service)
    {
        string className = TypedNames.ServiceClass(service.Prefix);
        var actions = Assign(service.Actions, a => a.Name, [className, KeysClass, ArnClass, .. s_objectMembers]);
        var keys = Assign(service.ConditionKeys.Where(k => k.Name.StartsWith(service.Prefix + ":", StringComparison.OrdinalIgnoreCase)),
            k => k.Name.Substring(k.Name.IndexOf(':') + 1), [KeysClass, .. s_objectMembers]);
        var resources = Assign(service.ResourceTypes, r => r.Name, [ArnClass, .. s_objectMembers]);
        return new TypedServiceMembers(service, className, actions, keys, resources);
    }

    /// <summary>Names the global condition keys of one prefix (e.g. <c>aws</c>) for <c>Keys.Aws</c>.</summary>
    public static IReadOnlyDictionary<string, ConditionKeyInfo> ForGlobalKeys(IEnumerable<ConditionKeyInfo> keys, string className)
        => Assign(keys, k => k.Name.Substring(k.Name.IndexOf(':') + 1), [className, .. s_objectMembers]);

    /// <summary>The member name for a key or name with placeholders: the identifier of its literal parts.</summary>
    public static string MemberName(string name)
    {
        var sb = new StringBuilder();
        foreach (var part in TypedNames.Split(name))
        {
            if (!part.IsPlaceholder) sb.Append(part.Text).Append(' ');
        }
        return TypedNames.Identifier(sb.ToString());
    }

    private static Dictionary<string, T> Assign<T>(IEnumerable<T> items, Func<T, string> name, string[] reserved)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        var taken = new HashSet<string>(reserved, StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            string baseName = MemberName(name(item));
            string member = baseName;
            for (int n = 2; !taken.Add(member); n++) member = baseName + n;
            result.Add(member, item);
        }
        return result;
    }
}
