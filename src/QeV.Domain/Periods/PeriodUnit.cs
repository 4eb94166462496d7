namespace QeV.Domain.Periods;

public enum PeriodUnit { BusinessDays, Days, Weeks, Months, Years }
