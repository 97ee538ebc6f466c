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
