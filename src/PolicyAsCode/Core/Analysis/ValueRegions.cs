using System.Globalization;
using System.Net;
using System.Numerics;
#if POLICYASCODE_GENERATOR
// netstandard2.0 has no UInt128; the arithmetic here (shifts, masks, comparisons of non-negative numbers) is the same.
using UInt128 = System.Numerics.BigInteger;
#endif

namespace PolicyAsCode.Analysis;

/// <summary>
/// One request value per region of a condition key's values, for the numeric, date, Bool and IP families: every request
/// value in a region gives every condition on the key the same result (true, false or the error of an unreadable value),
/// so trying one value per region decides them all. The semantics are the evaluator's (<c>ConditionValues</c>,
/// <c>IpRange</c>): numbers are decimals, dates are instants at 100 ns, IPv4-mapped IPv6 addresses also fall in IPv4
/// ranges, and a value outside the family's grammar is an error.
/// </summary>
internal static class ValueRegions
{
    /// <summary>A request value the family cannot read (the evaluator's error, which fails closed).</summary>
    public const string Unreadable = "unreadable";

    /// <summary>
    /// Numbers: each named value, one value between each two neighbours, one below and one above, and an unreadable one.
    /// Null when a value between two neighbours cannot be found (decimal overflow): then the answer is unknown.
    /// </summary>
    public static List<string>? Numbers(IEnumerable<string> values)
    {
        var points = new SortedSet<decimal>();
        foreach (var value in values)
        {
            if (!ConditionValues.TryNumber(value, out var n)) return null;
            points.Add(n);
        }
        var reps = new List<string> { Unreadable };
        try
        {
            decimal? previous = null;
            foreach (var point in points)
            {
                if (previous is null) reps.Add(Format(point - 1));
                else
                {
                    decimal between = previous.Value + (point - previous.Value) / 2;
                    if (between <= previous.Value || between >= point) return null;
                    reps.Add(Format(between));
                }
                reps.Add(Format(point));
                previous = point;
            }
            reps.Add(Format(previous is null ? 0 : previous.Value + 1));
        }
        catch (OverflowException)
        {
            return null;
        }
        return reps;

        static string Format(decimal d) => d.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Dates: as numbers, at the evaluator's resolution (ticks); an empty gap between neighbours is no region.</summary>
    public static List<string>? Dates(IEnumerable<string> values)
    {
        var points = new SortedSet<long>();
        foreach (var value in values)
        {
            if (!ConditionValues.TryDate(value, out var d)) return null;
            points.Add(d.UtcTicks);
        }
        long min = DateTimeOffset.MinValue.UtcTicks, max = DateTimeOffset.MaxValue.UtcTicks;
        var instants = new List<long>();
        long? previous = null;
        foreach (var point in points)
        {
            if (previous is null)
            {
                if (point > min) instants.Add(Math.Max(min, point - TimeSpan.TicksPerSecond));
            }
            else if (point - previous.Value > 1)
            {
                instants.Add(previous.Value + (point - previous.Value) / 2);
            }
            instants.Add(point);
            previous = point;
        }
        long last = previous ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        if (previous is null) instants.Add(last);
        else if (last < max) instants.Add(Math.Min(max, last + TimeSpan.TicksPerSecond));
        var reps = new List<string> { Unreadable };
        foreach (long ticks in instants)
        {
            // Each written value must read back as the instant it stands for.
            string text = Format(ticks);
            if (!ConditionValues.TryDate(text, out var read) || read.UtcTicks != ticks) return null;
            reps.Add(text);
        }
        return reps;

        static string Format(long ticks)
            => new DateTimeOffset(ticks, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Binary: the evaluator compares the decoded bytes, so one value per distinct byte string named, one whose bytes no
    /// value has, and an unreadable one (not base64). Null when a named value is not base64 (the condition is an error).
    /// </summary>
    public static List<string>? Binaries(IEnumerable<string> values)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        var reps = new List<string> { Unreadable };
        foreach (var value in values)
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(value);
            }
            catch (FormatException)
            {
                return null;
            }
            string canonical = Convert.ToBase64String(bytes);
            if (named.Add(canonical)) reps.Add(canonical);
        }
        for (int b = 0; ; b++)
        {
            string fresh = Convert.ToBase64String(BitConverter.GetBytes(b));
            if (!named.Contains(fresh))
            {
                reps.Add(fresh);
                return reps;
            }
        }
    }

    /// <summary>Bool: true, false (case-insensitive in the evaluator) and an unreadable value.</summary>
    public static List<string> Bools() => ["true", "false", Unreadable];

    /// <summary>
    /// IP addresses: the ranges are CIDR blocks, so any two are nested or disjoint, and which ranges hold an address is
    /// decided by the smallest block holding it. One address per block that its smaller blocks do not cover, one outside
    /// every block, in the IPv4 space and in the IPv6 space (where an IPv4 range also covers its IPv4-mapped addresses),
    /// and an unreadable value. Null when a value is not an address or range.
    /// </summary>
    public static List<string>? Addresses(IEnumerable<string> values)
    {
        var v4 = new List<(UInt128 Start, UInt128 End)>();
        var v6 = new List<(UInt128 Start, UInt128 End)>();
        foreach (var value in values)
        {
            int slash = value.IndexOf('/');
            string address = slash < 0 ? value : value[..slash];
            if (!ConditionValues.TryAddress(address, out var ip)) return null;
            byte[] bytes = ip.GetAddressBytes();
            int bits = bytes.Length * 8;
            int prefix = bits;
            if (slash >= 0 && (!int.TryParse(value.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits)) return null;
            var (start, end) = Block(ToNumber(bytes), bits, prefix);
            if (bytes.Length == 4)
            {
                v4.Add((start, end));
                // ::ffff:a.b.c.d is in the IPv4 ranges holding a.b.c.d.
                UInt128 mapped = (UInt128)0xFFFF << 32;
                v6.Add((mapped | start, mapped | end));
            }
            else v6.Add((start, end));
        }
        var reps = new List<string> { Unreadable };
        foreach (var n in Points(v4, s_maxAddress >> 96)) reps.Add(new IPAddress(ToBytes(n, 4)).ToString());
        foreach (var n in Points(v6, s_maxAddress)) reps.Add(new IPAddress(ToBytes(n, 16)).ToString());
        return reps;
    }

#if POLICYASCODE_GENERATOR
    private static readonly UInt128 s_maxAddress = (UInt128.One << 128) - 1;
#else
    private static readonly UInt128 s_maxAddress = UInt128.MaxValue;
#endif

    private static (UInt128 Start, UInt128 End) Block(UInt128 address, int bits, int prefix)
    {
        UInt128 hostMask = prefix == bits ? UInt128.Zero : (UInt128.One << (bits - prefix)) - 1;
        return (address & ~hostMask, address | hostMask);
    }

    /// <summary>One point per block not covered by the blocks inside it, and one outside every block (when there is one).</summary>
    private static IEnumerable<UInt128> Points(List<(UInt128 Start, UInt128 End)> blocks, UInt128 max)
    {
        var distinct = blocks.Distinct().ToList();
        var points = new List<UInt128>();
        if (Gap(UInt128.Zero, max, distinct) is { } outside) points.Add(outside);
        foreach (var block in distinct)
        {
            var inner = distinct.Where(b => b != block && b.Start >= block.Start && b.End <= block.End).ToList();
            if (Gap(block.Start, block.End, inner) is { } point) points.Add(point);
        }
        return points;
    }

    /// <summary>The first point of [start, end] that no block of <paramref name="inner"/> holds, or null.</summary>
    private static UInt128? Gap(UInt128 start, UInt128 end, List<(UInt128 Start, UInt128 End)> inner)
    {
        UInt128 current = start;
        foreach (var (s, e) in inner.OrderBy(b => b.Start))
        {
            if (e < current) continue;
            if (s > current) return current;
            if (e >= end) return null;
            current = e + 1;
        }
        return current;
    }

    private static UInt128 ToNumber(byte[] bytes)
    {
        UInt128 n = UInt128.Zero;
        foreach (byte b in bytes) n = (n << 8) | b;
        return n;
    }

    private static byte[] ToBytes(UInt128 n, int length)
    {
        var bytes = new byte[length];
        for (int i = length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(n & 0xFF);
            n >>= 8;
        }
        return bytes;
    }

    /// <summary>
    /// The value sets a request can give the key: each nonempty set of representatives, smallest first. When a single
    /// condition (one operator and value list) reads the key, singletons suffice: every operator on a set of values is
    /// decided by its best (ForAnyValue and unqualified) or worst (ForAllValues) value.
    /// </summary>
    /// <summary>The most representatives whose sets are tried (2^12 - 1 sets); more gives an unknown answer.</summary>
    public const int MaxSetRepresentatives = 12;

    public static List<string[]>? Sets(List<string> reps, bool singletons, int maxSets)
    {
        if (singletons) return reps.Select(r => new[] { r }).ToList();
        if (reps.Count > MaxSetRepresentatives || (1L << reps.Count) - 1 > maxSets) return null;
        var sets = new List<string[]>();
        for (int size = 1; size <= reps.Count; size++)
        {
            for (long mask = 1; mask < 1L << reps.Count; mask++)
            {
                if (BitOperations.PopCount((ulong)mask) != size) continue;
                sets.Add(reps.Where((_, i) => (mask >> i & 1) != 0).ToArray());
            }
        }
        return sets;
    }
}
