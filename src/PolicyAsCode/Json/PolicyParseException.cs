namespace PolicyAsCode.Json;

/// <summary>A policy document that could not be read, with where (JSON path, line, column) and what is wrong.</summary>
public sealed class PolicyParseException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public PolicyParseException(string problem, string path, int line, int column)
        : base($"{path}: {problem} (line {line}, column {column})")
    {
        Problem = problem;
        Path = path;
        Line = line;
        Column = column;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>The JSON path of the offending element, e.g. <c>$.Statement[1].Effect</c>.</summary>
    public string Path { get; }

    /// <summary>The 1-based line of the offending token.</summary>
    public int Line { get; }

    /// <summary>The 1-based column (in characters) of the offending token.</summary>
    public int Column { get; }

    /// <summary>The error as <c>file:line:col: message</c>, the form compilers and editors link to.</summary>
    public string ToCompilerStyle(string file) => $"{file}:{Line}:{Column}: {Path}: {Problem}";
}
