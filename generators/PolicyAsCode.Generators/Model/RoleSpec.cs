using PolicyAsCode.Dsl;

namespace PolicyAsCode.Generators;

/// <summary>A role, evaluated: its draft, with the policies declared in code and attached to it.</summary>
internal sealed record RoleSpec(RoleDraft Draft)
{
    /// <summary>The IAM names of the declared policies attached to the role, in order.</summary>
    public IEnumerable<string> AttachedDeclared => Draft.Declared.Select(d => d.Name ?? "");
}
