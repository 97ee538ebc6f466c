using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PolicyAsCode;

/// <summary>
/// The IAM value grammar of condition operators (IAM User Guide, "Condition operators"): how numbers, dates, IP addresses
/// and booleans are written, for policy values and request values alike. A text outside the grammar cannot be read, which
/// makes its condition an error (fail closed).
/// </summary>
internal static class ConditionValues
{
    internal static bool TryNumber(string text, out decimal value)
        => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// The W3C profile of ISO 8601 ("Date and Time Formats", the one the IAM User Guide names for date conditions): a year,
    /// year and month, date, or date and time with minutes, seconds and an optional fraction. A time without an offset is
    /// read as UTC.
    /// </summary>
    private static readonly string[] s_dateFormats =
    [
        "yyyy", "yyyy-MM", "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>
    /// Dates are W3C ISO 8601 (e.g. <c>2026-01-01T00:00:00Z</c>, UTC when no offset is given) or epoch seconds. Other
    /// formats, such as <c>01/02/2020</c>, whose meaning depends on a locale, cannot be read.
    /// </summary>
    internal static bool TryDate(string text, out DateTimeOffset value)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long epoch))
        {
            if (epoch >= -62135596800 && epoch <= 253402300799)
            {
                value = DateTimeOffset.FromUnixTimeSeconds(epoch);
                return true;
            }
            value = default;
            return false;
        }
        return DateTimeOffset.TryParseExact(text, s_dateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>
    /// Reads an IPv4 address in dotted-decimal form (four decimal octets, without leading zeros) or an IPv6 address
    /// without a zone id: the "standard CIDR format" the IAM User Guide asks for. Shorthand and octal or hex forms that
    /// <see cref="IPAddress.TryParse(string, out IPAddress)"/> also accepts (<c>192.168.1</c> is 192.168.0.1,
    /// <c>010.0.0.1</c> is 8.0.0.1) cannot be read, so that a policy never means other addresses than it shows.
    /// </summary>
    internal static bool TryAddress(ReadOnlySpan<char> text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
#if POLICYASCODE_GENERATOR
        // netstandard2.0: the same reading over a string (no span Split, span IPAddress.TryParse or span constructor).
        string s = text.ToString();
        if (s.IndexOf(':') >= 0)
        {
            return s.IndexOf('%') < 0 && IPAddress.TryParse(s, out address) && address.AddressFamily == AddressFamily.InterNetworkV6;
        }
        var octets = s.Split('.');
        if (octets.Length != 4) return false;
        var parsed = new byte[4];
        for (int i = 0; i < 4; i++)
        {
            string part = octets[i];
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0')) return false;
            int number = 0;
            foreach (char c in part)
            {
                if (c is < '0' or > '9') return false;
                number = number * 10 + (c - '0');
            }
            if (number > 255) return false;
            parsed[i] = (byte)number;
        }
        address = new IPAddress(parsed);
        return true;
#else
        if (text.Contains(':'))
        {
            return !text.Contains('%') && IPAddress.TryParse(text, out address) && address.AddressFamily == AddressFamily.InterNetworkV6;
        }
        Span<byte> bytes = stackalloc byte[4];
        int octet = 0;
        foreach (var range in text.Split('.'))
        {
            var part = text[range];
            if (octet == 4 || part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0')) return false;
            int value = 0;
            foreach (char c in part)
            {
                if (c is < '0' or > '9') return false;
                value = value * 10 + (c - '0');
            }
            if (value > 255) return false;
            bytes[octet++] = (byte)value;
        }
        if (octet != 4) return false;
        address = new IPAddress(bytes);
        return true;
#endif
    }

    internal static bool TryBool(string text, out bool value)
    {
        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }
        value = false;
        return string.Equals(text, "false", StringComparison.OrdinalIgnoreCase);
    }
}
