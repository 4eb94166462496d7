namespace QeV.Worker.Store.Migrations;

/// <summary>
/// Facts the full catalogue needs (issue 10), all optional: providers that stop (<c>organisations.active</c>), the QEV
/// that several providers' rows belong to and its own date (<c>agreements.qev_id</c>, <c>qev_date</c>, F10), an LEQ that
/// includes the QEV (<c>agreements.includes_qev</c>, seed 000 § 6 Nr. 2) and the side that invites to the
/// Qualitätsdialog (<c>agreements.invited_by</c>, seed 003).
/// </summary>
internal static class M005CatalogFacts
{
    public static Migration Migration { get; } = new(5, "catalogue facts", """
        ALTER TABLE organisations ADD COLUMN active {bool};
        ALTER TABLE agreements ADD COLUMN qev_id {text};
        ALTER TABLE agreements ADD COLUMN qev_date {date};
        ALTER TABLE agreements ADD COLUMN includes_qev {bool};
        ALTER TABLE agreements ADD COLUMN invited_by {text};
        """);
}
