namespace PolicyAsCode.Json;

/// <summary>
/// Turns byte offsets into UTF-8 text into 1-based lines and columns (columns count characters, i.e. bytes that start a
/// UTF-8 sequence). <see cref="Of"/> answers one question with a scan from the start; an instance indexes the text once
/// (line starts, and the character count at every <see cref="CheckpointBytes"/>-th byte) so that each later question
/// costs a binary search and a scan of at most one checkpoint interval, however many are asked and however long the
/// lines (a minified policy is one line).
/// </summary>
internal sealed class Utf8TextPosition
{
    private const int CheckpointBytes = 256;

    private readonly byte[] _utf8;
    private readonly int[] _lineStarts;
    private readonly int[] _charsBefore;

    public Utf8TextPosition(byte[] utf8)
    {
        _utf8 = utf8;
        var lineStarts = new List<int> { 0 };
        _charsBefore = new int[utf8.Length / CheckpointBytes + 1];
        int chars = 0;
        for (int i = 0; i < utf8.Length; i++)
        {
            if (i % CheckpointBytes == 0) _charsBefore[i / CheckpointBytes] = chars;
            byte b = utf8[i];
            if ((b & 0xC0) != 0x80) chars++;
            if (b == (byte)'\n') lineStarts.Add(i + 1);
        }
        if (utf8.Length % CheckpointBytes == 0) _charsBefore[utf8.Length / CheckpointBytes] = chars;
        _lineStarts = lineStarts.ToArray();
    }

    /// <summary>The line and column of <paramref name="byteOffset"/> (clamped to the text).</summary>
    public (int Line, int Column) Find(long byteOffset)
    {
        int offset = (int)Math.Max(0, Math.Min(byteOffset, _utf8.Length));
        int index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0) index = ~index - 1;
        int lineStart = _lineStarts[index];
        return (index + 1, CharsBefore(offset) - CharsBefore(lineStart) + 1);
    }

    private int CharsBefore(int offset)
    {
        int checkpoint = offset / CheckpointBytes;
        int chars = _charsBefore[checkpoint];
        for (int i = checkpoint * CheckpointBytes; i < offset; i++)
        {
            if ((_utf8[i] & 0xC0) != 0x80) chars++;
        }
        return chars;
    }

    /// <summary>The line and column of <paramref name="byteOffset"/>, by one scan from the start (for a single error).</summary>
    public static (int Line, int Column) Of(ReadOnlySpan<byte> utf8, long byteOffset)
    {
        int line = 1;
        long lineStart = 0;
        long end = Math.Min(byteOffset, utf8.Length);
        for (long i = 0; i < end; i++)
        {
            if (utf8[(int)i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, CountChars(utf8, lineStart, end) + 1);
    }

    /// <summary>Where line <paramref name="line"/> (1-based) starts; 0 when the text has fewer lines.</summary>
    public static long LineStart(ReadOnlySpan<byte> utf8, int line)
    {
        int current = 1;
        for (int i = 0; i < utf8.Length && current < line; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                current++;
                if (current == line) return i + 1;
            }
        }
        return 0;
    }

    /// <summary>The number of characters between two byte offsets: the bytes that start a UTF-8 sequence.</summary>
    public static int CountChars(ReadOnlySpan<byte> utf8, long start, long end)
    {
        int count = 0;
        end = Math.Min(end, utf8.Length);
        for (long i = start; i < end; i++)
        {
            if ((utf8[(int)i] & 0xC0) != 0x80) count++;
        }
        return count;
    }
}
