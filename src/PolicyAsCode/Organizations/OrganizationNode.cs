namespace PolicyAsCode;

/// <summary>A level of an organization that policies are attached to: the root, an organizational unit or an account.</summary>
public abstract class OrganizationNode
{
    private static readonly PreparedPolicy s_fullAwsAccess = new(ServiceControlPolicy.FullAwsAccess.Document, "FullAWSAccess");
    private static readonly PreparedPolicy s_rcpFullAwsAccess = new(ResourceControlPolicy.FullAwsAccess.Document, "RCPFullAWSAccess");

    private protected OrganizationNode(string name, IReadOnlyList<PreparedPolicy> scps, IReadOnlyList<PreparedPolicy> rcps)
    {
        Name = name;
        ServiceControlPolicies = scps;
        ResourceControlPolicies = rcps;
    }

    /// <summary>The name of the root, OU or account.</summary>
    public string Name { get; }

    /// <summary>The service control policies attached here, <c>FullAWSAccess</c> first unless detached.</summary>
    public IReadOnlyList<PreparedPolicy> ServiceControlPolicies { get; }

    /// <summary>The resource control policies attached here, <c>RCPFullAWSAccess</c> first (AWS does not let it be detached).</summary>
    public IReadOnlyList<PreparedPolicy> ResourceControlPolicies { get; }

    /// <summary>What AWS attaches to a new root, OU or account: <c>FullAWSAccess</c>.</summary>
    private protected static IReadOnlyList<PreparedPolicy> DefaultScps => [s_fullAwsAccess];

    /// <summary>What AWS attaches to a new root, OU or account: <c>RCPFullAWSAccess</c>.</summary>
    private protected static IReadOnlyList<PreparedPolicy> DefaultRcps => [s_rcpFullAwsAccess];

    /// <summary>
    /// AWS Organizations User Guide, "Managing policies" and "Quotas for AWS Organizations": at most 5 SCPs and 5 RCPs
    /// attached to one root, OU or account (the FullAWSAccess policies count).
    /// </summary>
    internal const int MaxAttachedPerType = 5;

    private protected IReadOnlyList<PreparedPolicy> WithScp(ServiceControlPolicy policy, string? name)
        => [.. Room(ServiceControlPolicies, "service control policies"), new PreparedPolicy((policy ?? throw new ArgumentNullException(nameof(policy))).Document, name ?? $"SCP {ServiceControlPolicies.Count + 1} of {Name}")];

    private protected IReadOnlyList<PreparedPolicy> WithRcp(ResourceControlPolicy policy, string? name)
        => [.. Room(ResourceControlPolicies, "resource control policies"), new PreparedPolicy((policy ?? throw new ArgumentNullException(nameof(policy))).Document, name ?? $"RCP {ResourceControlPolicies.Count + 1} of {Name}")];

    private IReadOnlyList<PreparedPolicy> Room(IReadOnlyList<PreparedPolicy> attached, string what)
        => attached.Count < MaxAttachedPerType ? attached
            : throw new ArgumentException($"{Name} already has {MaxAttachedPerType} {what} attached ({string.Join(", ", attached.Select(p => p.Name))}); AWS Organizations allows at most {MaxAttachedPerType} per root, OU or account. Merge some into one policy.");

    private protected IReadOnlyList<PreparedPolicy> WithoutFullAccessScp() => [.. ServiceControlPolicies.Where(p => !ReferenceEquals(p, s_fullAwsAccess))];

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>The root or an organizational unit (OU): its policies, OUs and accounts. Immutable.</summary>
public sealed class OrganizationalUnit : OrganizationNode
{
    private OrganizationalUnit(string name, IReadOnlyList<PreparedPolicy> scps, IReadOnlyList<PreparedPolicy> rcps,
        IReadOnlyList<OrganizationalUnit> units, IReadOnlyList<OrganizationAccount> accounts)
        : base(name, scps, rcps)
    {
        Units = units;
        Accounts = accounts;
    }

    /// <summary>The OUs directly under this one.</summary>
    public IReadOnlyList<OrganizationalUnit> Units { get; }

    /// <summary>The accounts directly in this OU.</summary>
    public IReadOnlyList<OrganizationAccount> Accounts { get; }

    internal static OrganizationalUnit Create(string name)
        => new(string.IsNullOrEmpty(name) ? throw new ArgumentException("An organizational unit needs a name.", nameof(name)) : name, DefaultScps, DefaultRcps, [], []);

    /// <summary>Attaches a service control policy here.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="name">Its name in explanations.</param>
    public OrganizationalUnit Attach(ServiceControlPolicy policy, string? name = null) => new(Name, WithScp(policy, name), ResourceControlPolicies, Units, Accounts);

    /// <summary>Attaches a resource control policy here.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="name">Its name in explanations.</param>
    public OrganizationalUnit Attach(ResourceControlPolicy policy, string? name = null) => new(Name, ServiceControlPolicies, WithRcp(policy, name), Units, Accounts);

    /// <summary>Detaches <c>FullAWSAccess</c> here: only what this level's other SCPs allow passes it (an allow list).</summary>
    public OrganizationalUnit WithoutFullAwsAccess() => new(Name, WithoutFullAccessScp(), ResourceControlPolicies, Units, Accounts);

    /// <summary>Adds an OU under this one.</summary>
    /// <param name="name">The OU's name.</param>
    /// <param name="configure">Attaches its policies and adds its OUs and accounts.</param>
    public OrganizationalUnit Unit(string name, Func<OrganizationalUnit, OrganizationalUnit> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var unit = configure(Create(name)) ?? throw new ArgumentException("The configuration of an OU returned null.", nameof(configure));
        return new(Name, ServiceControlPolicies, ResourceControlPolicies, [.. Units, unit], Accounts);
    }

    /// <summary>Adds an account to this OU.</summary>
    /// <param name="id">The 12-digit account id.</param>
    /// <param name="name">The account's name.</param>
    /// <param name="configure">Attaches the account's own policies.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a 12-digit account id.</exception>
    public OrganizationalUnit Account(string id, string name, Func<OrganizationAccount, OrganizationAccount>? configure = null)
    {
        var account = OrganizationAccount.Create(id, name);
        if (configure is not null) account = configure(account) ?? throw new ArgumentException("The configuration of an account returned null.", nameof(configure));
        return new(Name, ServiceControlPolicies, ResourceControlPolicies, Units, [.. Accounts, account]);
    }
}

/// <summary>A member account: its id and the policies attached to it directly. Immutable.</summary>
public sealed class OrganizationAccount : OrganizationNode
{
    private OrganizationAccount(string id, string name, IReadOnlyList<PreparedPolicy> scps, IReadOnlyList<PreparedPolicy> rcps)
        : base(name, scps, rcps) => Id = id;

    /// <summary>The 12-digit account id.</summary>
    public string Id { get; }

    internal static OrganizationAccount Create(string id, string name)
        => new(RequireId(id), string.IsNullOrEmpty(name) ? id : name, DefaultScps, DefaultRcps);

    internal static string RequireId(string id)
        => Arn.IsAccountId(id ?? "") ? id! : throw new ArgumentException($"'{id}' is not an account id: account ids have 12 digits.", nameof(id));

    /// <summary>Attaches a service control policy to the account.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="name">Its name in explanations.</param>
    public OrganizationAccount Attach(ServiceControlPolicy policy, string? name = null) => new(Id, Name, WithScp(policy, name), ResourceControlPolicies);

    /// <summary>Attaches a resource control policy to the account.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="name">Its name in explanations.</param>
    public OrganizationAccount Attach(ResourceControlPolicy policy, string? name = null) => new(Id, Name, ServiceControlPolicies, WithRcp(policy, name));

    /// <summary>Detaches <c>FullAWSAccess</c> from the account: only what its other SCPs allow passes this level.</summary>
    public OrganizationAccount WithoutFullAwsAccess() => new(Id, Name, WithoutFullAccessScp(), ResourceControlPolicies);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Id})";
}
