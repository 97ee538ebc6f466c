using System.Collections;
using System.Collections.Generic;

namespace PolicyAsCode;

/// <summary>
/// An immutable array with value equality, so that policy models built from it compare by content.
/// </summary>
/// <remarks>
/// The policy model is shared with the source generator, whose incremental pipeline caches on equality; this type is what
/// makes <see cref="PolicyDocument"/> equatable without holding mutable collections.
/// </remarks>
/// <typeparam name="T">The element type; compared with <see cref="EqualityComparer{T}.Default"/>.</typeparam>
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    private readonly T[]? _items;

    /// <summary>Creates an array holding a copy of <paramref name="items"/>.</summary>
    public EquatableArray(IEnumerable<T> items) => _items = new List<T>(items).ToArray();

    private EquatableArray(T[] items, bool _) => _items = items;

    /// <summary>An array with no elements.</summary>
    public static EquatableArray<T> Empty => default;

    /// <summary>Wraps <paramref name="items"/> without copying; the caller must not change it afterwards.</summary>
    internal static EquatableArray<T> TakeOwnership(T[] items) => new(items, false);

    /// <summary>Creates an array from the given elements.</summary>
    public static EquatableArray<T> Create(params T[] items) => new((T[])items.Clone(), false);

    /// <inheritdoc/>
    public T this[int index] => (_items ?? throw new ArgumentOutOfRangeException(nameof(index)))[index];

    /// <inheritdoc/>
    public int Count => _items?.Length ?? 0;

    /// <summary>Whether the array has no elements.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>The elements as a read-only span-friendly array; never null.</summary>
    internal T[] Items => _items ?? Array.Empty<T>();

    /// <inheritdoc/>
    public bool Equals(EquatableArray<T> other)
    {
        T[] a = Items, b = other.Items;
        if (ReferenceEquals(a, b)) return true;
        if (a.Length != b.Length) return false;
        var comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < a.Length; i++)
        {
            if (!comparer.Equals(a[i], b[i])) return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        unchecked
        {
            int hash = 17;
            var comparer = EqualityComparer<T>.Default;
            foreach (var item in Items)
            {
                hash = hash * 31 + (item is null ? 0 : comparer.GetHashCode(item));
            }
            return hash;
        }
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    /// <summary>Enumerates the elements without allocating.</summary>
    public Enumerator GetEnumerator() => new(Items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => Items.GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => "[" + string.Join(", ", Items) + "]";

    /// <summary>An allocation-free enumerator.</summary>
    public struct Enumerator
    {
        private readonly T[] _array;
        private int _index;

        internal Enumerator(T[] array)
        {
            _array = array;
            _index = -1;
        }

        /// <summary>The current element.</summary>
        public readonly T Current => _array[_index];

        /// <summary>Advances to the next element.</summary>
        public bool MoveNext() => ++_index < _array.Length;
    }
}

/// <summary>Creates <see cref="EquatableArray{T}"/> values.</summary>
public static class EquatableArray
{
    /// <summary>Creates an array from the given elements.</summary>
    public static EquatableArray<T> Create<T>(params T[] items) => EquatableArray<T>.Create(items);

    /// <summary>Copies a sequence into an equatable array.</summary>
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) => new(items);
}
