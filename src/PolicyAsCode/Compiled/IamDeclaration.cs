using PolicyAsCode.Json;
using PolicyAsCode.Rules;

namespace PolicyAsCode.Compiled;

/// <summary>What a declaration is.</summary>
public enum IamDeclarationKind
{
    /// <summary>A customer managed (identity-based) policy.</summary>
    ManagedPolicy,

    /// <summary>A resource-based policy.</summary>
    ResourcePolicy,

    /// <summary>An IAM role (its trust policy is the JSON and the evaluator).</summary>
    Role,

    /// <summary>An AWS Organizations service control policy.</summary>
    ServiceControlPolicy,

    /// <summary>An AWS Organizations resource control policy.</summary>
    ResourceControlPolicy,
}

/// <summary>
/// One policy or role declared in an assembly, as listed by its generated registry; <see cref="IamRegistry.Of"/> lists
/// an assembly's declarations, so that a test can validate and evaluate every one of them.
/// </summary>
/// <param name="Kind">What it is.</param>
/// <param name="Name">The IAM name.</param>
/// <param name="File">The file written under <c>iam/</c> at build.</param>
/// <param name="Json">The JSON (for a role, its trust policy).</param>
/// <param name="Evaluate">The compiled evaluator (for a role, of its trust policy), or null when the declaring type is not partial or not visible to the assembly.</param>
/// <param name="Declared">Reads the declared member (the <see cref="IdentityPolicy"/>, <see cref="ResourcePolicy"/> or <see cref="PolicyAsCode.Role"/>), or null when the declaring type is not partial or not visible to the assembly.</param>
public sealed record IamDeclaration(IamDeclarationKind Kind, string Name, string File, string? Json, Func<Request, Decision>? Evaluate, Func<object>? Declared = null)
{
    private PolicyDocument? _document;

    /// <summary>The document (for a role, its trust policy), read from <see cref="Json"/>.</summary>
    /// <exception cref="InvalidOperationException">The declaration has no JSON.</exception>
    public PolicyDocument Document => _document ??= PolicyJson.Parse(Json ?? throw new InvalidOperationException($"The declaration {Name} has no JSON."));

    /// <summary>What the rule engine validates <see cref="Document"/> as: identity-based, resource-based, or a role's trust policy.</summary>
    public PolicyKind ValidateAs => Kind switch
    {
        IamDeclarationKind.ManagedPolicy => PolicyKind.Identity,
        IamDeclarationKind.ResourcePolicy => PolicyKind.Resource,
        IamDeclarationKind.Role => PolicyKind.Trust,
        IamDeclarationKind.ServiceControlPolicy => PolicyKind.ServiceControlPolicy,
        IamDeclarationKind.ResourceControlPolicy => PolicyKind.ResourceControlPolicy,
        _ => throw new InvalidOperationException($"The declaration {Name} is of a kind ({Kind}) this version does not know."),
    };

    /// <summary>The declared role, for a <see cref="IamDeclarationKind.Role"/> whose declaring type is partial (null otherwise).</summary>
    public Role? Role => Kind == IamDeclarationKind.Role ? Declared?.Invoke() as Role : null;

    /// <summary>The declared policy, for a policy whose declaring type is partial (null otherwise).</summary>
    public PolicyBase? Policy => Kind != IamDeclarationKind.Role ? Declared?.Invoke() as PolicyBase : null;
}
