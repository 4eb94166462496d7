namespace QeV.Domain.Profiles;

/// <summary>How a rule parameter is written in a profile or in appsettings.</summary>
public enum ParameterKind
{
    /// <summary>A period such as "14d", "10bd", "6w", "6m", "2y".</summary>
    Period,

    /// <summary>An ISO date (yyyy-MM-dd); empty means "none".</summary>
    Date,

    /// <summary>A decimal number with a point, e.g. "15.6".</summary>
    Number,

    /// <summary>A whole number ≥ 0.</summary>
    Count,

    /// <summary>A day of the year as MM-dd, e.g. "10-01".</summary>
    DayOfYear,

    /// <summary>One of the spec's allowed values.</summary>
    Choice,

    /// <summary>A comma-separated list of the spec's allowed values.</summary>
    ChoiceList,
}
