using PolicyAsCode.Catalogue;

namespace PolicyAsCode.Generators;

/// <summary>
/// The typed catalogue members by class name, built once per process from the embedded catalogue with the naming that
/// wrote <c>PolicyAsCode.Aws</c>, so the interpreter can map <c>S3.GetObject</c> back to <c>s3:GetObject</c>.
/// </summary>
internal sealed class TypedCatalogue
{
    private static readonly Lazy<TypedCatalogue> s_instance = new(() => new TypedCatalogue(ServiceCatalogue.Default));
    private readonly Dictionary<string, TypedServiceMembers> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, ConditionKeyInfo>> _globalKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _actionMembers = new(StringComparer.OrdinalIgnoreCase);

    private TypedCatalogue(ServiceCatalogue catalogue)
    {
        foreach (var service in catalogue.Services)
        {
            var members = TypedServiceMembers.For(service);
            _services[members.ClassName] = members;
            foreach (var action in members.Actions) _actionMembers[action.Value.FullName] = members.ClassName + "." + action.Key;
        }
        foreach (var group in catalogue.GlobalConditionKeys.GroupBy(k => k.Name.Substring(0, k.Name.IndexOf(':'))))
        {
            string className = TypedNames.Identifier(group.Key);
            _globalKeys[className] = TypedServiceMembers.ForGlobalKeys(group, className);
        }
    }

    public static TypedCatalogue Instance => s_instance.Value;

    public TypedServiceMembers? Service(string className) => _services.TryGetValue(className, out var members) ? members : null;

    /// <summary>The typed member of an action (<c>s3:GetObject</c> → <c>S3.GetObject</c>), the other way round from <see cref="Service"/>.</summary>
    public string? ActionMember(string action) => _actionMembers.TryGetValue(action, out var member) ? member : null;

    public IReadOnlyDictionary<string, ConditionKeyInfo>? GlobalKeys(string className) => _globalKeys.TryGetValue(className, out var keys) ? keys : null;
}
