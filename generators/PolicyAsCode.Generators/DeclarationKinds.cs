using System.Collections.Immutable;
using PolicyAsCode.Rules;

namespace PolicyAsCode.Generators;

/// <summary>Everything the generator and the analyzer say or look up about one kind of declaration.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Attribute">The attribute's metadata name, as <c>ForAttributeWithMetadataName</c> takes it.</param>
/// <param name="AttributeWord">The attribute as a user writes it: <c>ManagedPolicy</c> in <c>[ManagedPolicy("...")]</c>.</param>
/// <param name="DeclaredType">The metadata name of the type the declared member must have.</param>
/// <param name="Prose">How messages and documentation comments name it.</param>
/// <param name="ManifestKind">Its <c>kind</c> in <c>iam/manifest.json</c> (null for roles, which have their own list).</param>
/// <param name="ValidateAs">What the rule engine validates its policy as (a role: its trust policy).</param>
internal sealed record DeclarationKindInfo(
    DeclarationKind Kind,
    string Attribute,
    string AttributeWord,
    string DeclaredType,
    string Prose,
    string? ManifestKind,
    PolicyKind ValidateAs)
{
    /// <summary>The declared type as a message names it: <c>IdentityPolicy</c>.</summary>
    public string DeclaredTypeName => DeclaredType.Substring(DeclaredType.LastIndexOf('.') + 1);

    /// <summary>The registry's <c>IamDeclarationKind</c> member.</summary>
    public string RegistryKind => Kind.ToString();
}

/// <summary>The one table of declaration kinds: the pipeline, the parser, the interpreter, the emitter and the analyzer read it.</summary>
internal static class DeclarationKinds
{
    public static ImmutableArray<DeclarationKindInfo> All { get; } =
    [
        new(DeclarationKind.ManagedPolicy, "PolicyAsCode.ManagedPolicyAttribute", "ManagedPolicy", "PolicyAsCode.IdentityPolicy", "managed policy", "managed", PolicyKind.Identity),
        new(DeclarationKind.ResourcePolicy, "PolicyAsCode.ResourcePolicyAttribute", "ResourcePolicy", "PolicyAsCode.ResourcePolicy", "resource policy", "resource", PolicyKind.Resource),
        new(DeclarationKind.Role, "PolicyAsCode.RoleAttribute", "Role", "PolicyAsCode.Role", "role", null, PolicyKind.Trust),
        new(DeclarationKind.ServiceControlPolicy, "PolicyAsCode.ServiceControlPolicyAttribute", "ServiceControlPolicy", "PolicyAsCode.ServiceControlPolicy", "service control policy", "scp", PolicyKind.ServiceControlPolicy),
        new(DeclarationKind.ResourceControlPolicy, "PolicyAsCode.ResourceControlPolicyAttribute", "ResourceControlPolicy", "PolicyAsCode.ResourceControlPolicy", "resource control policy", "rcp", PolicyKind.ResourceControlPolicy),
    ];

    public static DeclarationKindInfo Of(DeclarationKind kind) => All[(int)kind];
}
