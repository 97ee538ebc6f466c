namespace PolicyAsCode.Analysis;

/// <summary>Bounds of an analysis; reaching one gives <see cref="VerdictKind.Unknown"/>, never a pass.</summary>
public sealed class AnalysisOptions
{
    /// <summary>The default bounds.</summary>
    public static AnalysisOptions Default { get; } = new();

    /// <summary>Product automaton states per pattern family (actions, one ARN field).</summary>
    public int MaxAutomatonStates { get; init; } = 200_000;

    /// <summary>Representative requests evaluated per check.</summary>
    public int MaxRequests { get; init; } = 2_000_000;

    /// <summary>Cancels the check (it then answers unknown).</summary>
    public CancellationToken CancellationToken { get; init; }
}
