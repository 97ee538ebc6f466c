namespace PolicyAsCode.Json;

/// <summary>
/// Where the elements of a parsed policy are in its text, by JSON path, so that findings of the rule engine (which
/// speak of paths such as <c>$.Statement[1].Action[0]</c>) can be shown at a line and column.
/// </summary>
public sealed class PolicySourceMap
{
    private readonly Utf8TextPosition _text;
    private readonly Dictionary<string, long> _positions;

    internal PolicySourceMap(byte[] utf8, Dictionary<string, long> positions)
    {
        _text = new Utf8TextPosition(utf8);
        _positions = positions;
    }

    /// <summary>The position of the element at <paramref name="jsonPath"/>, if recorded.</summary>
    public bool TryGetPosition(string jsonPath, out int line, out int column)
    {
        if (_positions.TryGetValue(jsonPath, out long offset))
        {
            (line, column) = _text.Find(offset);
            return true;
        }
        line = column = 0;
        return false;
    }

    /// <summary>
    /// The position of the element at <paramref name="jsonPath"/>, or of its nearest recorded ancestor (a value written as
    /// a single string has no <c>[0]</c> of its own); the start of the document when nothing matches.
    /// </summary>
    public (int Line, int Column) Find(string jsonPath)
    {
        string path = jsonPath;
        while (true)
        {
            if (TryGetPosition(path, out int line, out int column)) return (line, column);
            int cut = path.EndsWith("]", StringComparison.Ordinal) ? path.LastIndexOf('[') : path.LastIndexOf('.');
            if (cut <= 1) break;
            path = path[..cut];
        }
        return TryGetPosition("$", out int l, out int c) ? (l, c) : (1, 1);
    }
}
