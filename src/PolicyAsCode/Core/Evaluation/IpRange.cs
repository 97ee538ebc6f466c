using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PolicyAsCode;

/// <summary>An IPv4 or IPv6 CIDR range; a plain address is a range of one.</summary>
internal readonly struct IpRange
{
    private readonly byte[] _network;
    private readonly int _prefixLength;
    private readonly AddressFamily _family;

    private IpRange(byte[] network, int prefixLength, AddressFamily family)
    {
        _network = network;
        _prefixLength = prefixLength;
        _family = family;
    }

    /// <summary>The number of leading bits the range fixes (32 or 128 for a single address).</summary>
    public int PrefixLength => _prefixLength;

    public static bool TryParse(string text, out IpRange range)
    {
        range = default;
        int slash = text.IndexOf('/');
        string addressText = slash < 0 ? text : text[..slash];
        if (!ConditionValues.TryAddress(addressText, out var address)) return false;
        byte[] bytes = address.GetAddressBytes();
        int max = bytes.Length * 8;
        int prefix = max;
        if (slash >= 0 && (!int.TryParse(text.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > max))
        {
            return false;
        }
        range = new IpRange(bytes, prefix, address.AddressFamily);
        return true;
    }

    public bool Contains(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6 && _family == AddressFamily.InterNetwork) address = address.MapToIPv4();
        if (address.AddressFamily != _family) return false;
#if POLICYASCODE_GENERATOR
        ReadOnlySpan<byte> bytes = address.GetAddressBytes();
        if (bytes.Length != _network.Length) return false;
#else
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out int length) || length != _network.Length) return false;
#endif
        int full = _prefixLength / 8;
        if (!bytes[..full].SequenceEqual(_network.AsSpan(0, full))) return false;
        int rest = _prefixLength % 8;
        if (rest == 0) return true;
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (bytes[full] & mask) == (_network[full] & mask);
    }
}
