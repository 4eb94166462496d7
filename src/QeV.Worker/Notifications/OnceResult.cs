using QeV.Worker.Dispatch;

namespace QeV.Worker.Notifications;

public sealed record OnceResult(DateOnly Day, int Planned, DispatchResult Dispatched);
