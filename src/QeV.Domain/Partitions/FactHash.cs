namespace QeV.Domain.Partitions;

/// <summary>
/// FNV-1a, 64 bit, over the fields of facts: stable across processes and machines (unlike <see cref="HashCode"/>),
/// fast, and enough to notice that a partition changed. Every field is terminated, so ("ab", "c") differs from ("a", "bc").
/// </summary>
public struct FactHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    private ulong _value;
    private bool _started;

    public readonly ulong Value => _started ? _value : Offset;

    public void Add(string? text)
    {
        Start();
        if (text is null)
        {
            Byte(0xFE);
            return;
        }

        foreach (var c in text)
        {
            Byte((byte)c);
            Byte((byte)(c >> 8));
        }

        Byte(0xFF);
    }

    public void Add(DateOnly? date) => Add(date?.DayNumber ?? -1);

    public void Add(bool value) => Add(value ? 1 : 0);

    public void Add(int value)
    {
        Start();
        for (var i = 0; i < 4; i++)
        {
            Byte((byte)(value >> (8 * i)));
        }

        Byte(0xFF);
    }

    public void Add(ulong value)
    {
        Start();
        for (var i = 0; i < 8; i++)
        {
            Byte((byte)(value >> (8 * i)));
        }
    }

    public readonly string ToHex() => Value.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    private void Start()
    {
        if (!_started)
        {
            _value = Offset;
            _started = true;
        }
    }

    private void Byte(byte b)
    {
        _value ^= b;
        _value *= Prime;
    }
}
