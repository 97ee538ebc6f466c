using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyAsCode.Cli;

/// <summary>
/// The typed members of <c>PolicyAsCode.Aws</c> as <c>pac import</c> writes them: the C# expression of each action
/// (<c>S3.GetObject</c>), condition key (<c>Keys.Aws.SourceIp</c>, <c>Keys.Aws.ResourceTag("team")</c>) and ARN builder
/// (<c>S3.Arn.Object("my-bucket", "*")</c>).
/// </summary>
/// <remarks>
/// Read by reflection from the typed assembly itself, so that import writes exactly the members that exist: a builder's
/// ARN template is found by calling it with marker arguments (the builders only concatenate their arguments).
/// Built once per run, in time linear in the number of members.
/// </remarks>
internal sealed class ImportCatalogue
{
    private const char Marker = '\u0001';

    private static readonly Lazy<ImportCatalogue> s_default = new(() => new ImportCatalogue(typeof(PolicyAsCode.Aws.S3).Assembly));

    private readonly Dictionary<string, string> _actions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string Expression, Type KeyType)> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string Method, Type KeyType)> _keyTemplates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ArnTemplate>> _arnBuilders = new(StringComparer.Ordinal);

    /// <summary>The members of the <c>PolicyAsCode.Aws</c> assembly this tool was built with.</summary>
    public static ImportCatalogue Default => s_default.Value;

    private ImportCatalogue(Assembly typed)
    {
        // A service class named like a type of the DSL (PolicyAsCode.Keys is not, but a future one may be) is qualified.
        var dslTypes = new HashSet<string>(typeof(Policy).Assembly.GetExportedTypes().Where(t => t.Namespace == "PolicyAsCode").Select(t => t.Name), StringComparer.Ordinal);
        foreach (var type in typed.GetExportedTypes().Where(t => t.Namespace == "PolicyAsCode.Aws" && !t.IsNested).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            string name = dslTypes.Contains(type.Name) ? "PolicyAsCode.Aws." + type.Name : type.Name;
            TypeNames.Add(type.Name);
            Index(type, name, ServicePrefix(type));
        }
        foreach (var list in _arnBuilders.Values)
        {
            // The service's own class first (iam's user, not CodeStar's copy of it), then the most literal template.
            list.Sort((a, b) => a.OwnService != b.OwnService ? b.OwnService.CompareTo(a.OwnService)
                : b.Literal != a.Literal ? b.Literal.CompareTo(a.Literal) : string.CompareOrdinal(a.Method, b.Method));
        }
    }

    /// <summary>The typed member of an AWS managed policy by its ARN (<c>AwsManaged.ReadOnlyAccess</c>), or null.</summary>
    public string? AwsManagedPolicy(string arn) => _awsManaged.Value.TryGetValue(arn, out var member) ? member : null;

    private readonly Lazy<Dictionary<string, string>> _awsManaged = new(() =>
        typeof(PolicyAsCode.Aws.AwsManaged).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Select(p => (p.Name, Arn: p.GetCustomAttribute<PolicyAsCode.Catalogue.AwsManagedPolicyArnAttribute>()?.Arn))
            .Where(p => p.Arn is not null)
            .GroupBy(p => p.Arn!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => "AwsManaged." + g.First().Name, StringComparer.Ordinal));

    /// <summary>The names of the top-level types of <c>PolicyAsCode.Aws</c> (<c>S3</c>, <c>Keys</c>, <c>AwsManaged</c>, ...).</summary>
    public HashSet<string> TypeNames { get; } = new(StringComparer.Ordinal);

    private static string? ServicePrefix(Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Static))
        {
            if (property.PropertyType == typeof(IamAction) && property.GetIndexParameters().Length == 0)
            {
                string value = ((IamAction)property.GetValue(null)!).Value;
                int colon = value.IndexOf(':');
                return colon > 0 ? value.Substring(0, colon) : null;
            }
        }
        return null;
    }

    /// <summary>The typed member for an action, or null (a pattern, or an action the catalogue does not have).</summary>
    public string? Action(string action) => _actions.TryGetValue(action, out var expression) ? expression : null;

    /// <summary>
    /// The typed key for a condition key name when its type is <paramref name="keyType"/> (the type whose operators the
    /// condition uses; null for any type), or null.
    /// </summary>
    public string? Key(string name, Type? keyType)
    {
        if (_keys.TryGetValue(name, out var key)) return keyType is null || key.KeyType == keyType ? key.Expression : null;
        // A key with a tag name, such as aws:ResourceTag/team: Keys.Aws.ResourceTag("team").
        int slash = name.IndexOf('/');
        if (slash > 0 && slash < name.Length - 1 && _keyTemplates.TryGetValue(name.Substring(0, slash + 1), out var template)
            && (keyType is null || template.KeyType == keyType))
        {
            return $"{template.Method}({CSharpText.String(name.Substring(slash + 1))})";
        }
        return null;
    }

    /// <summary>
    /// The ARN builder call that gives exactly <paramref name="arn"/>, or null. When several templates fit, the one with
    /// the most literal text wins (<c>S3.Arn.Object("b", "*")</c> rather than <c>S3.Arn.Bucket("b/*")</c>).
    /// </summary>
    public string? ArnBuilder(string arn)
    {
        var parts = arn.Split(':');
        if (parts.Length < 6 || parts[0] != "arn" || !_arnBuilders.TryGetValue(parts[2], out var builders)) return null;
        foreach (var builder in builders)
        {
            var match = builder.Pattern.Match(arn);
            if (!match.Success) continue;
            // The template's markers appear in any order; the call gives the arguments in the method's order.
            var values = new string[builder.Parameters.Length];
            for (int group = 0; group < builder.Order.Length; group++) values[builder.Order[group]] = match.Groups[group + 1].Value;
            var arguments = new List<string>();
            for (int i = 0; i < values.Length; i++)
            {
                if (builder.Parameters[i] == "partition")
                {
                    if (values[i] != "aws") arguments.Add($"partition: {CSharpText.String(values[i])}");
                }
                else
                {
                    arguments.Add(CSharpText.String(values[i]));
                }
            }
            return $"{builder.Method}({string.Join(", ", arguments)})";
        }
        return null;
    }

    private void Index(Type type, string expression, string? servicePrefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Static))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            if (property.PropertyType == typeof(IamAction))
            {
                var action = (IamAction)property.GetValue(null)!;
                _actions.TryAdd(action.Value, $"{expression}.{property.Name}");
            }
            else if (typeof(ConditionKey).IsAssignableFrom(property.PropertyType))
            {
                var key = (ConditionKey)property.GetValue(null)!;
                _keys.TryAdd(key.Name, ($"{expression}.{property.Name}", property.PropertyType));
            }
        }
        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static).OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            var parameters = method.GetParameters();
            if (parameters.Length == 0 || parameters.Any(p => p.ParameterType != typeof(string))) continue;
            if (typeof(ConditionKey).IsAssignableFrom(method.ReturnType) && parameters.Length == 1)
            {
                var key = (ConditionKey)method.Invoke(null, [Marker.ToString()])!;
                int at = key.Name.IndexOf(Marker, StringComparison.Ordinal);
                if (at > 0 && at == key.Name.Length - 1 && key.Name[at - 1] == '/')
                {
                    _keyTemplates.TryAdd(key.Name.Substring(0, at), ($"{expression}.{method.Name}", method.ReturnType));
                }
            }
            else if (method.ReturnType == typeof(ResourceArn))
            {
                AddArnBuilder($"{expression}.{method.Name}", method, parameters, servicePrefix);
            }
        }
        foreach (var nested in type.GetNestedTypes(BindingFlags.Public).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            Index(nested, $"{expression}.{nested.Name}", servicePrefix);
        }
    }

    private void AddArnBuilder(string expression, MethodInfo method, ParameterInfo[] parameters, string? servicePrefix)
    {
        var markers = parameters.Select((_, i) => $"{Marker}{(char)('A' + i)}{Marker}").ToArray();
        string template = ((ResourceArn)method.Invoke(null, markers)!).Value;
        // The template's literal text between the markers, and each marker's parameter in order of appearance.
        var pattern = new StringBuilder("^");
        var order = new List<int>();
        int literal = 0, position = 0;
        while (position < template.Length)
        {
            int start = template.IndexOf(Marker, position);
            if (start < 0)
            {
                pattern.Append(Regex.Escape(template.Substring(position)));
                literal += template.Length - position;
                break;
            }
            pattern.Append(Regex.Escape(template.Substring(position, start - position)));
            literal += start - position;
            int index = template[start + 1] - 'A';
            order.Add(index);
            int end = start + 3;
            bool last = template.IndexOf(Marker, end) < 0 && end == template.Length;
            // A segment holds no ':' (except inside a policy variable); only the last may hold '/'.
            pattern.Append(last ? @"((?:\$\{[^}]*\}|[^:])+)" : @"((?:\$\{[^}]*\}|[^:/])+)");
            position = end;
        }
        pattern.Append('$');
        // Each parameter appears once in the template, or the builder is not a plain template.
        if (order.Count != parameters.Length || order.Distinct().Count() != order.Count) return;
        var parts = template.Split(':');
        if (parts.Length < 3) return;
        string service = parts[2];
        if (!_arnBuilders.TryGetValue(service, out var list)) _arnBuilders[service] = list = [];
        list.Add(new ArnTemplate(expression, new Regex(pattern.ToString(), RegexOptions.CultureInvariant), [.. order], [.. parameters.Select(p => p.Name!)], literal, servicePrefix == service));
    }

    private sealed record ArnTemplate(string Method, Regex Pattern, int[] Order, string[] Parameters, int Literal, bool OwnService);
}
