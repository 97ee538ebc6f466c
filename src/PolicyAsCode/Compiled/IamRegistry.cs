using System.Runtime.CompilerServices;
using System.Reflection;
using PolicyAsCode.Compiled;
using PolicyAsCode.Json;

namespace PolicyAsCode;

/// <summary>
/// The policies and roles declared in an assembly (with <see cref="ManagedPolicyAttribute"/>, <see cref="ResourcePolicyAttribute"/>
/// and <see cref="RoleAttribute"/>), as its generated registry lists them: a test can loop over all of a project's
/// declarations, validate each and evaluate it.
/// </summary>
/// <example>
/// <code>
/// foreach (var declaration in IamRegistry.Of(typeof(Policies).Assembly))
/// {
///     Assert.Empty(PolicyValidator.Validate(declaration.Document, new ValidationOptions(declaration.ValidateAs) { Catalogue = ServiceCatalogue.Default }));
///     if (declaration.Role is { } role) Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(request, role.SessionPolicySet()));
/// }
/// </code>
/// </example>
public static class IamRegistry
{
    /// <summary>The generated registry's type: <c>PolicyAsCode.Generated.IamDeclarations</c>, internal to each assembly.</summary>
    private const string RegistryType = "PolicyAsCode.Generated.IamDeclarations";

    // Weakly keyed, so that an assembly loaded into a collectible context can still be unloaded.
    private static readonly ConditionalWeakTable<Assembly, IReadOnlyList<IamDeclaration>> s_byAssembly = new();

    /// <summary>The declarations of an assembly, by name (ordinal), as its source generator listed them; empty when it declares none.</summary>
    /// <param name="assembly">The assembly, e.g. <c>typeof(Policies).Assembly</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="assembly"/> is null.</exception>
    public static IReadOnlyList<IamDeclaration> Of(Assembly assembly)
    {
        if (assembly is null) throw new ArgumentNullException(nameof(assembly));
        return s_byAssembly.GetValue(assembly, static a =>
            a.GetType(RegistryType, throwOnError: false)?.GetProperty("All", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IReadOnlyList<IamDeclaration> ?? []);
    }

    /// <summary>
    /// The IAM name of the managed policy declared with this document in a loaded assembly, or null when none or several
    /// (different names with the same document) are.
    /// </summary>
    internal static string? ManagedPolicyName(PolicyDocument document) => NameOf(document, IamDeclarationKind.ManagedPolicy);

    /// <summary>The name of the declaration of this kind with this document in a loaded assembly, or null when none or several are.</summary>
    internal static string? NameOf(PolicyDocument document, IamDeclarationKind kind)
    {
        string json = PolicyJson.Write(document);
        string? found = null;
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            // Only assemblies that reference this one can declare policies.
            if (assembly.IsDynamic || assembly == typeof(IamRegistry).Assembly) continue;
            foreach (var declaration in Of(assembly))
            {
                if (declaration.Kind != kind || declaration.Json != json) continue;
                if (found is not null && found != declaration.Name) return null;
                found = declaration.Name;
            }
        }
        return found;
    }
}
