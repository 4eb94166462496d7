namespace QeV.Worker.Rules;

public enum DeadlineStatus { Upcoming, Due, Overdue, Fulfilled }
