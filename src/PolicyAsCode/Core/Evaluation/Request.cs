using System.Diagnostics.CodeAnalysis;

namespace PolicyAsCode;

/// <summary>
/// A request to evaluate: who (principal) wants to do what (action) to which resource, with the request context.
/// </summary>
/// <remarks>
/// Immutable; build it once and evaluate it against any number of policies without allocating. Context keys are matched
/// case-insensitively, as AWS does. Keys AWS always derives from the principal and resource (<c>aws:PrincipalArn</c>,
/// <c>aws:PrincipalAccount</c>, <c>aws:PrincipalType</c>, <c>aws:PrincipalIsAWSService</c>, <c>aws:username</c> for IAM
/// users, <c>aws:ResourceAccount</c>) are added when the caller does not give them.
/// </remarks>
public sealed class Request : IContextValueSource
{
    /// <summary>A verdict of <see cref="ServiceRuleVerdict"/> or <see cref="ResourcePolicyVerdict"/> not yet found.</summary>
    internal const int VerdictUnknown = 0;
    internal const int VerdictNo = 1;
    internal const int VerdictYes = 2;

    private readonly Dictionary<string, string[]> _context;
    private readonly ArnFields _resourceFields;

    /// <summary>Creates a request.</summary>
    /// <param name="principal">
    /// The caller: an IAM user, role, role session (<c>arn:aws:sts::111122223333:assumed-role/Role/Session</c>), federated user
    /// or account ARN, a 12-digit account id, a service principal such as <c>ec2.amazonaws.com</c>, a web identity or SAML
    /// provider, or null for an anonymous caller.
    /// </param>
    /// <param name="action">The action, e.g. <c>s3:GetObject</c>.</param>
    /// <param name="resource">The resource ARN, or <c>*</c> for actions that AWS documents with no resource type.</param>
    /// <param name="context">Request context keys and their values.</param>
    /// <param name="resourceAccount">
    /// The account that owns the resource, when the ARN does not say (S3 bucket and object ARNs have no account field).
    /// </param>
    public Request(string? principal, string action, string resource,
        IEnumerable<KeyValuePair<string, string[]>>? context = null, string? resourceAccount = null)
        : this(principal, action, resource, context, resourceAccount, null)
    {
    }

    /// <summary>Creates a request, naming the IAM user behind a federated user session.</summary>
    /// <param name="principal">The caller (see the other constructor).</param>
    /// <param name="action">The action, e.g. <c>s3:GetObject</c>.</param>
    /// <param name="resource">The resource ARN, or <c>*</c>.</param>
    /// <param name="context">Request context keys and their values.</param>
    /// <param name="resourceAccount">The account that owns the resource, when the ARN does not say.</param>
    /// <param name="federatingUser">
    /// For a federated user session (<c>arn:aws:sts::111122223333:federated-user/Name</c>), the ARN of the IAM user who
    /// called <c>GetFederationToken</c>: a resource-based policy that names that user applies to the session, limited by
    /// the session policy (IAM User Guide, "Policy evaluation logic"). Ignored for other callers.
    /// </param>
    public Request(string? principal, string action, string resource,
        IEnumerable<KeyValuePair<string, string[]>>? context, string? resourceAccount, string? federatingUser)
    {
        Action = action ?? throw new ArgumentNullException(nameof(action));
        NormalizedAction = LowercaseAscii(action);
        Resource = resource ?? throw new ArgumentNullException(nameof(resource));
        Principal = string.IsNullOrEmpty(principal) ? null : principal;
        FederatingUser = string.IsNullOrEmpty(federatingUser) ? null : federatingUser;
        PrincipalInfo = PrincipalInfo.Parse(Principal, FederatingUser);
        ArnFields.TrySplit(resource, out _resourceFields);
        _context = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (context is not null)
        {
            foreach (var (key, values) in context)
            {
                _context[key] = values ?? throw new ArgumentException($"The context key '{key}' has null values.", nameof(context));
            }
        }
        ResourceAccount = !string.IsNullOrEmpty(resourceAccount) ? resourceAccount
            : _resourceFields.IsValid && AccountOf(resource, _resourceFields) is { Length: > 0 } account ? account
            : PrincipalInfo.Account;
        IsSameAccount = PrincipalInfo.Account is null || ResourceAccount is null
            || string.Equals(PrincipalInfo.Account, ResourceAccount, StringComparison.Ordinal);
        AddDerivedKeys();
    }

    /// <summary>The caller, or null when anonymous.</summary>
    public string? Principal { get; }

    /// <summary>For a federated user session, the IAM user who created it, when given.</summary>
    public string? FederatingUser { get; }

    /// <summary>The action.</summary>
    public string Action { get; }

    /// <summary>The resource ARN or <c>*</c>.</summary>
    public string Resource { get; }

    /// <summary>The caller's account id, when the principal names one.</summary>
    public string? PrincipalAccount => PrincipalInfo.Account;

    /// <summary>
    /// The resource's account: the one given, else the ARN's account field, else (S3 ARNs and <c>*</c>) the caller's.
    /// </summary>
    public string? ResourceAccount { get; }

    /// <summary>The request context, including derived keys.</summary>
    public IReadOnlyDictionary<string, string[]> Context => _context;

    internal PrincipalInfo PrincipalInfo { get; }

    /// <summary>
    /// Work multi-policy evaluation shares between the decisions of this request, found on the first: whether a service
    /// rule decides it whatever the policies say (<see cref="VerdictUnknown"/>, <see cref="VerdictNo"/> or
    /// <see cref="VerdictYes"/>). Each depends on the request alone, and an int is written whole, so requests decided on
    /// several threads at once at worst find it twice.
    /// </summary>
    internal int ServiceRuleVerdict { get; set; }

    /// <summary>The same for whether the request is one a resource-based policy must allow even in the same account.</summary>
    internal int ResourcePolicyVerdict { get; set; }

    internal ref readonly ArnFields ResourceFields => ref _resourceFields;

    /// <summary>Whether the request's resource matches a <c>Resource</c> pattern (policy variables read from this request).</summary>
    internal bool ResourceMatches(ArnPattern pattern) => pattern.IsMatch(Resource, _resourceFields, this);

    /// <summary>Whether caller and resource are in the same account (or either has none, as for service principals).</summary>
    public bool IsSameAccount { get; }

    /// <summary>
    /// The action with its ASCII letters in lowercase and every other character as given (the same string when it has no
    /// uppercase ASCII letter): work shared by every policy that decides this request. Compiled evaluators compare it
    /// ordinally with the lowercase form of an ASCII pattern, which is exactly <see cref="StringComparison.OrdinalIgnoreCase"/>
    /// on <see cref="Action"/>: under that comparison no character outside ASCII equals one inside it, and ASCII letters
    /// equal only themselves and their other case. Not meant to be used by hand.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public string NormalizedAction { get; }

#if !POLICYASCODE_GENERATOR
    // The request builder and the DSL's principals are the runtime's.
    /// <summary>Starts building a request from a principal: <c>Request.For(principal).Action(S3.GetObject).Resource(arn)</c>.</summary>
    /// <remarks>
    /// A principal declared with the values its trust needs carries them into the request, as the caller's token or
    /// session would: a web identity's audience and subject (<c>Principal.WebIdentity.GitHubActions(...)</c> gives
    /// <c>token.actions.githubusercontent.com:aud</c> and <c>:sub</c>), <c>aws:MultiFactorAuthPresent</c> for
    /// <c>.WithMfa()</c>. Only exact values are carried (<c>StringEquals</c>, <c>Bool</c>, and <c>StringLike</c> without
    /// wildcards; the first value when there are several); a pattern names no one value, so give it with
    /// <see cref="RequestBuilder.With(string, string[])"/>.
    /// </remarks>
    public static RequestBuilder For(Principal principal)
    {
        var context = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (principal is null) return new(null, null, "*", null, context);
        foreach (var condition in principal.Spec.TrustConditions)
        {
            var op = condition.Operator;
            if (op.IfExists || op.Qualifier != SetQualifier.None || condition.Values.Count == 0 || context.ContainsKey(condition.Key)) continue;
            string value = condition.Values[0];
            bool exact = value.IndexOf("${", StringComparison.Ordinal) < 0
                && (op.Kind is ConditionOperatorKind.StringEquals or ConditionOperatorKind.Bool
                    || (op.Kind == ConditionOperatorKind.StringLike && value.IndexOf('*') < 0 && value.IndexOf('?') < 0));
            if (exact) context[condition.Key] = [value];
        }
        return new(principal.Spec.RequestPrincipal, null, "*", null, context);
    }

    /// <summary>Starts building a request from a principal given as an ARN (or null for an anonymous caller).</summary>
    public static RequestBuilder For(string? principal)
        => new(principal, null, "*", null, new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase));
#endif

    /// <summary>Returns a copy of this request with a context key set (replacing any earlier values).</summary>
    public Request WithContext(string key, params string[] values)
    {
        var context = new Dictionary<string, string[]>(_context, StringComparer.OrdinalIgnoreCase) { [key] = values };
        return new Request(Principal, Action, Resource, context, ResourceAccount, FederatingUser);
    }

    /// <summary>Gets the values of a context key (case-insensitive).</summary>
    public bool TryGetValues(string key, [MaybeNullWhen(false)] out string[] values) => _context.TryGetValue(key, out values);

    /// <inheritdoc/>
    public bool TryGetSingleValue(string key, out string value)
    {
        if (_context.TryGetValue(key, out var values) && values.Length == 1)
        {
            value = values[0];
            return true;
        }
        value = "";
        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Principal ?? "(anonymous)"} {Action} {Resource}";

    private void AddDerivedKeys()
    {
        var info = PrincipalInfo;
        if (info.PrincipalArn is { } principalArn) _context.TryAdd("aws:PrincipalArn", [principalArn]);
        if (info.Account is { } account) _context.TryAdd("aws:PrincipalAccount", [account]);
        if (info.PrincipalType is { } type) _context.TryAdd("aws:PrincipalType", [type]);
        if (info.Kind == PrincipalKind.User) _context.TryAdd("aws:username", [info.Name!]);
        _context.TryAdd("aws:PrincipalIsAWSService", [info.Kind == PrincipalKind.ServiceOrProvider && Principal!.EndsWith(".amazonaws.com", StringComparison.Ordinal) ? "true" : "false"]);
        if (ResourceAccount is { } resourceAccount) _context.TryAdd("aws:ResourceAccount", [resourceAccount]);
    }

    /// <summary>The text with ASCII letters lowercased; the same instance when it has none in uppercase.</summary>
    private static string LowercaseAscii(string text)
    {
        int first = 0;
        while (first < text.Length && text[first] is not (>= 'A' and <= 'Z')) first++;
        if (first == text.Length) return text;
        var chars = text.ToCharArray();
        for (int i = first; i < chars.Length; i++)
        {
            if (chars[i] is >= 'A' and <= 'Z') chars[i] = (char)(chars[i] | 0x20);
        }
        return new string(chars);
    }

    private static string AccountOf(string arn, in ArnFields fields)
    {
        fields.GetRange(arn, 4, out int start, out int end);
        return arn.Substring(start, end - start);
    }
}
