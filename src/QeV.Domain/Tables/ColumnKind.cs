namespace QeV.Worker.Import;

public enum ColumnKind { Id, Text, Date, Code, Bool, Number, Email, State }
