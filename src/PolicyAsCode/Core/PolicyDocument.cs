namespace PolicyAsCode;

/// <summary>
/// An IAM policy document exactly as AWS defines it: an optional <c>Version</c> and <c>Id</c>, and one or more statements.
/// </summary>
/// <remarks>
/// Immutable and compared by value. Shared with the source generator, so it holds only strings, enums and
/// <see cref="EquatableArray{T}"/>.
/// </remarks>
public sealed record PolicyDocument
{
    /// <summary>The current policy language version, the only one that supports policy variables.</summary>
    public const string Version2012 = "2012-10-17";

    /// <summary>The older policy language version, in which <c>${...}</c> is literal text.</summary>
    public const string Version2008 = "2008-10-17";

    /// <summary>Creates a document with version 2012-10-17 and the given statements.</summary>
    public PolicyDocument(params Statement[] statements)
        : this(Version2012, null, EquatableArray.Create(statements))
    {
    }

    /// <summary>Creates a document.</summary>
    /// <param name="version">The <c>Version</c> element, or null when the document has none (AWS then applies 2008-10-17).</param>
    /// <param name="id">The optional <c>Id</c> element.</param>
    /// <param name="statements">The statements, at least one.</param>
    public PolicyDocument(string? version, string? id, EquatableArray<Statement> statements)
    {
        Version = version;
        Id = id;
        Statements = statements;
    }

    /// <summary>The <c>Version</c> element as written, or null when absent.</summary>
    public string? Version { get; init; }

    /// <summary>The optional <c>Id</c> element.</summary>
    public string? Id { get; init; }

    /// <summary>The statements, in document order.</summary>
    public EquatableArray<Statement> Statements { get; init; }

    /// <summary>
    /// Whether <c>${...}</c> in this document is a policy variable: only in version 2012-10-17. Without a <c>Version</c>
    /// element, AWS applies 2008-10-17 and treats variables as literal text.
    /// </summary>
    public bool SupportsPolicyVariables => Version == Version2012;
}
