using QeV.Domain.Facts;

namespace QeV.Domain.Rules;

/// <summary>
/// Some rules judge facts that an export may not carry at all: optional files (home_visits.csv, provider_dialogues.csv,
/// trainings.csv), optional columns (plan_sent_date, cost_approval_date) or the monthly Nachweisblätter. When a database holds no
/// such fact at all, the rule cannot tell "not done" from "not exported", so it stays silent instead of flagging every
/// case as overdue; the scan names the rules it skipped.
/// </summary>
public static class RuleData
{
    public static bool IsPresent(string rule, FactSet facts) => rule switch
    {
        "F04" => facts.Meetings.Any(m => m.PlanSentDate is not null),
        "F05" => facts.Meetings.Any(m => m.CostApprovalDate is not null),
        "F08" => facts.ProviderDialogues.Count > 0,
        "F13" => facts.Trainings.Any(t => t.Kind == TrainingKind.Fortbildung),
        "F14" => facts.Trainings.Any(t => t.Kind == TrainingKind.Supervision),
        "F15" => facts.HomeVisits.Count > 0,
        "F16" => facts.Reports.Any(r => r.Kind == ReportKind.Nachweisblatt),
        _ => true,
    };

    /// <summary>What a rule would need, in German, for the log and the rules listing.</summary>
    public static string Needs(string rule) => rule switch
    {
        "F04" => "meetings.plan_sent_date",
        "F05" => "meetings.cost_approval_date",
        "F08" => "provider_dialogues.csv",
        "F13" => "trainings.csv (fortbildung)",
        "F14" => "trainings.csv (supervision)",
        "F15" => "home_visits.csv",
        "F16" => "Berichte der Art nachweisblatt",
        _ => "",
    };
}
