extern alias generator;

using System.Globalization;
using System.Text.RegularExpressions;
using PolicyAsCode.Json;
using Emit = generator::PolicyAsCode.Generators.Emit;

namespace PolicyAsCode.Tests.CompiledEvaluator;

/// <summary>
/// The shape of the emitted code, for reviewers: the whole evaluator of read_my_bucket, what each pattern shape becomes,
/// and the switch a large policy (ReadOnlyAccess) becomes. That it decides correctly is <see cref="DifferentialTests"/>'
/// job.
/// </summary>
public sealed partial class EmittedCodeTests
{
    public const string ReadMyBucketJson = """
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket" },
            { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" }
          ]
        }
        """;

    private static string Version => typeof(Emit.EvaluatorEmitter).Assembly.GetName().Version!.ToString();

    private static string EmitMethod(PolicyDocument document, string methodName, out string helpers)
    {
        var writer = new Emit.IndentedWriter();
        var emitted = Emit.EvaluatorEmitter.Emit(EvaluatorCompiler.ToGenerator(document), methodName, writer);
        var helperWriter = new Emit.IndentedWriter();
        emitted.Write(helperWriter);
        helpers = helperWriter.ToString();
        return writer.ToString();
    }

    private static PolicyDocument ReadOnlyAccess =>
        PolicyJson.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "managed-policies", "ReadOnlyAccess.json")));

    [Fact]
    public void ReadMyBucket_IsTwoStraightLineStatements()
    {
        string method = EmitMethod(PolicyJson.Parse(ReadMyBucketJson), "ReadMyBucket", out string helpers);

        Assert.Equal($$"""
            /// <summary>
            /// Decides <paramref name="request"/> with this policy alone, as an identity-based policy, exactly as
            /// <see cref="global::PolicyAsCode.PreparedPolicy.Decide(global::PolicyAsCode.Request)"/> does: compiled from the policy.
            /// </summary>
            [global::System.CodeDom.Compiler.GeneratedCode("PolicyAsCode.Generators", "{{Version}}")]
            public static global::PolicyAsCode.Decision ReadMyBucket(global::PolicyAsCode.Request request)
            {
                global::System.ArgumentNullException.ThrowIfNull(request);
                string normalized = request.NormalizedAction;
                string resource = request.Resource;

                // Statement 0: Allow
                if (string.Equals(normalized, "s3:listbucket")
                    && string.Equals(resource, "arn:aws:s3:::my-bucket", global::System.StringComparison.Ordinal))
                {
                    return global::PolicyAsCode.Decision.Allow;
                }

                // Statement 1: Allow
                if (string.Equals(normalized, "s3:getobject")
                    && resource.StartsWith("arn:aws:s3:::my-bucket/", global::System.StringComparison.Ordinal))
                {
                    return global::PolicyAsCode.Decision.Allow;
                }

                return global::PolicyAsCode.Decision.ImplicitDeny;
            }

            """, method);
        Assert.Equal("", helpers);
    }

    [Fact]
    public void EveryShape_BecomesItsSpecialisedCheck()
    {
        var document = LenientPolicyReader.Parse("""
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Deny\"It","Effect":"Deny","NotAction":["s3:Get*","*Object","s3:Get?bject","iam:*"],"NotResource":["arn:aws:s3:::b/*","arn:*:s3:::b"],
               "Principal":{"AWS":"111122223333"},"Condition":{"Bool":{"aws:SecureTransport":"false"}}},
              {"Effect":"Allow","Action":"*","Resource":["arn:aws:s3:::b/x?","arn:aws:s3*","*.txt","other*"]},
              {"Effect":"Allow","Action":"*","NotResource":["arn:aws:s3:::b/${aws:username}/*","arn:aws:s3:::b"]}
            ]}
            """);

        string method = EmitMethod(document, "Shapes", out string helpers);

        Assert.Contains("""
                // Statement 0 (Sid "Deny\"It"): Deny
                if (!(normalized.StartsWith("s3:get", global::System.StringComparison.Ordinal) || normalized.EndsWith("object", global::System.StringComparison.Ordinal) || ShapesHelpers.Statement0Action2.IsMatch(action) || normalized.StartsWith("iam:", global::System.StringComparison.Ordinal))
                    && !(resource.StartsWith("arn:aws:s3:::b/", global::System.StringComparison.Ordinal) || ShapesHelpers.Statement0Resource1.IsMatch(request))
                    && ShapesHelpers.Statement0Principal.Matches(request)
                    && ShapesHelpers.Statement0Conditions.DenyApplies(request))
                {
                    return global::PolicyAsCode.Decision.ExplicitDeny;
                }
            """, method);
        Assert.Contains("""
                // Statement 1: Allow
                if (ShapesHelpers.Statement1Resource0.IsMatch(request)
                    || ShapesHelpers.Statement1Resource1.IsMatch(request)
                    || resource.EndsWith(".txt", global::System.StringComparison.Ordinal)
                    || resource.StartsWith("other", global::System.StringComparison.Ordinal))
            """, method);
        // reference_policies_variables ("If AWS cannot resolve a variable this might cause the entire statement to be
        // invalid"): an element with variables is decided whole by the runtime, which fails closed by effect.
        Assert.Contains("""
                // Statement 2: Allow
                if (ShapesHelpers.Statement2Resources.AllowApplies(request))
            """, method);
        Assert.Equal($$"""
            /// <summary>What the compiled evaluator prepares once: patterns, principals, conditions and action switches.</summary>
            [global::System.CodeDom.Compiler.GeneratedCode("PolicyAsCode.Generators", "{{Version}}")]
            file static class ShapesHelpers
            {
                internal static readonly global::PolicyAsCode.GlobPattern Statement0Action2 = global::PolicyAsCode.Compiled.CompiledAction.Pattern("s3:Get?bject");
                internal static readonly global::PolicyAsCode.Compiled.CompiledArnPattern Statement0Resource1 = global::PolicyAsCode.Compiled.CompiledArnPattern.Create("arn:*:s3:::b", true);
                internal static readonly global::PolicyAsCode.Compiled.CompiledPrincipal Statement0Principal = global::PolicyAsCode.Compiled.CompiledPrincipal.Create(
                    false,
                    false,
                    new global::PolicyAsCode.PrincipalId(global::PolicyAsCode.PrincipalType.Aws, "111122223333"));
                internal static readonly global::PolicyAsCode.Compiled.CompiledConditions Statement0Conditions = global::PolicyAsCode.Compiled.CompiledConditions.Create(
                    global::PolicyAsCode.Compiled.CompiledCondition.Create("Bool", "aws:SecureTransport", new string[] { "false" }, true));
                internal static readonly global::PolicyAsCode.Compiled.CompiledArnPattern Statement1Resource0 = global::PolicyAsCode.Compiled.CompiledArnPattern.Create("arn:aws:s3:::b/x?", true);
                internal static readonly global::PolicyAsCode.Compiled.CompiledArnPattern Statement1Resource1 = global::PolicyAsCode.Compiled.CompiledArnPattern.Create("arn:aws:s3*", true);
                internal static readonly global::PolicyAsCode.Compiled.CompiledResources Statement2Resources = global::PolicyAsCode.Compiled.CompiledResources.Create(
                    true,
                    true,
                    "arn:aws:s3:::b/${aws:username}/*",
                    "arn:aws:s3:::b");
            }

            """, helpers);
    }

    // A pattern with a character outside ASCII is compared with the action ignoring case: NormalizedAction lowercases ASCII
    // letters only, which is ignoring case only against ASCII text.
    [Fact]
    public void NonAsciiActionPatterns_AreComparedIgnoringCase()
    {
        var document = PolicyJson.Parse("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["s3:Caf\u00e9*","s3:GetObject"],"Resource":"*"}}""");

        string method = EmitMethod(document, "Accents", out _);

        Assert.Contains("action.StartsWith(", method);
        Assert.Contains("global::System.StringComparison.OrdinalIgnoreCase", method);
        Assert.Contains("string.Equals(normalized, \"s3:getobject\")", method);
        Assert.Contains("string action = request.Action;", method);
        Assert.Contains("string normalized = request.NormalizedAction;", method);
    }

    // reference_policies_variables: without Version 2012-10-17, ${...} is literal text, so it can be compared as text.
    [Fact]
    public void Version2008_ComparesVariablesAsText()
    {
        var document = PolicyJson.Parse("""{"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}/*"}}""");

        string method = EmitMethod(document, "Old", out string helpers);

        Assert.Contains("resource.StartsWith(\"arn:aws:s3:::b/${aws:username}/\", global::System.StringComparison.Ordinal)", method);
        Assert.Equal("", helpers);
    }

    [Fact]
    public void StatementsAfterOneThatAlwaysApplies_AreLeftOut()
    {
        var document = PolicyJson.Parse("""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},
              {"Effect":"Deny","NotAction":"*","Resource":"*"},
              {"Effect":"Allow","Action":"*","Resource":"*"},
              {"Effect":"Allow","Action":"kms:*","Resource":"arn:aws:kms:*"}
            ]}
            """);

        string method = EmitMethod(document, "Always", out _);

        Assert.Contains("    // Statement 1: Deny, never applies.\n\n    // Statement 0: Allow\n", method);
        Assert.Contains("    // Statement 2: Allow\n    return global::PolicyAsCode.Decision.Allow;\n}\n", method);
        Assert.DoesNotContain("Statement 3", method);
        Assert.DoesNotContain("ImplicitDeny", method);
    }

    // Statements that differ only in their actions are checked as one: either applies exactly when both lists together do.
    [Fact]
    public void StatementsDifferingOnlyInTheirActions_AreCheckedTogether()
    {
        var document = PolicyJson.Parse("""
            {"Version":"2012-10-17","Statement":[
              {"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},
              {"Effect":"Allow","NotAction":"s3:PutObject","Resource":"arn:aws:s3:::b/*"},
              {"Sid":"C","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b/*"},
              {"Effect":"Deny","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::b/*"}
            ]}
            """);

        string method = EmitMethod(document, "Merged", out _);

        Assert.Contains("""
                // Statements 0, 2 (Sids "A", "C"): Allow
                if ((string.Equals(normalized, "s3:getobject")
                        || string.Equals(normalized, "s3:listbucket"))
                    && resource.StartsWith("arn:aws:s3:::b/", global::System.StringComparison.Ordinal))
            """, method);
        Assert.Contains("// Statement 1: Allow", method);
        Assert.Contains("// Statement 3: Deny", method);
    }

    [Fact]
    public void ReadOnlyAccess_SwitchesOnTheServiceFoundOncePerDecision()
    {
        string method = EmitMethod(ReadOnlyAccess, "ReadOnlyAccess", out string helpers);

        // Its two long statements differ only in their actions: one switch, on the service found once per decision.
        Assert.Contains("""
                int colon = normalized.IndexOf(':');
                int service = colon > 0 ? ReadOnlyAccessHelpers.ServiceOfLowercase(global::System.MemoryExtensions.AsSpan(normalized, 0, colon)) : 0;
                global::System.ReadOnlySpan<char> name = service == 0 ? default : global::System.MemoryExtensions.AsSpan(normalized, colon + 1);

                // Statements 0, 1 (Sids "ReadOnlyActionsGroup1", "ReadOnlyActionsGroup2"): Allow
                if (service != 0 && ReadOnlyAccessHelpers.Statement0Action(action, service, name))
            """, method);
        Assert.Single(Regex.Matches(helpers, @"switch \(service\)"));
        // Every one of the ~2,900 patterns is a literal or a prefix: no glob is left for run time.
        Assert.DoesNotContain("GlobPattern", helpers);
        Assert.Contains("""
                        case 250: // "s3"
                            return ReadOnlyAccessHelpers.Statement0Service250(action, name);
            """, helpers);
        Assert.Contains("""
                // The patterns of service "s3" in statements 0, 1.
                internal static bool Statement0Service250(string action, global::System.ReadOnlySpan<char> name)
                    => global::System.MemoryExtensions.Equals(name, "describejob", global::System.StringComparison.Ordinal)
                        || global::System.MemoryExtensions.StartsWith(name, "get", global::System.StringComparison.Ordinal)
                        || global::System.MemoryExtensions.StartsWith(name, "list", global::System.StringComparison.Ordinal);
            """, helpers);
        // Service numbers: lowercase prefixes, one switch per length, in ordinal order.
        var labels = ServiceLabel().Matches(helpers).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(315, labels.Length);
        Assert.Equal(labels.OrderBy(l => l.Length).ThenBy(l => l, StringComparer.Ordinal), labels);
        Assert.All(labels, label => Assert.Equal(label.ToLowerInvariant(), label));
    }

    [GeneratedRegex("^        \"([^\"]*)\" => [0-9]+,$", RegexOptions.Multiline)]
    private static partial Regex ServiceLabel();

    [Fact]
    public void Output_IsTheSameInEveryCulture()
    {
        var documents = HandWrittenPolicies.All.Select(p => (p.Name, HandWrittenPolicies.Document(p.Name))).Append(("ReadOnlyAccess", ReadOnlyAccess)).ToArray();
        string invariant = InCulture(CultureInfo.InvariantCulture, () => EvaluatorCompiler.Source(documents));

        Assert.Equal(invariant, InCulture(new CultureInfo("tr-TR"), () => EvaluatorCompiler.Source(documents)));
        Assert.Equal(invariant, InCulture(new CultureInfo("ar-SA"), () => EvaluatorCompiler.Source(documents)));
    }

    private static string InCulture(CultureInfo culture, Func<string> action)
    {
        var (current, currentUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, currentUi);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("1st")]
    [InlineData("class")]
    [InlineData("a b")]
    public void MethodName_MustBeAnIdentifier(string methodName)
    {
        Assert.Throws<ArgumentException>(() => Emit.EvaluatorEmitter.Emit(EvaluatorCompiler.ToGenerator(PolicyJson.Parse(ReadMyBucketJson)), methodName, new Emit.IndentedWriter()));
    }

    // The helper class is file-local: a type of the same name elsewhere in the user's namespace does not clash with it.
    [Fact]
    public void HelperClass_DoesNotClashWithAUserTypeOfTheSameName()
    {
        string source = EvaluatorCompiler.Source([("Shapes", LenientPolicyReader.Parse("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:Get?bject","Resource":"*"}}"""))]);

        var assembly = EvaluatorCompiler.CompileSource(source, $"namespace {EvaluatorCompiler.Namespace} {{ public static class ShapesHelpers {{ public static int Statement0Action0 => 1; }} }}");

        var evaluate = assembly.GetType($"{EvaluatorCompiler.Namespace}.{EvaluatorCompiler.ClassName}")!.GetMethod("Shapes")!.CreateDelegate<Func<Request, Decision>>();
        Assert.Equal(Decision.Allow, evaluate(new Request(null, "s3:GetObject", "*")));
    }
}
