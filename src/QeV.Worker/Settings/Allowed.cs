namespace QeV.Worker.Settings;

/// <summary>Error messages of the option attributes: {1} and {2} are the bounds of a [Range].</summary>
public static class Allowed
{
    public const string Between = "erlaubt: {1} bis {2}.";

    public const string Duration = "erlaubt: eine Dauer von {1} bis {2} (Stunden:Minuten:Sekunden, Tage als 1.00:00:00).";

    public const string Present = "fehlt; bitte einen Wert setzen.";
}
