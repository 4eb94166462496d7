using System.ComponentModel.DataAnnotations;
using QeV.Worker.Settings;

namespace QeV.Worker.Notifications;

/// <summary>
/// Section Notifications: when mail goes out, the digests and where data problems are reported. The keys for attempts,
/// retries and the claim lease in the same section belong to the dispatcher (<c>Dispatch/DispatchOptions</c>).
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Office hours in the office time zone, "07:00-18:00". Only F06 goes out of hours.</summary>
    [OfficeHours]
    public string OfficeHours { get; set; } = "07:00-18:00";

    /// <summary>Sends at any hour and on any day (run --demo sets it, so that mails appear at once). Not for production.</summary>
    public bool IgnoreOfficeHours { get; set; }

    /// <summary>Receives the daily report of data problems; empty: no admin report.</summary>
    [EmailOrEmpty]
    public string? AdminEmail { get; set; }

    /// <summary>How the admin report greets its reader ("Frau Berger", "Team Fachverfahren"); empty: "Guten Tag,".</summary>
    [ContactLine]
    public string? AdminName { get; set; }

    /// <summary>
    /// Whom a recipient contacts when a mail's data is wrong (the Fachverfahren's support), named in every mail; empty:
    /// <see cref="AdminEmail"/>, else the office that keeps the Fachverfahren's data.
    /// </summary>
    [ContactLine]
    public string? DataContact { get; set; }

    /// <summary>The contact every mail names, or null for the general wording.</summary>
    public string? EffectiveDataContact() =>
        !string.IsNullOrWhiteSpace(DataContact) ? DataContact.Trim() : string.IsNullOrWhiteSpace(AdminEmail) ? null : AdminEmail.Trim();

    /// <summary>Team lead digests list what is due within this many business days.</summary>
    [Range(0, 60, ErrorMessage = Allowed.Between)]
    public int DigestDueSoonBusinessDays { get; set; } = 7;

    /// <summary>Folder whose &lt;name&gt;.hbs files override the built-in templates.</summary>
    [ExistingFolderOrEmpty]
    public string? TemplateFolder { get; set; }

    public (TimeOnly From, TimeOnly Until) ParseOfficeHours()
    {
        var parts = OfficeHours.Split('-', StringSplitOptions.TrimEntries);
        return (TimeOnly.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
