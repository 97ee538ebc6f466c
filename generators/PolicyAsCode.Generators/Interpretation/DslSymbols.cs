using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Dsl;

namespace PolicyAsCode.Generators;

/// <summary>What a DSL member's <c>[DslMember]</c> mark says: the operation and its arguments.</summary>
internal sealed record DslMark(DslOp Op, Effect Effect, string? Operator, string? Value);

/// <summary>
/// The DSL's symbols in one compilation, resolved once (the generator's <c>KnownTypeSymbols</c>): the declaration
/// attributes and types of <see cref="DeclarationKinds"/>, and the <c>[DslMember]</c> mark of every DSL member the
/// interpreter and the analyzer meet, read once per symbol. Nothing here names a DSL member: the marks do.
/// </summary>
internal sealed class DslSymbols
{
    /// <summary>The namespace of the typed catalogue (<c>S3</c>, <c>Keys</c>, <c>AwsManaged</c>), written by src/tools/typed-members.</summary>
    public const string TypedNamespace = "PolicyAsCode.Aws";

    /// <summary>The typed catalogue's class of AWS managed policies, whose members carry <c>[AwsManagedPolicyArn]</c>.</summary>
    private const string AwsManagedClass = "AwsManaged";

    private const string DslMemberAttributeName = "PolicyAsCode.Dsl.DslMemberAttribute";
    private const string AwsManagedPolicyArnAttributeName = "PolicyAsCode.Catalogue.AwsManagedPolicyArnAttribute";

    private static readonly ConditionalWeakTable<Compilation, StrongBox<DslSymbols?>> s_byCompilation = new();

    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol[] _attributes;
    private readonly INamedTypeSymbol[] _declaredTypes;
    private readonly INamedTypeSymbol _dslMember;
    private readonly INamedTypeSymbol? _awsManagedPolicyArn;
    private readonly ConcurrentDictionary<ISymbol, DslMark?> _marks = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamespaceSymbol, bool> _typedNamespaces = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, bool> _typedMembers = new(StringComparer.Ordinal);

    private DslSymbols(Compilation compilation, INamedTypeSymbol[] attributes, INamedTypeSymbol[] declaredTypes, INamedTypeSymbol dslMember,
        INamedTypeSymbol iamAction, INamedTypeSymbol resourceArn, INamedTypeSymbol conditionKey)
    {
        _compilation = compilation;
        _attributes = attributes;
        _declaredTypes = declaredTypes;
        _dslMember = dslMember;
        _awsManagedPolicyArn = compilation.GetTypeByMetadataName(AwsManagedPolicyArnAttributeName);
        IamAction = iamAction;
        ResourceArn = resourceArn;
        ConditionKey = conditionKey;
        TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
        DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
    }

    public INamedTypeSymbol IamAction { get; }
    public INamedTypeSymbol ResourceArn { get; }
    public INamedTypeSymbol ConditionKey { get; }
    public INamedTypeSymbol? TimeSpan { get; }
    public INamedTypeSymbol? DateTimeOffset { get; }

    /// <summary>The DSL's symbols, or null when the compilation does not reference PolicyAsCode (the analyzer then does nothing).</summary>
    public static DslSymbols? Resolve(Compilation compilation)
    {
        INamedTypeSymbol? Get(string name) => compilation.GetTypeByMetadataName(name);
        var attributes = new INamedTypeSymbol[DeclarationKinds.All.Length];
        var declared = new INamedTypeSymbol[DeclarationKinds.All.Length];
        foreach (var info in DeclarationKinds.All)
        {
            if (Get(info.Attribute) is not { } attribute || Get(info.DeclaredType) is not { } type) return null;
            attributes[(int)info.Kind] = attribute;
            declared[(int)info.Kind] = type;
        }
        if (Get(DslMemberAttributeName) is not { } dslMember
            || Get("PolicyAsCode.IamAction") is not { } iamAction
            || Get("PolicyAsCode.ResourceArn") is not { } resourceArn
            || Get("PolicyAsCode.ConditionKey") is not { } conditionKey)
        {
            return null;
        }
        return new DslSymbols(compilation, attributes, declared, dslMember, iamAction, resourceArn, conditionKey);
    }

    /// <summary><see cref="Resolve"/>, once per compilation, for the generator's transforms of one compilation.</summary>
    public static DslSymbols? For(Compilation compilation) => s_byCompilation.GetValue(compilation, static c => new StrongBox<DslSymbols?>(Resolve(c))).Value;

    /// <summary>The mark of a DSL member; for an unmarked constructor or user-defined conversion, the mark of its type. Null when unmarked.</summary>
    public DslMark? MarkOf(ISymbol member)
    {
        var definition = member.OriginalDefinition;
        return _marks.GetOrAdd(definition, symbol =>
        {
            // A constructor or conversion without a mark of its own has its type's (a record's primary constructor cannot be marked).
            return Read(symbol) ?? (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.Conversion } method ? Read(method.ContainingType) : null);
        });
    }

    /// <summary>The mark on a type itself (<c>IamAction</c>: <see cref="DslOp.Action"/>, its constructor and conversions).</summary>
    public DslMark? MarkOfType(ITypeSymbol? type) => type is INamedTypeSymbol named ? MarkOf(named) : null;

    private DslMark? Read(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _dslMember)) continue;
            if (attribute.ConstructorArguments is not [{ Value: int op }]) return null;
            Effect effect = Effect.Allow;
            string? @operator = null, value = null;
            foreach (var named in attribute.NamedArguments)
            {
                switch (named.Key)
                {
                    case nameof(DslMemberAttributeNames.Effect) when named.Value.Value is int e: effect = (Effect)e; break;
                    case nameof(DslMemberAttributeNames.Operator): @operator = named.Value.Value as string; break;
                    case nameof(DslMemberAttributeNames.Value): value = named.Value.Value as string; break;
                }
            }
            return new DslMark((DslOp)op, effect, @operator, value);
        }
        return null;
    }

    /// <summary>The declaration kind of a member's attribute, or null for a member that declares nothing.</summary>
    public DeclarationKind? DeclarationKindOf(ISymbol member) => DeclarationAttribute(member)?.Kind;

    /// <summary>The declaration attribute of a member, with its kind.</summary>
    public (DeclarationKind Kind, AttributeData Attribute)? DeclarationAttribute(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            for (int i = 0; i < _attributes.Length; i++)
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _attributes[i])) return ((DeclarationKind)i, attribute);
            }
        }
        return null;
    }

    /// <summary>
    /// The first declaration attribute of each kind a member carries (a member may wrongly carry two kinds, or one twice),
    /// which is what the generator's <c>ForAttributeWithMetadataName</c> declares for it.
    /// </summary>
    public IEnumerable<(DeclarationKind Kind, AttributeData Attribute)> DeclarationAttributes(ISymbol member)
    {
        var seen = new bool[_attributes.Length];
        foreach (var attribute in member.GetAttributes())
        {
            for (int i = 0; i < _attributes.Length; i++)
            {
                if (!seen[i] && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _attributes[i]))
                {
                    seen[i] = true;
                    yield return ((DeclarationKind)i, attribute);
                }
            }
        }
    }

    /// <summary>The type a declaration of this kind must have.</summary>
    public INamedTypeSymbol DeclaredType(DeclarationKind kind) => _declaredTypes[(int)kind];

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

    /// <summary>The ARN of an <c>AwsManaged</c> member (<c>[AwsManagedPolicyArn]</c>), or null.</summary>
    public string? AwsManagedPolicyArn(ISymbol member)
    {
        if (_awsManagedPolicyArn is null) return null;
        foreach (var attribute in member.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _awsManagedPolicyArn)) return attribute.ConstructorArguments.FirstOrDefault().Value as string;
        }
        return null;
    }

    /// <summary>Whether a type is a typed catalogue class (<c>PolicyAsCode.Aws.S3</c>, <c>S3.Keys</c>, <c>S3.Arn</c>, <c>Keys.Aws</c>), with its owner and nested class.</summary>
    public bool IsTypedCatalogueType(INamedTypeSymbol type, out string? owner, out string? nested)
    {
        owner = nested = null;
        var outer = type.ContainingType ?? type;
        if (outer.ContainingNamespace is not { } ns || !IsTypedNamespace(ns) || outer.Name == AwsManagedClass) return false;
        owner = outer.Name;
        nested = type.ContainingType is null ? "" : type.Name;
        return true;
    }

    /// <summary>Whether a type is in the typed catalogue's namespace (<c>AwsManaged</c> included).</summary>
    public bool IsInTypedNamespace(INamedTypeSymbol type) => (type.ContainingType ?? type).ContainingNamespace is { } ns && IsTypedNamespace(ns);

    private bool IsTypedNamespace(INamespaceSymbol ns) => _typedNamespaces.GetOrAdd(ns, static n => n.ToDisplayString() == TypedNamespace);

    /// <summary>Whether a typed catalogue member (<c>S3.GetObject</c>) is available to this compilation (PolicyAsCode.Aws is referenced).</summary>
    public bool HasTypedMember(string member)
        => _typedMembers.GetOrAdd(member, name =>
        {
            int dot = name.IndexOf('.');
            return _compilation.GetTypeByMetadataName(TypedNamespace + "." + name.Substring(0, dot)) is { } type && !type.GetMembers(name.Substring(dot + 1)).IsEmpty;
        });

    /// <summary>The names of <c>DslMemberAttribute</c>'s named arguments, checked by the compiler against the runtime's attribute in tests.</summary>
    private static class DslMemberAttributeNames
    {
        public const string Effect = nameof(Effect);
        public const string Operator = nameof(Operator);
        public const string Value = nameof(Value);
    }
}
