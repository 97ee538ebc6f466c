namespace PolicyAsCode;

/// <summary>How one statement fared against a request: part of an <see cref="AuthorizationResult"/>.</summary>
/// <param name="Policy">Which policy: its role in the request and its name, e.g. <c>identity policy read_my_bucket</c>.</param>
/// <param name="Index">The statement's position in the policy (from 0).</param>
/// <param name="Sid">The statement's Sid, if any.</param>
/// <param name="Effect">The statement's effect.</param>
/// <param name="Matched">Whether the statement applies to the request.</param>
/// <param name="Reason">Why it applies or not.</param>
public sealed record StatementTrace(string Policy, int Index, string? Sid, Effect Effect, bool Matched, string Reason)
{
    /// <inheritdoc/>
    public override string ToString()
        => $"{Policy} Statement[{Index}]{(Sid is null ? "" : $" ({Sid})")} {Effect}: {(Matched ? "matched" : "no match")}: {Reason}";
}

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
