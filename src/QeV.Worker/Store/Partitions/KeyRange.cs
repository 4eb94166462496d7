namespace QeV.Worker.Store.Partitions;

/// <summary>
/// The partitions with a key after <see cref="After"/> (exclusive) up to <see cref="Last"/> (inclusive), in ordinal
/// order, the order the partition merge compares in; null is open on that side. A shared scan's range (issue 9).
/// </summary>
public sealed record KeyRange(string? After, string? Last)
{
    public bool Contains(string key) =>
        (After is null || string.CompareOrdinal(key, After) > 0) && (Last is null || string.CompareOrdinal(key, Last) <= 0);

    /// <summary>
    /// The condition on <paramref name="column"/> with the parameters @after and @last (<see cref="AfterValue"/>, <see cref="LastValue"/>); an
    /// open side is the empty string, which no key is (imports reject empty ids).
    /// </summary>
    public static string Condition(string column, ISqlDialect dialect)
    {
        var ordinal = dialect.OrdinalOrder(column);
        return $"(@after = '' OR {ordinal} > @after) AND (@last = '' OR {ordinal} <= @last)";
    }

    public string AfterValue => After ?? "";

    public string LastValue => Last ?? "";
}
