namespace PolicyAsCode;

/// <summary>A decision with the reasons behind it.</summary>
public sealed class AuthorizationResult
{
    internal AuthorizationResult(Decision decision, IReadOnlyList<StatementTrace> statements, IReadOnlyList<string> steps)
    {
        Decision = decision;
        Statements = statements;
        Steps = steps;
    }

    /// <summary>The decision.</summary>
    public Decision Decision { get; }

    /// <summary>Every statement evaluated, in order, with whether it matched and why.</summary>
    public IReadOnlyList<StatementTrace> Statements { get; }

    /// <summary>The steps of AWS's evaluation logic that led to the decision.</summary>
    public IReadOnlyList<string> Steps { get; }

    /// <summary>The decision followed by the steps and statement traces, one per line.</summary>
    public override string ToString()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(Decision).Append('\n');
        foreach (var step in Steps) sb.Append("  ").Append(step).Append('\n');
        foreach (var statement in Statements) sb.Append("  ").Append(statement).Append('\n');
        return sb.ToString();
    }
}
