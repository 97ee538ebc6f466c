using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Compiled;
using PolicyAsCode.Json;

namespace PolicyAsCode.Tests.Generator;

/// <summary>
/// A test compilation with its generated code, emitted and loaded into a collectible context, so that a test can run
/// the very same DSL code at run time and compare what it builds with what the generator embedded.
/// </summary>
/// <remarks>
/// The loaded assembly resolves PolicyAsCode and PolicyAsCode.Aws from the test's own context, so the declared members
/// return the test's <see cref="IdentityPolicy"/>, <see cref="ResourcePolicy"/> and <see cref="Role"/> objects.
/// </remarks>
internal sealed class GeneratedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private GeneratedAssembly(AssemblyLoadContext context, Assembly assembly, Compilation compilation)
    {
        _context = context;
        Assembly = assembly;
        Compilation = compilation;
    }

    public Assembly Assembly { get; }

    public Compilation Compilation { get; }

    public static GeneratedAssembly Load(Compilation compilation)
    {
        using var pe = new MemoryStream();
        var emit = compilation.Emit(pe);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        pe.Position = 0;
        var context = new AssemblyLoadContext("PolicyGeneratorTest", isCollectible: true);
        return new GeneratedAssembly(context, context.LoadFromStream(pe), compilation);
    }

    public void Dispose() => _context.Unload();

    /// <summary>The <c>[assembly: IamFile(name, content)]</c> attributes the build task turns into <c>iam/*.json</c>.</summary>
    public SortedDictionary<string, string> IamFiles()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Assembly.GetCustomAttributes<IamFileAttribute>()) files.Add(file.FileName, file.Content);
        return files;
    }

    /// <summary>Every static property or field with a declaration attribute, and its value at run time.</summary>
    public IReadOnlyList<Declared> Declarations()
    {
        var declared = new List<Declared>();
        foreach (var type in Assembly.GetTypes())
        {
            foreach (var member in type.GetMembers(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (member is not (PropertyInfo or FieldInfo)) continue;
                if (DeclarationOf(member) is not { } declaration) continue;
                object value = member is PropertyInfo property ? property.GetValue(null)! : ((FieldInfo)member).GetValue(null)!;
                declared.Add(new Declared(type, member.Name, declaration.Kind, declaration.Name, value));
            }
        }
        return declared;
    }

    private static (IamDeclarationKind Kind, string Name)? DeclarationOf(MemberInfo member)
    {
        if (member.GetCustomAttribute<ManagedPolicyAttribute>() is { } managed) return (IamDeclarationKind.ManagedPolicy, managed.Name);
        if (member.GetCustomAttribute<ResourcePolicyAttribute>() is { } resource) return (IamDeclarationKind.ResourcePolicy, resource.Name);
        if (member.GetCustomAttribute<RoleAttribute>() is { } role) return (IamDeclarationKind.Role, role.Name);
        if (member.GetCustomAttribute<ServiceControlPolicyAttribute>() is { } scp) return (IamDeclarationKind.ServiceControlPolicy, scp.Name);
        if (member.GetCustomAttribute<ResourceControlPolicyAttribute>() is { } rcp) return (IamDeclarationKind.ResourceControlPolicy, rcp.Name);
        return null;
    }

    /// <summary>The files the declarations' run-time values say should be written: policies, trust and inline policies.</summary>
    public SortedDictionary<string, string> RuntimeFiles()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var declaration in Declarations())
        {
            switch (declaration.Value)
            {
                case PolicyBase policy:
                    files.Add($"{declaration.Name}.json", policy.ToJson());
                    break;
                case Role role:
                    files.Add($"{declaration.Name}.trust.json", role.TrustPolicyJson);
                    foreach (var inline in role.Draft.Inline) files.Add($"{declaration.Name}.inline.{inline.Name}.json", PolicyJson.Write(inline.Document));
                    break;
            }
        }
        return files;
    }

    /// <summary>
    /// The generated declarations agree with the run-time DSL: every IAM file's JSON equals, byte for byte, the JSON the
    /// same code builds when it runs; each declaration's <c>Compiled</c> class carries that JSON, its IAM name and an
    /// evaluator; and the registry lists each declaration once.
    /// </summary>
    /// <param name="compiled">
    /// Whether the declaring types are partial, so that each declaration has its compiled class (which the registry
    /// names when the type is visible to it).
    /// </param>
    /// <returns>The IAM files, for further checks.</returns>
    public SortedDictionary<string, string> AssertMatchesRuntime(bool compiled = true)
    {
        var declarations = Declarations();
        Assert.NotEmpty(declarations);
        var files = IamFiles();
        var expected = RuntimeFiles();
        expected.Add("manifest.json", files.GetValueOrDefault("manifest.json") ?? "(missing)");
        Assert.Equal(expected.Keys, files.Keys);
        foreach (var (file, json) in expected) Assert.True(json == files[file], $"iam/{file}: the generator wrote{Environment.NewLine}{files[file]}{Environment.NewLine}and the DSL builds{Environment.NewLine}{json}");

        var registry = Registry();
        Assert.Equal(declarations.Select(d => d.Name).Order(StringComparer.Ordinal), registry.Select(d => d.Name));
        foreach (var declaration in declarations)
        {
            var entry = Assert.Single(registry, r => r.Name == declaration.Name);
            string file = declaration.Kind == IamDeclarationKind.Role ? $"{declaration.Name}.trust.json" : $"{declaration.Name}.json";
            Assert.Equal((declaration.Kind, file, files[file]), (entry.Kind, entry.File, entry.Json));
            Assert.Equal(compiled && IsAssemblyVisible(declaration.Type), entry.Evaluate is not null);
            // The registry reads the declared value through the compiled class: the very object the member builds.
            Assert.Equal(compiled && IsAssemblyVisible(declaration.Type), entry.Declared is not null);
            if (entry.Declared is not null) Assert.Equal(files[file], declaration.Kind == IamDeclarationKind.Role ? entry.Role!.TrustPolicyJson : entry.Policy!.ToJson());
            Assert.Equal(PolicyJson.Parse(files[file]), entry.Document);

            var compiledClass = declaration.Type.GetNestedType("Compiled")?.GetNestedType(declaration.Member);
            if (!compiled)
            {
                Assert.Null(compiledClass);
                continue;
            }
            Assert.NotNull(compiledClass);
            Assert.Equal(declaration.Name, Constant(compiledClass, "Name"));
            bool role = declaration.Kind == IamDeclarationKind.Role;
            Assert.Equal(files[file], Constant(compiledClass, role ? "TrustPolicyJson" : "Json"));
            var evaluate = compiledClass.GetMethod(role ? "EvaluateTrust" : "Evaluate", BindingFlags.Public | BindingFlags.Static, [typeof(Request)]);
            Assert.Equal(typeof(Decision), evaluate?.ReturnType);
        }
        return files;
    }

    /// <summary><c>PolicyAsCode.Generated.IamDeclarations.All</c>.</summary>
    public IReadOnlyList<IamDeclaration> Registry()
    {
        var type = Assembly.GetType("PolicyAsCode.Generated.IamDeclarations", throwOnError: true)!;
        return (IReadOnlyList<IamDeclaration>)type.GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }

    /// <summary>Whether other code in the assembly can name the type (the registry cannot reach into private types).</summary>
    private static bool IsAssemblyVisible(Type type)
    {
        for (var current = type; current is not null; current = current.DeclaringType)
        {
            if (current.IsNestedPrivate || current.IsNestedFamily || current.IsNestedFamANDAssem) return false;
        }
        return true;
    }

    private static object? Constant(Type type, string name)
    {
        var field = type.GetField(name, BindingFlags.Public | BindingFlags.Static);
        Assert.True(field is { IsLiteral: true }, $"{type.Name}.{name} is a public const");
        return field!.GetRawConstantValue();
    }
}

/// <summary>A declared member and its value at run time.</summary>
internal sealed record Declared(Type Type, string Member, IamDeclarationKind Kind, string Name, object Value);
