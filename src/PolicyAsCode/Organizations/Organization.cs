namespace PolicyAsCode;

/// <summary>
/// An AWS Organizations organization as a value: its root, organizational units and accounts, and the service control
/// policies and resource control policies attached at each, so that a test can ask what an account's principals may do
/// under the policies of its path. Immutable: each call returns a new organization.
/// <code>
/// var org = Organization.Root(managementAccount: "111111111111")
///     .Attach(DenyLeavingTheOrganization)
///     .Attach(TlsOnly)
///     .Unit("Workloads", ou => ou.Attach(DenyOutsideEu).Account("222222222222", "prod"));
/// var set = org.Apply(new PolicySet { IdentityPolicies = [admin] }, callerAccount: "222222222222");
/// </code>
/// </summary>
/// <remarks>
/// As AWS does when the policy types are enabled, every level (the root, each OU, each account) starts with
/// <c>FullAWSAccess</c> (<see cref="ServiceControlPolicy.FullAwsAccess"/>), which a level may detach
/// (<see cref="OrganizationalUnit.WithoutFullAwsAccess"/>) to use an allow list, and with <c>RCPFullAWSAccess</c>
/// (<see cref="ResourceControlPolicy.FullAwsAccess"/>), which cannot be detached (AWS Organizations User Guide, "SCP
/// evaluation", "RCP evaluation"). The management account sits under the root; SCPs and RCPs do not affect it
/// (<see cref="PolicySet.ManagementAccount"/>).
/// </remarks>
public sealed class Organization
{
    private Dictionary<string, OrganizationNode[]>? _paths;

    private Organization(string managementAccount, OrganizationalUnit root)
    {
        ManagementAccount = managementAccount;
        RootUnit = root;
    }

    /// <summary>The management account's id.</summary>
    public string ManagementAccount { get; }

    /// <summary>The root, with everything under it.</summary>
    public OrganizationalUnit RootUnit { get; }

    /// <summary>Starts an organization: its root, holding the management account.</summary>
    /// <param name="managementAccount">The management account's 12-digit id.</param>
    /// <param name="managementAccountName">The management account's name.</param>
    /// <exception cref="ArgumentException"><paramref name="managementAccount"/> is not a 12-digit account id.</exception>
    public static Organization Root(string managementAccount, string managementAccountName = "management")
        => new(OrganizationAccount.RequireId(managementAccount), OrganizationalUnit.Create("Root").Account(managementAccount, managementAccountName));

    /// <summary>Attaches a service control policy to the root.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="name">Its name in explanations (the <c>[ServiceControlPolicy]</c> name, say).</param>
    public Organization Attach(ServiceControlPolicy policy, string? name = null) => With(RootUnit.Attach(policy, name));

    /// <summary>Attaches a resource control policy to the root.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="name">Its name in explanations.</param>
    public Organization Attach(ResourceControlPolicy policy, string? name = null) => With(RootUnit.Attach(policy, name));

    /// <summary>Detaches <c>FullAWSAccess</c> from the root: only what the root's other SCPs allow passes it.</summary>
    public Organization WithoutFullAwsAccess() => With(RootUnit.WithoutFullAwsAccess());

    /// <summary>Adds an organizational unit under the root.</summary>
    /// <param name="name">The OU's name.</param>
    /// <param name="configure">Attaches its policies and adds its OUs and accounts.</param>
    public Organization Unit(string name, Func<OrganizationalUnit, OrganizationalUnit> configure) => With(RootUnit.Unit(name, configure));

    /// <summary>Adds an account directly under the root.</summary>
    /// <param name="id">The 12-digit account id.</param>
    /// <param name="name">The account's name.</param>
    /// <param name="configure">Attaches the account's own policies.</param>
    public Organization Account(string id, string name, Func<OrganizationAccount, OrganizationAccount>? configure = null) => With(RootUnit.Account(id, name, configure));

    /// <summary>Whether the account is a member of the organization.</summary>
    public bool Contains(string account) => Paths.ContainsKey(account ?? "");

    /// <summary>The levels from the root down to the account: the root, its OUs outermost first, and the account.</summary>
    /// <exception cref="KeyNotFoundException">The account is not in the organization.</exception>
    public IReadOnlyList<OrganizationNode> PathOf(string account)
        => Paths.TryGetValue(account ?? "", out var path) ? path : throw new KeyNotFoundException($"The account '{account}' is not in the organization.");

    /// <summary>
    /// The service control policies that govern the account's users and roles, one list per level of its path (root
    /// first), as <see cref="PolicySet.ServiceControlPolicyLevels"/> takes them.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The account is not in the organization.</exception>
    public IReadOnlyList<IReadOnlyList<PreparedPolicy>> ServiceControlPolicyLevels(string account)
        => [.. PathOf(account).Select(node => node.ServiceControlPolicies)];

    /// <summary>
    /// The resource control policies that govern the account's resources, one list per level of its path (root first),
    /// as <see cref="PolicySet.ResourceControlPolicyLevels"/> takes them.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The account is not in the organization.</exception>
    public IReadOnlyList<IReadOnlyList<PreparedPolicy>> ResourceControlPolicyLevels(string account)
        => [.. PathOf(account).Select(node => node.ResourceControlPolicies)];

    /// <summary>
    /// The policies with the organization's: the SCP levels of the caller's account, the RCP levels of the resource's
    /// account, and the management account (which neither affects). An account outside the organization is governed by
    /// neither, so its levels are left empty. Any SCP or RCP levels already in <paramref name="policies"/> are replaced.
    /// </summary>
    /// <param name="policies">The identity, resource, boundary and session policies of the request.</param>
    /// <param name="callerAccount">The account of the principal making the request.</param>
    /// <param name="resourceAccount">The account that owns the resource; the caller's when omitted.</param>
    public PolicySet Apply(PolicySet policies, string callerAccount, string? resourceAccount = null)
    {
        ArgumentNullException.ThrowIfNull(policies);
        resourceAccount ??= callerAccount;
        return new PolicySet
        {
            IdentityPolicies = policies.IdentityPolicies,
            ResourcePolicy = policies.ResourcePolicy,
            PermissionsBoundary = policies.PermissionsBoundary,
            SessionPolicies = policies.SessionPolicies,
            ResourceIsAwsManagedKey = policies.ResourceIsAwsManagedKey,
            ServiceControlPolicyLevels = Contains(callerAccount) ? ServiceControlPolicyLevels(callerAccount) : [],
            ResourceControlPolicyLevels = Contains(resourceAccount) ? ResourceControlPolicyLevels(resourceAccount) : [],
            ManagementAccount = ManagementAccount,
        };
    }

    private Organization With(OrganizationalUnit root) => new(ManagementAccount, root);

    private Dictionary<string, OrganizationNode[]> Paths => _paths ??= Index();

    private Dictionary<string, OrganizationNode[]> Index()
    {
        var paths = new Dictionary<string, OrganizationNode[]>(StringComparer.Ordinal);
        var path = new List<OrganizationNode>();
        void Walk(OrganizationalUnit unit)
        {
            path.Add(unit);
            foreach (var account in unit.Accounts)
            {
                if (!paths.TryAdd(account.Id, [.. path, account]))
                {
                    throw new ArgumentException($"The account {account.Id} is in the organization twice; an account belongs to one parent.");
                }
            }
            foreach (var child in unit.Units) Walk(child);
            path.RemoveAt(path.Count - 1);
        }
        Walk(RootUnit);
        return paths;
    }
}
