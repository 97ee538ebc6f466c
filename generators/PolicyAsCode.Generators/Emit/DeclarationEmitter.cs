using PolicyAsCode.Generators.Emit;

namespace PolicyAsCode.Generators;

/// <summary>
/// Writes one declaration's file: the <c>IamFile</c> attributes of its JSON files (read by the build task) and, when its
/// type is partial, its nested class <c>Compiled.&lt;Member&gt;</c> with the JSON and compiled evaluator.
/// </summary>
internal static class DeclarationEmitter
{
    /// <summary>The compiled class's member that reads the declared value.</summary>
    public const string DeclaredMember = "DeclaredValue";

    /// <summary>
    /// <c>Namespace.Outer+Inner.Member.g.cs</c>: nested types joined as in metadata names, so no two types share one.
    /// Whatever the code, the name is one Roslyn accepts: a character that cannot stand in a file name (the
    /// <c>&lt;invalid-global-code&gt;</c> type of members written among top-level statements) becomes <c>_</c>, and the
    /// name then ends with a hash of the original, so two names that differ only there still differ.
    /// </summary>
    public static string HintName(DeclarationSpec spec)
    {
        string name = $"{(spec.Containing.Namespace is { } ns ? ns + "." : "")}{string.Join("+", spec.Containing.Types.Select(t => t.Name))}.{spec.MemberName}".Replace("@", "");
        var safe = new System.Text.StringBuilder(name.Length);
        foreach (char c in name) safe.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '.' or '+' or '-' ? c : '_');
        return safe.ToString() == name ? name + ".g.cs" : $"{safe}.{StableHash(name):x8}.g.cs";
    }

    /// <summary>FNV-1a over the UTF-16 code units: the same on every machine and run (string.GetHashCode is not).</summary>
    private static uint StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text) hash = (hash ^ c) * 16777619;
        return hash;
    }

    /// <summary>The declaration's file, or null when it has no valid value.</summary>
    public static string? Emit(DeclarationSpec spec)
    {
        if (spec.Files.IsEmpty) return null;
        var w = GeneratedFile.Start();
        foreach (var file in spec.Files)
        {
            w.WriteLine($"[assembly: global::PolicyAsCode.Compiled.IamFile({CSharpLiteral.String(file.File)}, {CSharpLiteral.String(file.Json)})]");
        }
        if (spec.Containing.Types.Any(t => !t.IsPartial)) return w.ToString();
        w.WriteLine();
        EvaluatorHelpers helpers;
        using (w.Blocks(ContainingBlocks(spec.Containing)))
        {
            w.WriteLine("/// <summary>The policies and roles of this type, compiled by PolicyAsCode.</summary>");
            using (w.Block("public static partial class Compiled"))
            {
                w.WriteLine($"/// <summary>The {DeclarationKinds.Of(spec.Kind).Prose} <c>{Xml(spec.Name)}</c>: its IAM JSON and compiled evaluator.</summary>");
                w.WriteLine(GeneratedFile.GeneratedCodeAttribute);
                using (w.Block($"public static class {spec.MemberName}"))
                {
                    w.WriteLine($"/// <summary>The IAM name.</summary>");
                    w.WriteLine($"public const string Name = {CSharpLiteral.String(spec.Name)};");
                    w.WriteLine();
                    w.WriteLine("/// <summary>The declared value, for the assembly's registry (which cannot reach a private member).</summary>");
                    w.WriteLine($"internal static object {DeclaredMember} => global::{spec.Containing.FullName}.{spec.MemberName};");
                    w.WriteLine();
                    // The first file is the policy's own JSON, or the role's trust policy.
                    if (spec.Role is not { } role)
                    {
                        helpers = WritePolicy(w, "Json", "Evaluate", spec.Document!, spec.Files[0].Json, $"the policy {spec.Name}");
                    }
                    else
                    {
                        helpers = WritePolicy(w, "TrustPolicyJson", "EvaluateTrust", role.Draft.TrustPolicy(), spec.Files[0].Json, $"the trust policy of {spec.Name}");
                        w.WriteLine();
                        w.WriteLine("/// <summary>The names of the policies declared in this project and attached to the role.</summary>");
                        w.WriteLine($"public static global::System.Collections.Generic.IReadOnlyList<string> AttachedPolicies {{ get; }} = new string[] {{ {string.Join(", ", role.AttachedDeclared.Select(CSharpLiteral.String))} }};");
                        w.WriteLine();
                        w.WriteLine("/// <summary>The ARNs of the AWS managed or existing policies attached to the role.</summary>");
                        w.WriteLine($"public static global::System.Collections.Generic.IReadOnlyList<string> AttachedPolicyArns {{ get; }} = new string[] {{ {string.Join(", ", role.Draft.Attached.Select(a => CSharpLiteral.String(a.Arn)))} }};");
                    }
                }
            }
        }
        // The evaluator's prepared patterns and switches: a file-local class at namespace level, so no name can clash.
        if (!helpers.IsEmpty)
        {
            w.WriteLine();
            helpers.Write(w);
        }
        return w.ToString();
    }

    private static IEnumerable<string> ContainingBlocks(ContainingTypeSpec containing)
    {
        if (containing.Namespace is { } ns) yield return $"namespace {ns}";
        foreach (var type in containing.Types) yield return $"{(type.IsStatic ? "static " : "")}partial {type.Keyword} {type.Name}";
    }

    private static EvaluatorHelpers WritePolicy(IndentedWriter w, string jsonName, string methodName, PolicyDocument document, string json, string what)
    {
        w.WriteLine($"/// <summary>The canonical IAM JSON of {Xml(what)}.</summary>");
        w.WriteLine($"public const string {jsonName} = {CSharpLiteral.String(json)};");
        w.WriteLine();
        // The compiled evaluator: straight-line code with the interpreter's semantics (Emit/EvaluatorEmitter.cs).
        var helpers = EvaluatorEmitter.Emit(document, methodName, w);
        w.WriteLine();
        w.WriteLine($"/// <summary><see cref=\"{methodName}\"/> as a delegate.</summary>");
        w.WriteLine($"public static global::System.Func<global::PolicyAsCode.Request, global::PolicyAsCode.Decision> {methodName}Delegate {{ get; }} = {methodName};");
        // The same document prepared with its compiled evaluator, to take part in a PolicySet (Authorizer) beside other
        // policies, compiled or read at run time. Parsed from the JSON on first use only.
        string prepared = "Prepared" + methodName.Substring("Evaluate".Length);
        w.WriteLine();
        w.WriteLine($"private static global::PolicyAsCode.PreparedPolicy? s_{prepared};");
        w.WriteLine();
        w.WriteLine($"/// <summary>{Xml(what.Substring(0, 1).ToUpperInvariant() + what.Substring(1))}, prepared with <see cref=\"{methodName}\"/> as its evaluator: for a <see cref=\"global::PolicyAsCode.PolicySet\"/>.</summary>");
        string grant = EvaluatorEmitter.HasGrant(document.Statements.Items) ? $", {methodName}Grant" : ", null";
        w.WriteLine($"public static global::PolicyAsCode.PreparedPolicy {prepared} => s_{prepared} ??= new global::PolicyAsCode.PreparedPolicy(global::PolicyAsCode.Json.PolicyJson.Parse({jsonName}), Name, {methodName}Delegate{grant});");
        return helpers;
    }

    internal static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
