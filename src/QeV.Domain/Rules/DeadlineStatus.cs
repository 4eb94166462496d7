namespace QeV.Domain.Rules;

public enum DeadlineStatus { Upcoming, Due, Overdue, Fulfilled }
