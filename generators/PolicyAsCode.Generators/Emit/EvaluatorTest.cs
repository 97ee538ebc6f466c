namespace PolicyAsCode.Generators.Emit;

/// <summary>
/// A boolean test in emitted code, folded while it is built: constant <c>true</c> and <c>false</c> never reach the output
/// (they would make the compiler warn about unreachable code), and a test that is a disjunction keeps its terms apart so it
/// can be written one term per line.
/// </summary>
internal sealed class EvaluatorTest
{
    /// <summary>How to write a one-term test as one of the operands of <c>&amp;&amp;</c>, when that needs no parentheses.</summary>
    private readonly string? _conjunct;

    private EvaluatorTest(bool? constant, IReadOnlyList<string> terms, string? conjunct = null)
    {
        Constant = constant;
        Terms = terms;
        _conjunct = conjunct;
    }

    /// <summary>Always true.</summary>
    public static EvaluatorTest True { get; } = new(true, []);

    /// <summary>Always false.</summary>
    public static EvaluatorTest False { get; } = new(false, []);

    /// <summary>The value when the test is constant; null when it is code.</summary>
    public bool? Constant { get; }

    /// <summary>The C# expressions ORed together (each one a primary expression, such as a call); empty when constant.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>A test written as one C# primary expression.</summary>
    public static EvaluatorTest Code(string expression) => new(null, [expression], expression);

    /// <summary>A test true when both C# expressions are (each a primary or relational expression).</summary>
    public static EvaluatorTest Both(string first, string second) => new(null, [$"({first} && {second})"], $"{first} && {second}");

    /// <summary>True when any of <paramref name="tests"/> is; repeated terms are written once.</summary>
    public static EvaluatorTest Any(IEnumerable<EvaluatorTest> tests)
    {
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        EvaluatorTest? last = null;
        int count = 0;
        foreach (var test in tests)
        {
            if (test.Constant == true) return True;
            if (test.Constant is not null) continue;
            foreach (var term in test.Terms)
            {
                if (seen.Add(term)) terms.Add(term);
            }
            last = test;
            count++;
        }
        if (terms.Count == 0) return False;
        return count == 1 ? last! : new EvaluatorTest(null, terms);
    }

    /// <summary>The negation of <paramref name="test"/>.</summary>
    public static EvaluatorTest Not(EvaluatorTest test)
    {
        if (test.Constant is { } constant) return constant ? False : True;
        return Code(test.Terms.Count == 1 ? "!" + test.Terms[0] : "!(" + string.Join(" || ", test.Terms) + ")");
    }

    /// <summary>
    /// The C# text of a conjunction of non-constant tests, one test per line and the terms of a disjunction on lines of
    /// their own, e.g. for an <c>if</c>.
    /// </summary>
    public static string RenderAll(IReadOnlyList<EvaluatorTest> tests)
    {
        if (tests.Count == 1) return tests[0]._conjunct ?? string.Join("\n    || ", tests[0].Terms);
        var parts = new List<string>(tests.Count);
        foreach (var test in tests)
        {
            parts.Add(test._conjunct ?? (test.Terms.Count == 1 ? test.Terms[0] : "(" + string.Join("\n        || ", test.Terms) + ")"));
        }
        return string.Join("\n    && ", parts);
    }
}
