namespace PolicyAsCode;

/// <summary>The outcome of evaluating a request, as AWS defines it.</summary>
/// <remarks>The default value is <see cref="ImplicitDeny"/>, so an unset decision fails closed.</remarks>
public enum Decision
{
    /// <summary>No policy allowed the request (or a required policy did not): denied by default.</summary>
    ImplicitDeny = 0,

    /// <summary>The request is allowed.</summary>
    Allow = 1,

    /// <summary>A Deny statement matched the request: denied, whatever else allows it.</summary>
    ExplicitDeny = 2,
}
