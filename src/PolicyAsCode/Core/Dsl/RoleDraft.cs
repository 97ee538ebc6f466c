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

    /// <summary>The permissions boundary, if any.</summary>
    public AttachedPolicy? Boundary { get; init; }

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
    public RoleDraft AttachArn(string policyArn)
    {
        if (!PolicyAsCode.Arn.TryParse(policyArn ?? "", out var arn, out var error) || arn!.Service != "iam" || !arn.Resource.StartsWith("policy/", StringComparison.Ordinal))
        {
            throw new DslException(error ?? $"'{policyArn}' is not a managed policy ARN (arn:aws:iam::ACCOUNT:policy/NAME).");
        }
        return Attach(new AttachedPolicy(arn.Resource.Substring(arn.Resource.LastIndexOf('/') + 1), policyArn!));
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

    /// <summary>Sets the permissions boundary.</summary>
    public RoleDraft WithBoundary(AttachedPolicy boundary) => this with { Boundary = boundary };

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

    /// <summary>Sets the role's description.</summary>
    public RoleDraft WithDescription(string description) => this with { Description = description };

    /// <summary>The trust policy document.</summary>
    public PolicyDocument TrustPolicy()
    {
        if (Trust.Statements.IsEmpty) throw new DslException("A role needs a trust policy: say who may assume it with TrustedBy(...).");
        return Trust.ToDocument();
    }
}
