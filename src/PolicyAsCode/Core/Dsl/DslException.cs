namespace PolicyAsCode.Dsl;

/// <summary>
/// A declaration that cannot become a policy (an empty action list, a condition repeated on the same key, ...). At run
/// time the DSL throws it; at compile time the source generator reports its message as a diagnostic on the call.
/// </summary>
public sealed class DslException(string message) : InvalidOperationException(message);
