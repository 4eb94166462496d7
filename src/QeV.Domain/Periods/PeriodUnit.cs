namespace QeV.Worker.Planning;

public enum PeriodUnit { BusinessDays, Days, Weeks, Months, Years }
