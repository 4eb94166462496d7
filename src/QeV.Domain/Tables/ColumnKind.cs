namespace QeV.Domain.Tables;

public enum ColumnKind { Id, Text, Date, Code, Bool, Number, Email, State }
