namespace QeV.Worker.Operations;

/// <summary>One line of `qev doctor`: what was checked, what was found, and how to fix a failure.</summary>
public sealed record DoctorCheck(string Name, bool? Ok, string Finding, string? Fix = null)
{
    public static DoctorCheck Pass(string name, string finding) => new(name, true, finding);

    public static DoctorCheck Fail(string name, string finding, string fix) => new(name, false, finding, fix);

    public static DoctorCheck Skip(string name, string why) => new(name, null, why);

    public string Render()
    {
        var mark = Ok switch { true => "[ OK ]", false => "[FEHLER]", null => "[ -- ]" };
        var line = $"{mark,-8} {Name}: {Finding}";
        return Fix is null ? line : $"{line}\n         Behebung: {Fix}";
    }
}
