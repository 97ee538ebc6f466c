using System.Text;

namespace PolicyAsCode.Catalogue;

/// <summary>
/// A string kept as UTF-8 bytes of the decompressed catalogue and decoded on first use, so that loading the catalogue
/// does not decode the descriptions nobody reads.
/// </summary>
internal sealed class LazyText
{
    private readonly byte[] _utf8;
    private readonly int _start;
    private readonly int _length;
    private string? _text;

    public LazyText(byte[] utf8, int start, int length)
    {
        _utf8 = utf8;
        _start = start;
        _length = length;
    }

    public static LazyText Empty { get; } = new(Array.Empty<byte>(), 0, 0);

    // Decoding twice under a race is harmless: both threads produce equal strings.
    public string Value => _text ??= _length == 0 ? string.Empty : Encoding.UTF8.GetString(_utf8, _start, _length);

    public override string ToString() => Value;
}
