extern alias generator;

using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TrackingNames = generator::PolicyAsCode.Generators.PolicyGenerator.TrackingNames;

namespace PolicyAsCode.Tests.Generator;

/// <summary>
/// The incremental pipeline (STYLE.md "Caching"): an edit elsewhere leaves every tracked step cached or unchanged, an
/// edited declaration re-runs only its own steps, and no step holds a symbol, syntax node, tree, compilation, semantic
/// model or location.
/// </summary>
public class GeneratorCachingTests
{
    private const string First = """
        namespace Caching;

        public static partial class First
        {
            [ManagedPolicy("first")]
            public static IdentityPolicy Read => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("first", "*"));
        }
        """;

    private const string Second = """
        namespace Caching;

        public static partial class Second
        {
            [ManagedPolicy("second")]
            public static IdentityPolicy Write => Policy.Identity().Allow(S3.PutObject).On(S3.Arn.Object("second", "*"));

            [ResourcePolicy("second_bucket")]
            public static ResourcePolicy Bucket => Policy.Resource().Allow(S3.GetObject).For(Principal.Account("444455556666")).On(S3.Arn.Object("second", "*"));

            [Role("second_role")]
            public static Role Writer => Role.Define().TrustedBy(Principal.Service("lambda.amazonaws.com")).Attach(Write);

            [ServiceControlPolicy("second_scp")]
            public static ServiceControlPolicy NoLeaving => Policy.ServiceControl().Deny(Organizations.LeaveOrganization).OnAll();

            [ResourceControlPolicy("second_rcp")]
            public static ResourceControlPolicy TlsOnly => Policy.ResourceControl().Deny("s3:*").OnAll().When(Keys.Aws.SecureTransport.IsFalse());
        }
        """;

    private const string Unrelated = """
        namespace Caching;

        public static class Unrelated
        {
            public static int Value => 1;
        }
        """;

    private static readonly IncrementalStepRunReason[] s_cachedOrUnchanged = [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged];

    /// <summary>Every tracking name the generator declares, so a stage added later is covered too.</summary>
    private static readonly string[] s_trackingNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void UnrelatedEdit_LeavesEveryStepCachedOrUnchanged()
    {
        var result = RunTwice(First, Second, Unrelated, 2, Unrelated.Replace("public static int Value => 1;", "// a comment\n    public static int Value => 2;\n    public static string Other() => \"x\";"));

        foreach (var name in s_trackingNames)
        {
            var outputs = Outputs(result, name);
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.Contains(o.Reason, s_cachedOrUnchanged));
        }
    }

    [Fact]
    public void EditedDeclaration_IsModifiedAndTheOtherIsNot()
    {
        var result = RunTwice(First, Second, Unrelated, 0, First.Replace("S3.GetObject", "S3.GetObjectAcl"));

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(result, TrackingNames.ManagedPolicies), o => NameOf(o.Value) == "first").Reason);
        Assert.Contains(Assert.Single(Outputs(result, TrackingNames.ManagedPolicies), o => NameOf(o.Value) == "second").Reason, s_cachedOrUnchanged);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(result, TrackingNames.Specs), o => NameOf(o.Value) == "first").Reason);
        Assert.Contains(Assert.Single(Outputs(result, TrackingNames.Specs), o => NameOf(o.Value) == "second").Reason, s_cachedOrUnchanged);
        Assert.Contains(Assert.Single(Outputs(result, TrackingNames.Specs), o => NameOf(o.Value) == "second_role").Reason, s_cachedOrUnchanged);
        Assert.All(Outputs(result, TrackingNames.ResourcePolicies), o => Assert.Contains(o.Reason, s_cachedOrUnchanged));
        Assert.All(Outputs(result, TrackingNames.Roles), o => Assert.Contains(o.Reason, s_cachedOrUnchanged));
        Assert.All(Outputs(result, TrackingNames.ServiceControlPolicies), o => Assert.Contains(o.Reason, s_cachedOrUnchanged));
        Assert.All(Outputs(result, TrackingNames.ResourceControlPolicies), o => Assert.Contains(o.Reason, s_cachedOrUnchanged));
        // The manifest and registry depend on names, files and attachments only: an edit inside a policy leaves them cached.
        Assert.Contains(Assert.Single(Outputs(result, TrackingNames.Collected)).Reason, s_cachedOrUnchanged);
    }

    [Fact]
    public void RenamedDeclaration_ModifiesTheAssemblyWideOutputs()
    {
        var result = RunTwice(First, Second, Unrelated, 0, First.Replace("[ManagedPolicy(\"first\")]", "[ManagedPolicy(\"first_renamed\")]"));

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(result, TrackingNames.Collected)).Reason);
        Assert.Contains(Assert.Single(Outputs(result, TrackingNames.Specs), o => NameOf(o.Value) == "second").Reason, s_cachedOrUnchanged);
    }

    [Fact]
    public void MovedDeclaration_ReparsesButEmitsNothingAgain()
    {
        // A comment above the declaration moves it: its location changes, its spec does not.
        var result = RunTwice(First, Second, Unrelated, 0, First.Replace("    [ManagedPolicy", "    // Reads the first bucket.\n    [ManagedPolicy"));

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(result, TrackingNames.ManagedPolicies), o => NameOf(o.Value) == "first").Reason);
        Assert.All(Outputs(result, TrackingNames.Specs), o => Assert.Contains(o.Reason, s_cachedOrUnchanged));
        Assert.All(Outputs(result, TrackingNames.Collected), o => Assert.Contains(o.Reason, s_cachedOrUnchanged));
    }

    [Fact]
    public void StepOutputs_HoldNoRoslynObjects()
    {
        var run = GeneratorHarness.Run(First, Second, Unrelated,
            """
            public static partial class Broken
            {
                [ManagedPolicy("broken")]
                public static IdentityPolicy Broken1 => Policy.Identity().Allow(S3.GetObject).On(Environment.MachineName);
            }
            """);
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var name in s_trackingNames)
        {
            foreach (var step in run.Result.Results[0].TrackedSteps[name])
            {
                foreach (var (value, _) in step.Outputs) AssertHoldsNoRoslynObjects(value, name, visited);
            }
        }
        Assert.Contains(visited, v => v.GetType().Name == "DeclarationSpec");
        Assert.Contains(visited, v => v.GetType().Name == "DiagnosticInfo");
    }

    private static GeneratorDriverRunResult RunTwice(string first, string second, string unrelated, int edited, string newText)
    {
        var compilation = GeneratorHarness.Compilation(first, second, unrelated);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.ElementAt(edited);
        var next = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(GeneratorHarness.Usings + newText, GeneratorHarness.ParseOptions, tree.FilePath));
        var result = driver.RunGenerators(next).GetRunResult();
        GeneratorHarness.AssertNothingEscaped(result);
        return result;
    }

    private static (object Value, IncrementalStepRunReason Reason)[] Outputs(GeneratorDriverRunResult result, string trackingName)
        => result.Results[0].TrackedSteps.TryGetValue(trackingName, out var steps) ? steps.SelectMany(s => s.Outputs).ToArray() : [];

    /// <summary>The IAM name of a declaration spec (an internal record of the generator).</summary>
    private static string? NameOf(object value) => value.GetType().GetProperty("Name")?.GetValue(value) as string;

    private static void AssertHoldsNoRoslynObjects(object? value, string path, HashSet<object> visited)
    {
        if (value is null or string or decimal) return;
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || type.IsPointer) return;
        Assert.False(value is ISymbol or SyntaxNode or SyntaxTree or Compilation or SemanticModel or Location,
            $"{path} is a {type.FullName}: pipeline models must be plain equatable data (STYLE.md \"Generator pipeline\").");
        if (!type.IsValueType && !visited.Add(value)) return;
        if (value is Array array)
        {
            int i = 0;
            foreach (var item in array) AssertHoldsNoRoslynObjects(item, $"{path}[{i++}]", visited);
            return;
        }
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertHoldsNoRoslynObjects(field.GetValue(value), $"{path}.{field.Name}", visited);
            }
        }
    }
}
