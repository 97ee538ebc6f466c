namespace PolicyAsCode.Dsl;

/// <summary>
/// The state of a policy being declared with the fluent DSL: its statements, the last of which the next call may still
/// complete (resources, principals, conditions, Sid).
/// </summary>
/// <remarks>
/// These operations are the semantics of the DSL. The runtime DSL types call them, and the source generator calls them
/// while it interprets the same fluent chain at compile time, so both build the same <see cref="PolicyDocument"/> and
/// therefore the same JSON. Immutable and equatable, so the generator can cache on it.
/// </remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record PolicyDraft(EquatableArray<Statement> Statements)
{
    /// <summary>A policy with no statements yet.</summary>
    public static PolicyDraft Empty { get; } = new(EquatableArray<Statement>.Empty);

    /// <summary>The policy's <c>Id</c> element, or null.</summary>
    public string? Id { get; init; }

    /// <summary>
    /// Sets the policy's <c>Id</c> element (<c>Id("...")</c>), which some services ask for in resource-based policies
    /// (IAM User Guide, "IAM JSON policy elements: Id": for SQS and SNS, a unique value such as a UUID). Any policy may have one.
    /// </summary>
    public PolicyDraft WithId(string id)
    {
        if (string.IsNullOrEmpty(id)) throw new DslException("A policy Id cannot be empty.");
        if (Id is not null) throw new DslException($"The policy already has the Id '{Id}'; a policy has one Id.");
        return this with { Id = id };
    }

    /// <summary>Starts a statement: <c>Allow(...)</c>, <c>Deny(...)</c>, or with <paramref name="notAction"/> <c>AllExcept(...)</c>.</summary>
    public PolicyDraft Start(Effect effect, IEnumerable<string> actions, bool notAction)
    {
        var list = actions.ToArray();
        if (list.Length == 0)
        {
            throw new DslException(notAction
                ? "AllExcept needs at least one action to except."
                : $"{effect} needs at least one action, e.g. {effect}(S3.GetObject); use {effect}(IamAction.All) for every action.");
        }
        foreach (var action in list)
        {
            if (string.IsNullOrEmpty(action)) throw new DslException("An action is empty; name it as service:Action, e.g. s3:GetObject.");
        }
        var statement = new Statement(effect, new ActionElement(notAction, EquatableArray.Create(list)));
        return this with { Statements = Append(Statements, statement) };
    }

    /// <summary>
    /// Starts a statement of a resource control policy (<c>Deny(...)</c>): its Principal is always <c>"*"</c>, the only
    /// value AWS accepts there (AWS Organizations User Guide, "RCP syntax"); conditions narrow who it applies to.
    /// </summary>
    public PolicyDraft StartForEveryone(Effect effect, IEnumerable<string> actions)
        => Start(effect, actions, notAction: false).WithPrincipals([PrincipalSpec.Everyone], notPrincipal: false);

    /// <summary>Sets the last statement's resources: <c>On(...)</c>, <c>OnAll()</c>, or with <paramref name="notResource"/> <c>OnAllExcept(...)</c>.</summary>
    public PolicyDraft WithResources(IEnumerable<string> resources, bool notResource)
    {
        var last = Last("On");
        if (last.Resource is not null) throw new DslException("The statement already has its resources; start a new statement with Allow or Deny.");
        var list = resources.ToArray();
        if (list.Length == 0) throw new DslException("On needs at least one resource; use OnAll() for every resource.");
        return Replace(last with { Resource = new ResourceElement(notResource, EquatableArray.Create(list)) });
    }

    /// <summary>Adds principals to the last statement (<c>For(...)</c>), or makes it apply to everyone except them (<paramref name="notPrincipal"/>).</summary>
    public PolicyDraft WithPrincipals(IEnumerable<PrincipalId> principals, bool everyone, bool notPrincipal)
    {
        var last = Last("For");
        var ids = principals.ToArray();
        if (!everyone && ids.Length == 0) throw new DslException("For needs at least one principal.");
        if (last.Principal is { } existing)
        {
            if (existing.IsNot != notPrincipal || existing.IsWildcard || everyone)
            {
                throw new DslException("The statement already names its principals; give them all in one call.");
            }
            ids = [.. existing.Ids, .. ids];
        }
        var element = everyone ? new PrincipalElement(notPrincipal, true, default) : new PrincipalElement(notPrincipal, false, EquatableArray.Create(ids));
        return Replace(last with { Principal = element });
    }

    /// <summary>
    /// Adds the principals of <c>For(...)</c> (or, with <paramref name="notPrincipal"/>, <c>ForAllExcept(...)</c>) to the
    /// last statement; <see cref="PrincipalSpec.Everyone"/> makes it <c>"Principal": "*"</c>.
    /// </summary>
    public PolicyDraft WithPrincipals(IEnumerable<PrincipalSpec> principals, bool notPrincipal)
    {
        var list = principals.ToList();
        bool everyone = list.Any(p => p.IsEveryone);
        if (everyone && notPrincipal) throw new DslException("ForAllExcept cannot except everyone.");
        return WithPrincipals(everyone ? [] : list.Select(p => p.Id!), everyone, notPrincipal);
    }

    /// <summary>Adds conditions to the last statement (<c>When(...)</c>); all conditions of a statement must hold.</summary>
    public PolicyDraft WithConditions(IEnumerable<Condition> conditions)
    {
        var last = Last("When");
        var list = new List<Condition>(last.Conditions);
        foreach (var condition in conditions)
        {
            if (condition is null) throw new DslException("A condition is null.");
            foreach (var existing in list)
            {
                if (existing.Operator.Equals(condition.Operator) && string.Equals(existing.Key, condition.Key, StringComparison.OrdinalIgnoreCase))
                {
                    throw new DslException($"The statement already has {condition.Operator.Name} on {condition.Key}; IAM cannot express two such conditions. Give all the values in one call (they are ORed).");
                }
            }
            list.Add(condition);
        }
        return Replace(last with { Conditions = EquatableArray.Create(list.ToArray()) });
    }

    /// <summary>Names the last statement (<c>Named("Sid")</c>).</summary>
    public PolicyDraft WithSid(string sid)
    {
        var last = Last("Named");
        if (string.IsNullOrEmpty(sid)) throw new DslException("A statement id cannot be empty.");
        foreach (var statement in Statements)
        {
            if (statement.Sid == sid) throw new DslException($"The Sid '{sid}' is already used in this policy; statement ids must be unique.");
        }
        return Replace(last with { Sid = sid });
    }

    /// <summary>
    /// Appends the statements of another policy (<c>Include(other)</c>), as they are (its <c>Id</c> is not copied): a resource-based policy's principals
    /// come along, so including one in an identity-based policy is an error the rules report (PAC001).
    /// </summary>
    public PolicyDraft Include(PolicyDraft other)
    {
        if (other is null) throw new DslException("Include needs a policy.");
        var statements = Statements;
        foreach (var statement in other.Statements)
        {
            if (statement.Sid is { } sid)
            {
                foreach (var existing in statements)
                {
                    if (existing.Sid == sid) throw new DslException($"The Sid '{sid}' is already used in this policy; statement ids must be unique.");
                }
            }
            statements = Append(statements, statement);
        }
        return this with { Statements = statements };
    }

    /// <summary>The policy document (version 2012-10-17).</summary>
    public PolicyDocument ToDocument() => new(PolicyDocument.Version2012, Id, Statements);

    private Statement Last(string call)
    {
        if (Statements.IsEmpty) throw new DslException($"{call} needs a statement first: start one with Allow or Deny.");
        return Statements[Statements.Count - 1];
    }

    private PolicyDraft Replace(Statement last)
    {
        var items = Statements.Items;
        var copy = new Statement[items.Length];
        Array.Copy(items, copy, items.Length);
        copy[copy.Length - 1] = last;
        return this with { Statements = EquatableArray<Statement>.TakeOwnership(copy) };
    }

    private static EquatableArray<Statement> Append(EquatableArray<Statement> statements, Statement statement)
    {
        var items = statements.Items;
        var copy = new Statement[items.Length + 1];
        Array.Copy(items, copy, items.Length);
        copy[items.Length] = statement;
        return EquatableArray<Statement>.TakeOwnership(copy);
    }
}
