namespace QeV.Domain.Facts.Partitions;

/// <summary>What the staff rules need of one person: the person (with absences) and their certificates and trainings.</summary>
public sealed record StaffPartition(Staff Staff, IReadOnlyList<Fuehrungszeugnis> Certificates, IReadOnlyList<Training> Trainings)
{
    public string Id => Staff.StaffId;
}
