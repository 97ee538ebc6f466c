namespace PolicyAsCode.CodeFixes;

/// <summary>The names of the properties the analyzer puts on its diagnostics for these fixes.</summary>
internal static class DiagnosticProperties
{
    /// <summary>The value to use instead of the reported one (e.g. <c>s3:GetObject</c> for <c>s3:GetObjet</c>).</summary>
    public const string Suggestion = nameof(Suggestion);

    /// <summary><c>"true"</c> when the reported value is written as a string literal at the diagnostic's location.</summary>
    public const string Literal = nameof(Literal);

    /// <summary>The typed catalogue member for a string action, as C# (<c>S3.GetObject</c>).</summary>
    public const string TypedMember = nameof(TypedMember);

    /// <summary>The namespace of <see cref="TypedMember"/> (<c>PolicyAsCode.Aws</c>).</summary>
    public const string Namespace = nameof(Namespace);

    /// <summary>The DSL condition method to call instead of the reported one (<c>IsIgnoringCase</c>).</summary>
    public const string Operator = nameof(Operator);
}
