namespace OAuth2.Functional;

/// <summary>Positions of member names in a member array, for finding a repeated name in O(1): open addressing with
/// linear probing over an <c>int[]</c> (position + 1; 0 is empty), at most half full. It stores no strings (the names
/// are read from the members), so it costs a few bytes a member. <see cref="string.GetHashCode()"/> is seeded at random
/// per process, so names crafted to collide cannot make it quadratic.</summary>
internal sealed class MemberIndex
{
    private int[] slots;
    private int count;

    /// <summary>An index of the first <paramref name="count"/> members (their names are distinct).</summary>
    public MemberIndex(JsonField[] fields, int count)
    {
        slots = new int[System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, count * 4))];
        for (var i = 0; i < count; i++) Add(fields, i);
    }

    /// <summary>The position of <paramref name="name"/>, or -1.</summary>
    public int Find(JsonField[] fields, string name)
    {
        var mask = slots.Length - 1;
        for (var i = name.GetHashCode() & mask; ; i = (i + 1) & mask)
        {
            var slot = slots[i];
            if (slot == 0) return -1;
            if (fields[slot - 1].Name == name) return slot - 1;
        }
    }

    /// <summary>Records the member at <paramref name="position"/> (its name is not in the index yet).</summary>
    public void Add(JsonField[] fields, int position)
    {
        if ((count + 1) * 2 > slots.Length) Grow(fields);
        Place(fields[position].Name.GetHashCode(), position);
        count++;
    }

    private void Place(int hash, int position)
    {
        var mask = slots.Length - 1;
        var i = hash & mask;
        while (slots[i] != 0) i = (i + 1) & mask;
        slots[i] = position + 1;
    }

    private void Grow(JsonField[] fields)
    {
        var old = slots;
        slots = new int[old.Length * 2];
        foreach (var slot in old) if (slot != 0) Place(fields[slot - 1].Name.GetHashCode(), slot - 1);
    }
}
