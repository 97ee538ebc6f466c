namespace PolicyAsCode.Dsl;

/// <summary>A managed policy attached to a role by ARN: an AWS managed policy, or an existing one.</summary>
/// <param name="Name">The policy's name: the last part of the ARN.</param>
/// <param name="Arn">The policy's ARN.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record AttachedPolicy(string Name, string Arn);

/// <summary>A customer managed policy declared in code and attached to a role.</summary>
/// <param name="Name">Its IAM name when known: the source generator knows it from the declaration's attribute; the runtime
/// DSL, which is given only the policy, does not (null).</param>
/// <param name="Document">Its document.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record DeclaredAttachment(string? Name, PolicyDocument Document);

/// <summary>An inline policy of a role.</summary>
/// <param name="Name">The inline policy's name.</param>
/// <param name="Document">Its document.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record InlinePolicy(string Name, PolicyDocument Document);

/// <summary>
/// The state of a role being declared: its trust policy, attached and inline policies, permissions boundary and
/// session settings. Shared by the runtime DSL and the source generator, like <see cref="PolicyDraft"/>.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record RoleDraft
{
    /// <summary>The longest session AWS allows: 12 hours.</summary>
    public const int MaxSessionLimitSeconds = 43200;

    /// <summary>A role with nothing declared yet.</summary>
    public static RoleDraft Empty { get; } = new();

    /// <summary>The trust policy's statements.</summary>
    public PolicyDraft Trust { get; init; } = PolicyDraft.Empty;

    /// <summary>Managed policies attached by ARN (AWS managed or existing).</summary>
    public EquatableArray<AttachedPolicy> Attached { get; init; }

    /// <summary>Customer managed policies declared in code and attached, in order.</summary>
    public EquatableArray<DeclaredAttachment> Declared { get; init; }

    /// <summary>Inline policies.</summary>
    public EquatableArray<InlinePolicy> Inline { get; init; }

    /// <summary>The permissions boundary given by ARN (an AWS managed policy, or an existing one), if any.</summary>
    public AttachedPolicy? Boundary { get; init; }

    /// <summary>The permissions boundary declared in code (a <c>[ManagedPolicy]</c>), if any.</summary>
    public DeclaredAttachment? DeclaredBoundary { get; init; }

    /// <summary>The maximum session duration in seconds, or null for AWS's default (one hour).</summary>
    public int? MaxSessionSeconds { get; init; }

    /// <summary>The role's path, or null for <c>/</c>.</summary>
    public string? Path { get; init; }

    /// <summary>The role's description.</summary>
    public string? Description { get; init; }

    /// <summary>Lets each principal assume the role, each in its own trust statement (<c>TrustedBy(...)</c>).</summary>
    public RoleDraft TrustedBy(IEnumerable<PrincipalSpec> principals)
    {
        var draft = this;
        int count = 0;
        foreach (var principal in principals)
        {
            draft = draft.TrustedBy(principal);
            count++;
        }
        if (count == 0) throw new DslException("TrustedBy needs at least one principal.");
        return draft;
    }

    /// <summary>Lets a principal assume the role: one trust statement allowing its assume action, with its conditions.</summary>
    public RoleDraft TrustedBy(PrincipalSpec principal, IEnumerable<Condition>? conditions = null)
    {
        var draft = Trust.Start(Effect.Allow, [principal.AssumeAction], notAction: false)
            .WithPrincipals(principal.Id is { } id ? [id] : [], principal.IsEveryone, notPrincipal: false);
        var all = principal.TrustConditions.Concat(conditions ?? []).ToArray();
        if (all.Length > 0) draft = draft.WithConditions(all);
        return this with { Trust = draft };
    }

    /// <summary>Attaches a managed policy.</summary>
    public RoleDraft Attach(AttachedPolicy policy)
    {
        foreach (var existing in Attached)
        {
            if (existing == policy) throw new DslException($"The policy {policy.Name} is already attached to the role.");
        }
        return this with { Attached = EquatableArray.Create([.. Attached, policy]) };
    }

    /// <summary>
    /// Attaches a customer managed policy declared in code. The same policy cannot be attached twice: AWS lists an attached
    /// policy once. Policies are the same when their documents are (the runtime knows no names), so compile time and run
    /// time decide alike.
    /// </summary>
    public RoleDraft AttachDeclared(string? name, PolicyDocument document)
    {
        foreach (var existing in Declared)
        {
            if (existing.Document == document)
            {
                throw new DslException(name is null || existing.Name is null || existing.Name == name
                    ? $"The policy {name ?? existing.Name ?? "given"} is already attached to the role."
                    : $"The policy {name} has the same document as {existing.Name}, which is already attached to the role.");
            }
        }
        return this with { Declared = EquatableArray.Create([.. Declared, new DeclaredAttachment(name, document)]) };
    }

    /// <summary>Attaches an existing managed policy by its ARN (<c>arn:aws:iam::ACCOUNT:policy/PATH/NAME</c>).</summary>
    public RoleDraft AttachArn(string policyArn) => Attach(PolicyByArn(policyArn));

    private static AttachedPolicy PolicyByArn(string policyArn)
    {
        if (!PolicyAsCode.Arn.TryParse(policyArn ?? "", out var arn, out var error) || arn!.Service != "iam" || !arn.Resource.StartsWith("policy/", StringComparison.Ordinal))
        {
            throw new DslException(error ?? $"'{policyArn}' is not a managed policy ARN (arn:aws:iam::ACCOUNT:policy/NAME).");
        }
        return new AttachedPolicy(arn.Resource.Substring(arn.Resource.LastIndexOf('/') + 1), policyArn!);
    }

    /// <summary>Adds an inline policy.</summary>
    public RoleDraft WithInline(string name, PolicyDocument document)
    {
        if (string.IsNullOrEmpty(name)) throw new DslException("An inline policy needs a name.");
        foreach (var existing in Inline)
        {
            if (existing.Name == name) throw new DslException($"The role already has an inline policy named {name}.");
        }
        return this with { Inline = EquatableArray.Create([.. Inline, new InlinePolicy(name, document)]) };
    }

    /// <summary>Sets a managed policy given by ARN (AWS managed or existing) as the permissions boundary. A role has one boundary.</summary>
    public RoleDraft WithBoundary(AttachedPolicy boundary)
    {
        RequireNoBoundary();
        return this with { Boundary = boundary ?? throw new DslException("The permissions boundary is null.") };
    }

    /// <summary>Sets an existing managed policy as the permissions boundary, by its ARN (<c>arn:aws:iam::ACCOUNT:policy/NAME</c>).</summary>
    public RoleDraft WithBoundaryArn(string policyArn) => WithBoundary(PolicyByArn(policyArn));

    /// <summary>
    /// Sets a customer managed policy declared in code as the permissions boundary: AWS then allows a session only what
    /// both the role's policies and the boundary allow. The name is known at compile time only (like <see cref="AttachDeclared"/>).
    /// </summary>
    public RoleDraft WithDeclaredBoundary(string? name, PolicyDocument document)
    {
        RequireNoBoundary();
        return this with { DeclaredBoundary = new DeclaredAttachment(name, document ?? throw new DslException("The permissions boundary is null.")) };
    }

    /// <summary>The boundary as the manifest names it: the declared policy's name, or the ARN; null without a boundary.</summary>
    public string? BoundaryReference => DeclaredBoundary is { } declared ? declared.Name : Boundary?.Arn;

    private void RequireNoBoundary()
    {
        if (Boundary is not null || DeclaredBoundary is not null)
        {
            throw new DslException($"The role already has the permissions boundary {Boundary?.Name ?? DeclaredBoundary!.Name ?? "given"}; a role has one permissions boundary.");
        }
    }

    /// <summary>Sets the maximum session duration (AWS accepts 1 to 12 hours).</summary>
    public RoleDraft WithMaxSession(int seconds)
    {
        if (seconds < 3600 || seconds > MaxSessionLimitSeconds)
        {
            throw new DslException($"A role's maximum session duration must be between 1 and 12 hours (3600 to 43200 seconds), not {seconds} seconds.");
        }
        return this with { MaxSessionSeconds = seconds };
    }

    /// <summary>Sets the maximum session duration from a number of seconds (<c>TimeSpan.TotalSeconds</c>), truncated to whole seconds.</summary>
    public RoleDraft WithMaxSession(double seconds)
    {
        if (double.IsNaN(seconds) || seconds < int.MinValue || seconds > int.MaxValue)
        {
            throw new DslException($"A role's maximum session duration must be between 1 and 12 hours (3600 to 43200 seconds), not {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} seconds.");
        }
        return WithMaxSession((int)seconds);
    }

    /// <summary>Sets the role's path, e.g. <c>/service-roles/</c>.</summary>
    public RoleDraft WithPath(string path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/' || path[path.Length - 1] != '/')
        {
            throw new DslException($"'{path}' is not an IAM path; paths start and end with /, e.g. /service-roles/.");
        }
        return this with { Path = path };
    }

    /// <summary>
    /// Sets the role's description. IAM API Reference, CreateRole: at most 1,000 characters, of tab, line feed, carriage
    /// return, U+0020 to U+007E and U+00A1 to U+00FF.
    /// </summary>
    public RoleDraft WithDescription(string description)
    {
        RequireDescription(description, "role");
        foreach (char c in description)
        {
            if (!(c is '\t' or '\n' or '\r' || (c >= ' ' && c <= '~') || (c >= '\u00A1' && c <= '\u00FF')))
            {
                throw new DslException($"The role's description contains the character U+{(int)c:X4}; AWS allows tab, line feed, carriage return, U+0020 to U+007E and U+00A1 to U+00FF in a role's description.");
            }
        }
        return this with { Description = description };
    }

    /// <summary>
    /// Checks the length of a role's or managed policy's description: IAM API Reference, CreateRole and CreatePolicy,
    /// "Maximum length of 1000" (a managed policy's description cannot be changed once the policy exists).
    /// </summary>
    public static void RequireDescription(string description, string what)
    {
        if (description is null) throw new DslException($"The {what}'s description is null.");
        if (description.Length > 1000) throw new DslException($"The {what}'s description has {description.Length} characters; AWS allows at most 1,000.");
    }

    /// <summary>The trust policy document.</summary>
    public PolicyDocument TrustPolicy()
    {
        if (Trust.Statements.IsEmpty) throw new DslException("A role needs a trust policy: say who may assume it with TrustedBy(...).");
        return Trust.ToDocument();
    }
}
