namespace QeV.Domain.Partitions;

/// <summary>Which partition of the facts one evaluation of a rule needs.</summary>
public enum RuleScope
{
    /// <summary>One case with its meetings, reports, appointments and home visits.</summary>
    Case,

    /// <summary>One staff member with certificates, trainings and absences.</summary>
    Staff,

    /// <summary>The organisation-wide tables (agreements, AG 78, provider dialogues, reports of no case): evaluated once per scan.</summary>
    Organisation,
}
