namespace PolicyAsCode.Generators;

/// <summary>The type that declares a policy, from the namespace down through nested types.</summary>
/// <param name="Namespace">The namespace, or null for the global namespace.</param>
/// <param name="Types">The types, outermost first.</param>
/// <param name="IsAssemblyVisible">Whether code elsewhere in the assembly can name the type (none of the types is private or protected).</param>
/// <remarks>Equatable and free of Roslyn objects.</remarks>
internal sealed record ContainingTypeSpec(string? Namespace, EquatableArray<TypeSpec> Types, bool IsAssemblyVisible = true)
{
    /// <summary>A name usable in hint names and registries: <c>Ns.Outer.Inner</c>.</summary>
    public string FullName => (Namespace is null ? "" : Namespace + ".") + string.Join(".", Types.Select(t => t.Name));
}

/// <summary>One type of the chain: its keyword (class, struct, record), name and whether it is static and partial.</summary>
internal sealed record TypeSpec(string Keyword, string Name, bool IsStatic, bool IsPartial);
