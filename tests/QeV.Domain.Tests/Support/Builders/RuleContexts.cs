using System.Globalization;
using QeV.Domain.Calendar;
using QeV.Domain.Rules;

namespace QeV.Domain.Tests.Support.Builders;

/// <summary>The context every rule test judges by: a date, the real calendar and the default state ST.</summary>
public static class RuleContexts
{
    public static RuleContext AsOf(DateOnly asOf) => new(asOf, new BusinessCalendar(), Bundesland.ST);

    /// <summary>An ISO date (for [InlineData], which cannot hold a DateOnly).</summary>
    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
