using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;

namespace PolicyAsCode.Catalogue;

/// <summary>
/// Reads the line-based, tab-separated, gzip'ed files of docs/formats/catalogue.md: decompresses them into one UTF-8
/// buffer and walks its lines and fields without allocating, decoding only the fields asked for.
/// </summary>
internal sealed class CatalogueText
{
    /// <summary>
    /// <c>MethodImplOptions.AggressiveOptimization</c> (not in netstandard2.0's enum; the .NET runtime honours the value):
    /// the loader's loops run once per process over tens of thousands of lines, which unoptimised tier-0 code makes
    /// several times slower, so they are compiled optimised at once.
    /// </summary>
    internal const MethodImplOptions Optimized = (MethodImplOptions)512;

    private readonly int _end;
    private readonly int[] _fieldStarts = new int[8];
    private readonly int[] _fieldEnds = new int[8];
    private int _next;

    private CatalogueText(byte[] utf8, int start, int end, int firstLineNumber)
    {
        Utf8 = utf8;
        _next = start;
        _end = end;
        LineNumber = firstLineNumber - 1;
    }

    /// <summary>The decompressed file; fields are ranges of it.</summary>
    public byte[] Utf8 { get; }

    /// <summary>The current line's number, from 1.</summary>
    public int LineNumber { get; private set; }

    /// <summary>How many fields the current line has.</summary>
    public int FieldCount { get; private set; }

    /// <summary>Where the next line starts in <see cref="Utf8"/> (the end when there is none).</summary>
    public int NextLineStart => _next;

    /// <summary>The first byte of the current line: its record type.</summary>
    public byte RecordType => FieldCount == 0 ? (byte)0 : Utf8[_fieldStarts[0]];

    /// <summary>Decompresses a gzip stream.</summary>
    public static CatalogueText Decompress(Stream gzip)
    {
        if (gzip is null) throw new ArgumentNullException(nameof(gzip));
        // The gzip trailer ends with the uncompressed size (modulo 2^32): with it, the buffer is allocated once.
        int capacity = 0;
        if (gzip.CanSeek && gzip.Length - gzip.Position >= 18)
        {
            long start = gzip.Position;
            gzip.Seek(-4, SeekOrigin.End);
            var size = new byte[4];
            if (gzip.Read(size, 0, 4) == 4) capacity = size[0] | size[1] << 8 | size[2] << 16 | size[3] << 24;
            gzip.Position = start;
            if (capacity < 0 || capacity > 256 * 1024 * 1024) capacity = 0;
        }
        using var output = new MemoryStream(capacity);
        using (var inflater = new GZipStream(gzip, CompressionMode.Decompress, leaveOpen: true))
        {
            inflater.CopyTo(output);
        }
        return new CatalogueText(output.GetBuffer(), 0, (int)output.Length, 1);
    }

    /// <summary>A reader of the lines from <paramref name="start"/> to <paramref name="end"/> of the same buffer, whose first line has number <paramref name="firstLineNumber"/>.</summary>
    public CatalogueText Slice(int start, int end, int firstLineNumber) => new(Utf8, start, end, firstLineNumber);

    /// <summary>Moves to the next line and splits it into at most <paramref name="maxFields"/> tab-separated fields (the last takes the rest). False at the end.</summary>
    [MethodImpl(Optimized)]
    public bool NextLine(int maxFields)
    {
        if (_next >= _end)
        {
            FieldCount = 0;
            return false;
        }
        LineNumber++;
        int end = Array.IndexOf(Utf8, (byte)'\n', _next, _end - _next);
        if (end < 0) end = _end;
        int start = _next;
        _next = end + 1;
        if (maxFields > _fieldStarts.Length) maxFields = _fieldStarts.Length;
        int count = 0;
        while (true)
        {
            _fieldStarts[count] = start;
            int tab = count == maxFields - 1 ? -1 : Array.IndexOf(Utf8, (byte)'\t', start, end - start);
            if (tab < 0)
            {
                _fieldEnds[count++] = end;
                break;
            }
            _fieldEnds[count++] = tab;
            start = tab + 1;
        }
        FieldCount = count;
        return true;
    }

    /// <summary>Decodes field <paramref name="index"/>.</summary>
    [MethodImpl(Optimized)]
    public string String(int index)
    {
        Require(index);
        int start = _fieldStarts[index];
        return Encoding.UTF8.GetString(Utf8, start, _fieldEnds[index] - start);
    }

    /// <summary>Field <paramref name="index"/> as text decoded on first use.</summary>
    public LazyText Lazy(int index)
    {
        Require(index);
        int start = _fieldStarts[index];
        return _fieldEnds[index] == start ? LazyText.Empty : new LazyText(Utf8, start, _fieldEnds[index] - start);
    }

    /// <summary>Where field <paramref name="index"/> starts and ends (exclusive) in <see cref="Utf8"/>.</summary>
    public void Range(int index, out int start, out int end)
    {
        Require(index);
        start = _fieldStarts[index];
        end = _fieldEnds[index];
    }

    /// <summary>Whether field <paramref name="index"/> is exactly <paramref name="ascii"/>.</summary>
    [MethodImpl(Optimized)]
    public bool FieldEquals(int index, string ascii)
    {
        Require(index);
        int start = _fieldStarts[index];
        if (_fieldEnds[index] - start != ascii.Length) return false;
        for (int i = 0; i < ascii.Length; i++)
        {
            if (Utf8[start + i] != ascii[i]) return false;
        }
        return true;
    }

    /// <summary>Field <paramref name="index"/> as a non-negative decimal integer.</summary>
    public int Integer(int index)
    {
        Range(index, out int start, out int end);
        int position = start;
        int value = ParseInteger(ref position, end);
        if (position != end) throw Error($"field {index + 1} is not a number");
        return value;
    }

    /// <summary>Parses digits at <paramref name="position"/> (at least one), leaving it after them.</summary>
    [MethodImpl(Optimized)]
    public int ParseInteger(ref int position, int end)
    {
        int value = 0, start = position;
        while (position < end && Utf8[position] is >= (byte)'0' and <= (byte)'9' && position - start < 9)
        {
            value = value * 10 + (Utf8[position] - '0');
            position++;
        }
        if (position == start) throw Error("a number was expected");
        return value;
    }

    /// <summary>An error naming the current line.</summary>
    public InvalidDataException Error(string message) => new($"Catalogue data, line {LineNumber}: {message}.");

    private void Require(int index)
    {
        if (index >= FieldCount) throw Error($"expected at least {index + 1} tab-separated fields, found {FieldCount}");
    }
}
