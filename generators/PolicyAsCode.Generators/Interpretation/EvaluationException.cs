using Microsoft.CodeAnalysis;

namespace PolicyAsCode.Generators;

/// <summary>A value the interpreter cannot produce, with the syntax to report it on.</summary>
/// <param name="id">The diagnostic to report, or null when the compiler already reports an error there.</param>
internal class EvaluationException(string message, SyntaxNode? syntax, string? id = DiagnosticIds.NotEvaluable) : Exception(message)
{
    public SyntaxNode? Syntax { get; } = syntax;

    public string? Id { get; } = id;
}
