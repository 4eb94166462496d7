namespace QeV.Worker.Store.Migrations;

/// <summary>
/// The Jugendamt an agreement is concluded with (issue 10 point 12, optional): a provider working for several
/// Jugendämter (seed 000 § 2 Nr. 1 "regional und überregional tätige Träger") has its agreements judged by the profile
/// of each agreement's own Jugendamt. Empty: the provider's main Jugendamt, as before.
/// </summary>
internal static class M015AgreementJugendamt
{
    public static Migration Migration { get; } = new(15, "agreement jugendamt", """
        ALTER TABLE agreements ADD COLUMN jugendamt_organisation_id {text};
        """);
}
