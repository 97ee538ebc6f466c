using PolicyAsCode.Generators.Emit;

namespace PolicyAsCode.Generators;

/// <summary>
/// Writes the assembly's one file of declarations: the manifest's <c>IamFile</c> attribute (<see cref="ManifestWriter"/>)
/// and the registry of every declaration, <c>PolicyAsCode.Generated.IamDeclarations</c>.
/// </summary>
internal static class AssemblyEmitter
{
    public const string HintName = "PolicyAsCode.Declarations.g.cs";

    public static string Emit(EquatableArray<DeclarationSummary> declarations)
    {
        var w = GeneratedFile.Start();
        w.WriteLine($"[assembly: global::PolicyAsCode.Compiled.IamFile(\"{ManifestWriter.FileName}\", {CSharpLiteral.String(ManifestWriter.Write(declarations))})]");
        w.WriteLine();
        using (w.Block("namespace PolicyAsCode.Generated"))
        {
            // Internal, so that assemblies that each declare policies never clash; PolicyAsCode.IamRegistry.Of(assembly) is the public way in.
            w.WriteLine("/// <summary>Every policy and role declared in this assembly (read it from other assemblies with <c>PolicyAsCode.IamRegistry.Of(assembly)</c>).</summary>");
            w.WriteLine(GeneratedFile.GeneratedCodeAttribute);
            using (w.Block("internal static class IamDeclarations"))
            {
                w.WriteLine("/// <summary>The declarations, by name.</summary>");
                w.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<global::PolicyAsCode.Compiled.IamDeclaration> All { get; } = new global::PolicyAsCode.Compiled.IamDeclaration[]");
                w.WriteLine("{");
                foreach (var summary in declarations)
                {
                    string compiled = $"global::{summary.Containing.FullName}.Compiled.{summary.MemberName}";
                    // The registry can name the compiled class only if it exists and its type is visible here.
                    bool reachable = summary.IsReachable;
                    string json = reachable ? $"{compiled}.{(summary.Role is null ? "Json" : "TrustPolicyJson")}" : CSharpLiteral.String(summary.UnreachableJson ?? "");
                    string evaluate = reachable ? $"{compiled}.{(summary.Role is null ? "Evaluate" : "EvaluateTrust")}" : "null";
                    // The declared value, read through the compiled class, which can reach a private member.
                    string declared = reachable ? $"static () => {compiled}.{DeclarationEmitter.DeclaredMember}" : "null";
                    w.WriteLine($"    new(global::PolicyAsCode.Compiled.IamDeclarationKind.{DeclarationKinds.Of(summary.Kind).RegistryKind}, {CSharpLiteral.String(summary.Name)}, {CSharpLiteral.String(summary.Files[0])}, {json}, {evaluate}, {declared}),");
                }
                w.WriteLine("};");
            }
        }
        return w.ToString();
    }
}
