namespace QeV.Worker.Dispatch;

/// <summary>The phases of a dispatch run, as the `run --once` summary names them.</summary>
internal static class Phase
{
    public const string Claim = "beanspruchen";
    public const string Prepare = "vorbereiten";
    public const string Record = "Postausgangsbuch";
    public const string Render = "erstellen";
    public const string Deliver = "zustellen";
    public const string Apply = "Journal übernehmen";
    public const string Release = "freigeben";
}
