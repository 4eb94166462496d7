using QeV.Worker.Diagnostics;
using QeV.Worker.Ledger;

namespace QeV.Worker.Dispatch;

/// <summary>The tallies of one dispatch run.</summary>
internal sealed class RunCounts
{
    public int Sent { get; set; }
    public int Retrying { get; set; }
    public int Dead { get; set; }
    public int Obsolete { get; set; }
    public int Mails { get; set; }
    public int Waiting { get; set; }
    public int Released { get; set; }
    public string? LastTransportError { get; set; }

    /// <summary>Claim, preparation, rendering, delivery, ledger writes: summed over the connections.</summary>
    public PhaseTimes Phases { get; } = new();

    public void Add(NoticeOutcome outcome, bool waiting)
    {
        switch (outcome.State)
        {
            case NoticeState.Sent: Sent++; break;
            case NoticeState.Dead: Dead++; break;
            default:
                Retrying++;
                if (waiting)
                    Waiting++;
                break;
        }
    }

    public DispatchResult Result(string? breakerReason) =>
        new(Sent, Retrying, Dead)
        {
            Obsolete = Obsolete, Mails = Mails, Waiting = Waiting, Released = Released,
            Outage = breakerReason ?? LastTransportError, Stopped = breakerReason is not null, Phases = Phases.Describe(),
        };
}
