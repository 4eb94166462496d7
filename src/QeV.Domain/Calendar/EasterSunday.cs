namespace QeV.Domain.Calendar;

/// <summary>Easter Sunday in the Gregorian calendar (Anonymous Gregorian / Meeus-Jones-Butcher computus).</summary>
public static class EasterSunday
{
    /// <summary>First year of the Gregorian calendar.</summary>
    public const int MinYear = 1583;

    /// <summary>Last year representable by <see cref="DateOnly"/>.</summary>
    public const int MaxYear = 9999;

    /// <summary>The date of Easter Sunday in <paramref name="year"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1583..9999.</exception>
    public static DateOnly For(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);

        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
