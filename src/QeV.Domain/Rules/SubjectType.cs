namespace QeV.Domain.Rules;

/// <summary>What a deadline is about; the codes are those of the deadlines report.</summary>
public enum SubjectType { Case, Meeting, Staff, Organisation, Agreement }
