namespace QeV.Domain.Planning;

/// <summary>A data problem with the team lead whose digest lists it.</summary>
public sealed record DataProblem(DataProblemLine Line, string? TeamLeadStaffId)
{
    public string Key => $"{Line.StaffId}/{Line.Problem}";
}
