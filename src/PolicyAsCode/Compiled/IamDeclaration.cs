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

/// <summary>One policy or role declared in an assembly, as listed by its generated registry.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Name">The IAM name.</param>
/// <param name="File">The file written under <c>iam/</c> at build.</param>
/// <param name="Json">The JSON (for a role, its trust policy), or null when the declaring type is not partial.</param>
/// <param name="Evaluate">The compiled evaluator, or null when the declaring type is not partial.</param>
public sealed record IamDeclaration(IamDeclarationKind Kind, string Name, string File, string? Json, Func<Request, Decision>? Evaluate);
