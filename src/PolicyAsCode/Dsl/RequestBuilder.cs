using PolicyAsCode.Dsl;

namespace PolicyAsCode;

/// <summary>
/// Builds a <see cref="Request"/> fluently, for tests and examples:
/// <c>Request.For(Principal.AssumedRole("111122223333", "reader", "s1")).Action(S3.GetObject).Resource("arn:aws:s3:::b/k")</c>.
/// Converts to <see cref="Request"/> implicitly.
/// </summary>
public sealed class RequestBuilder
{
    private readonly string? _principal;
    private readonly string? _action;
    private readonly string _resource;
    private readonly string? _resourceAccount;
    private readonly Dictionary<string, string[]> _context;

    internal RequestBuilder(string? principal, string? action, string resource, string? resourceAccount, Dictionary<string, string[]> context)
    {
        _principal = principal;
        _action = action;
        _resource = resource;
        _resourceAccount = resourceAccount;
        _context = context;
    }

    /// <summary>The action requested.</summary>
    public RequestBuilder Action(IamAction action) => new(_principal, action.Value, _resource, _resourceAccount, _context);

    /// <summary>The resource (default <c>*</c>).</summary>
    public RequestBuilder Resource(ResourceArn resource) => new(_principal, _action, resource.Value, _resourceAccount, _context);

    /// <summary>The account owning the resource, when its ARN has none (S3).</summary>
    public RequestBuilder InAccount(string account) => new(_principal, _action, _resource, account, _context);

    /// <summary>A context key and its values.</summary>
    public RequestBuilder With(string key, params string[] values)
        => new(_principal, _action, _resource, _resourceAccount, new Dictionary<string, string[]>(_context, StringComparer.OrdinalIgnoreCase) { [key] = values });

    /// <summary>A typed context key and its values.</summary>
    public RequestBuilder With(ConditionKey key, params string[] values) => With(key.Name, values);

    /// <summary>A boolean context key: <c>.With(Keys.Aws.SecureTransport, false)</c> (the request carries <c>"false"</c>).</summary>
    public RequestBuilder With(BoolConditionKey key, bool value) => With(key.Name, value ? "true" : "false");

    /// <summary>A numeric context key: <c>.With(Keys.Aws.MultiFactorAuthAge, 300)</c>, written as numeric conditions read it.</summary>
    public RequestBuilder With(NumericConditionKey key, params decimal[] values)
        => With(key.Name, Array.ConvertAll(values ?? throw new ArgumentNullException(nameof(values)), ConditionDraft.Number));

    /// <summary>A date context key: <c>.With(Keys.Aws.CurrentTime, DateTimeOffset.UtcNow)</c>, in ISO 8601 UTC as date conditions read it.</summary>
    public RequestBuilder With(DateConditionKey key, params DateTimeOffset[] values)
        => With(key.Name, Array.ConvertAll(values ?? throw new ArgumentNullException(nameof(values)), ConditionDraft.Date));

    /// <summary>The request.</summary>
    /// <exception cref="InvalidOperationException">No action was given.</exception>
    public Request Build() => new(_principal, _action ?? throw new InvalidOperationException("The request needs an action: .Action(S3.GetObject)."), _resource, _context, _resourceAccount);

    /// <summary>The request.</summary>
    public static implicit operator Request(RequestBuilder builder) => builder.Build();
}
