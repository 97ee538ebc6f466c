using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace PolicyAsCode.Generators.Analyzers;

/// <summary>The DSL's types in one compilation, resolved once when the compilation starts.</summary>
internal sealed class DslSymbols
{
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<string, bool> _typedMembers = new(StringComparer.Ordinal);

    private DslSymbols(Compilation compilation, INamedTypeSymbol managed, INamedTypeSymbol resource, INamedTypeSymbol role,
        INamedTypeSymbol identityPolicy, INamedTypeSymbol resourcePolicy, INamedTypeSymbol roleType,
        INamedTypeSymbol iamAction, INamedTypeSymbol resourceArn, INamedTypeSymbol conditionKey)
    {
        _compilation = compilation;
        ManagedPolicyAttribute = managed;
        ResourcePolicyAttribute = resource;
        RoleAttribute = role;
        IdentityPolicy = identityPolicy;
        ResourcePolicy = resourcePolicy;
        Role = roleType;
        IamAction = iamAction;
        ResourceArn = resourceArn;
        ConditionKey = conditionKey;
    }

    public INamedTypeSymbol ManagedPolicyAttribute { get; }
    public INamedTypeSymbol ResourcePolicyAttribute { get; }
    public INamedTypeSymbol RoleAttribute { get; }
    public INamedTypeSymbol IdentityPolicy { get; }
    public INamedTypeSymbol ResourcePolicy { get; }
    public INamedTypeSymbol Role { get; }
    public INamedTypeSymbol IamAction { get; }
    public INamedTypeSymbol ResourceArn { get; }
    public INamedTypeSymbol ConditionKey { get; }

    /// <summary>The DSL's types, or null when the compilation does not reference PolicyAsCode (the analyzer then does nothing).</summary>
    public static DslSymbols? Resolve(Compilation compilation)
    {
        INamedTypeSymbol? Get(string name) => compilation.GetTypeByMetadataName(name);
        if (Get("PolicyAsCode.ManagedPolicyAttribute") is not { } managed
            || Get("PolicyAsCode.ResourcePolicyAttribute") is not { } resource
            || Get("PolicyAsCode.RoleAttribute") is not { } role
            || Get("PolicyAsCode.IdentityPolicy") is not { } identityPolicy
            || Get("PolicyAsCode.ResourcePolicy") is not { } resourcePolicy
            || Get("PolicyAsCode.Role") is not { } roleType
            || Get("PolicyAsCode.IamAction") is not { } iamAction
            || Get("PolicyAsCode.ResourceArn") is not { } resourceArn
            || Get("PolicyAsCode.ConditionKey") is not { } conditionKey)
        {
            return null;
        }
        return new DslSymbols(compilation, managed, resource, role, identityPolicy, resourcePolicy, roleType, iamAction, resourceArn, conditionKey);
    }

    /// <summary>The declaration kind of a member's attribute, with the attribute, or null for a member that declares nothing.</summary>
    public DeclarationKind? DeclarationKindOf(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (SymbolEqualityComparer.Default.Equals(type, ManagedPolicyAttribute)) return DeclarationKind.ManagedPolicy;
            if (SymbolEqualityComparer.Default.Equals(type, ResourcePolicyAttribute)) return DeclarationKind.ResourcePolicy;
            if (SymbolEqualityComparer.Default.Equals(type, RoleAttribute)) return DeclarationKind.Role;
        }
        return null;
    }

    /// <summary>The type a declaration of this kind must have.</summary>
    public INamedTypeSymbol DeclaredType(DeclarationKind kind) => kind switch
    {
        DeclarationKind.ManagedPolicy => IdentityPolicy,
        DeclarationKind.ResourcePolicy => ResourcePolicy,
        _ => Role,
    };

    /// <summary>Whether code in <paramref name="containing"/> is a declaration's value (a property's getter or a field's initializer).</summary>
    public bool IsInDeclaration(ISymbol? containing)
    {
        var member = containing is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : containing;
        return member is IPropertySymbol or IFieldSymbol && DeclarationKindOf(member) is not null;
    }

    /// <summary>Whether <paramref name="type"/> is, or derives from, <see cref="ConditionKey"/>.</summary>
    public bool IsConditionKey(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, ConditionKey)) return true;
        }
        return false;
    }

    /// <summary>Whether a typed catalogue member (<c>S3.GetObject</c>) is available to this compilation (PolicyAsCode.Aws is referenced).</summary>
    public bool HasTypedMember(string member)
        => _typedMembers.GetOrAdd(member, name =>
        {
            int dot = name.IndexOf('.');
            return _compilation.GetTypeByMetadataName("PolicyAsCode.Aws." + name.Substring(0, dot)) is { } type && !type.GetMembers(name.Substring(dot + 1)).IsEmpty;
        });
}
