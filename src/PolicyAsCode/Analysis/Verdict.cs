namespace PolicyAsCode.Analysis;

/// <summary>The three answers of an analysis.</summary>
public enum VerdictKind
{
    /// <summary>The property holds for every request of the universe (a proof, not a sample).</summary>
    Holds,

    /// <summary>The property fails; <see cref="Verdict.Witness"/> is a request that shows it, replayed through the evaluator.</summary>
    Fails,

    /// <summary>The engine cannot decide within its fragment or budget; <see cref="Verdict.Reason"/> says why. Never a pass.</summary>
    Unknown,
}

/// <summary>The result of a check.</summary>
public sealed class Verdict
{
    private Verdict(VerdictKind kind, Request? witness, string reason)
    {
        Kind = kind;
        Witness = witness;
        Reason = reason;
    }

    /// <summary>Holds, fails or unknown.</summary>
    public VerdictKind Kind { get; }

    /// <summary>For <see cref="VerdictKind.Fails"/>: the request that shows the failure.</summary>
    public Request? Witness { get; }

    /// <summary>What the verdict means for this check (the witness's decisions, or why the answer is unknown).</summary>
    public string Reason { get; }

    internal static Verdict Holds(string reason) => new(VerdictKind.Holds, null, reason);

    internal static Verdict Fails(Request witness, string reason) => new(VerdictKind.Fails, witness, reason);

    internal static Verdict Unknown(string reason) => new(VerdictKind.Unknown, null, reason);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        VerdictKind.Fails => $"fails: {Reason}; witness: {Describe(Witness!)}",
        _ => $"{Kind.ToString().ToLowerInvariant()}: {Reason}",
    };

    /// <summary>A one-line description of a request: principal, action, resource.</summary>
    public static string Describe(Request request)
        => $"principal {request.Principal ?? "(anonymous)"}, action {request.Action}, resource {request.Resource}";
}
