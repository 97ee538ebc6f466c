namespace PolicyAsCode.Generators;

/// <summary>What a declaration is.</summary>
internal enum DeclarationKind
{
    ManagedPolicy,
    ResourcePolicy,
    Role,
    ServiceControlPolicy,
    ResourceControlPolicy,
}
