using System.Text;

namespace PolicyAsCode.Generators.Emit;

/// <summary>
/// A StringBuilder-backed writer of indented C#: lines end in <c>\n</c> whatever the platform, indentation is four spaces,
/// blank lines carry no indentation, and <see cref="Block"/> writes braces around an indented body.
/// </summary>
internal sealed class IndentedWriter
{
    private const string IndentUnit = "    ";

    private readonly StringBuilder _builder = new();
    private int _depth;
    private bool _atLineStart = true;

    /// <summary>
    /// Writes text; every line of it (text may hold <c>\n</c>, e.g. from a raw string literal) is indented to the current
    /// depth.
    /// </summary>
    public IndentedWriter Write(string text)
    {
        int start = 0;
        while (start <= text.Length)
        {
            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline;
            if (end > start)
            {
                if (_atLineStart)
                {
                    for (int i = 0; i < _depth; i++) _builder.Append(IndentUnit);
                    _atLineStart = false;
                }
                _builder.Append(text, start, end - start);
            }
            if (newline < 0) break;
            _builder.Append('\n');
            _atLineStart = true;
            start = newline + 1;
        }
        return this;
    }

    /// <summary>Writes text and ends the line.</summary>
    public IndentedWriter WriteLine(string text = "") => Write(text).Write("\n");

    /// <summary>
    /// Writes <paramref name="header"/> (if any) and an opening brace, and indents until the returned block is disposed,
    /// which writes the closing brace followed by <paramref name="closingSuffix"/> (e.g. <c>;</c>).
    /// </summary>
    public Block Block(string? header = null, string closingSuffix = "")
    {
        if (header is not null) WriteLine(header);
        WriteLine("{");
        _depth++;
        return new Block(this, closingSuffix);
    }

    /// <summary>Opens one block per header, nested in order; disposing the result closes them all, innermost first.</summary>
    public Blocks Blocks(IEnumerable<string> headers)
    {
        int count = 0;
        foreach (var header in headers)
        {
            Block(header);
            count++;
        }
        return new Blocks(this, count);
    }

    /// <summary>Indents by one level until the returned scope is disposed, without braces.</summary>
    public Indentation Indent()
    {
        _depth++;
        return new Indentation(this);
    }

    internal void EndBlock(string closingSuffix)
    {
        _depth--;
        WriteLine("}" + closingSuffix);
    }

    internal void Outdent() => _depth--;

    /// <summary>The text written so far.</summary>
    public override string ToString() => _builder.ToString();
}

/// <summary>An open brace block of an <see cref="IndentedWriter"/>; disposing it closes the block.</summary>
internal readonly struct Block : IDisposable
{
    private readonly IndentedWriter _writer;
    private readonly string _closingSuffix;

    internal Block(IndentedWriter writer, string closingSuffix)
    {
        _writer = writer;
        _closingSuffix = closingSuffix;
    }

    /// <summary>Writes the closing brace.</summary>
    public void Dispose() => _writer.EndBlock(_closingSuffix);
}

/// <summary>Nested brace blocks of an <see cref="IndentedWriter"/>; disposing it closes them all.</summary>
internal readonly struct Blocks : IDisposable
{
    private readonly IndentedWriter _writer;
    private readonly int _count;

    internal Blocks(IndentedWriter writer, int count)
    {
        _writer = writer;
        _count = count;
    }

    /// <summary>Writes the closing braces.</summary>
    public void Dispose()
    {
        for (int i = 0; i < _count; i++) _writer.EndBlock("");
    }
}

/// <summary>An indentation level of an <see cref="IndentedWriter"/>; disposing it returns to the previous level.</summary>
internal readonly struct Indentation : IDisposable
{
    private readonly IndentedWriter _writer;

    internal Indentation(IndentedWriter writer) => _writer = writer;

    /// <summary>Returns to the previous level.</summary>
    public void Dispose() => _writer.Outdent();
}
