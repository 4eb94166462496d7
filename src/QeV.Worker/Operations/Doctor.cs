using System.Globalization;
using Dapper;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using QeV.Domain.Calendar;
using QeV.Worker.Dispatch;
using QeV.Worker.Office;
using QeV.Worker.Sources;
using QeV.Domain.Profiles;
using QeV.Worker.Store;
using QeV.Worker.Store.Migrations;

using QeV.Worker.Dispatch.Delivery;

namespace QeV.Worker.Operations;

/// <summary>The checks of `qev doctor` after the configuration passed: database, mail server, calendar, pickup folder.</summary>
public sealed class Doctor(
    Database database, IOptions<MailOptions> mail, IOptions<RulesOptions> rules, OfficeClock clock, SourcesCheck sources,
    IOptions<SourcesOptions> sourcesOptions)
{
    public async Task<IReadOnlyList<DoctorCheck>> RunAsync(CancellationToken ct) =>
    [
        await DatabaseAsync(ct),
        await MailServerAsync(ct),
        Calendar(),
        PickupFolder(),
        await SourcesAsync(ct),
    ];

    private async Task<DoctorCheck> SourcesAsync(CancellationToken ct)
    {
        const string name = "Quellen";
        try
        {
            if (!sourcesOptions.Value.Any)
            {
                return DoctorCheck.Skip(name, "keine Quellen zugeordnet (Import per `qev import <ordner>`)");
            }

            var (text, clean) = await sources.RunAsync(clock.Today, ct);
            return clean
                ? DoctorCheck.Pass(name, "jede Zuordnung gelesen, keine fehlerhafte Zeile\n" + text)
                : DoctorCheck.Fail(name, "fehlerhafte Zeilen oder nicht lesbare Quelle\n" + text,
                    "`qev sources check` zeigt die ersten Fehler je Entität; Abfragen unter Sources:Queries und die Rechte (docs/sources.md) prüfen.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return DoctorCheck.Fail(name, ex.Message.Split('\n')[0],
                "Sources:Connections (Anbieter, Verbindungszeichenfolge) und die SELECT-Rechte auf die Sichten prüfen (docs/sources.md).");
        }
    }

    private async Task<DoctorCheck> DatabaseAsync(CancellationToken ct)
    {
        const string name = "Datenbank";
        try
        {
            await DatabaseCheck.EnsureUsableAsync(database, mayCreate: false, thorough: true, ct);
            await using var connection = await database.OpenAsync(ct);
            var applied = (await connection.QueryAsync<int>(new CommandDefinition(
                "SELECT version FROM schema_migrations", cancellationToken: ct))).ToHashSet();
            var missing = MigrationCatalog.All.Where(m => !applied.Contains(m.Version)).Select(m => m.Version.ToString(CultureInfo.InvariantCulture)).ToList();
            return missing.Count == 0
                ? DoctorCheck.Pass(name, $"{database.Description} erreichbar, alle {MigrationCatalog.All.Count} Migrationen angewendet")
                : DoctorCheck.Fail(name, $"{database.Description} erreichbar, Migrationen fehlen: {string.Join(", ", missing)}",
                    "`qev run` (oder einmal `qev run --once`) starten: die Migrationen laufen beim Start; vorher sichern (README, Upgrade).");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var finding = StoreFailure.Describe(ex) ?? ex.Message.Split('\n')[0];
            var fix = database.FilePath is not null
                ? "Pfad in Database:ConnectionString bzw. --db prüfen; eine neue Datenbank legt `qev import <ordner>` an."
                : "Host, Port, Datenbank, Benutzer und Passwort in Database:ConnectionString prüfen; erreicht dieser Rechner den Server (Firewall, pg_hba.conf)?";
            return DoctorCheck.Fail(name, finding, fix);
        }
    }

    private async Task<DoctorCheck> MailServerAsync(CancellationToken ct)
    {
        var smtp = mail.Value.Smtp;
        var name = $"SMTP {smtp.Host}:{smtp.Port}";
        if (mail.Value.Mode != MailMode.Smtp)
        {
            return DoctorCheck.Skip("SMTP", "nicht benutzt (Mail:Mode=Pickup, Nachrichten gehen als .eml in den Ordner)");
        }

        try
        {
            return DoctorCheck.Pass(name, await MailProbe.ProbeAsync(smtp, ct) + " (keine Nachricht gesendet)");
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException or TimeoutException or OperationCanceledException
                                       or SslHandshakeException or SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException
                                       or NotSupportedException or AuthenticationException)
        {
            var fix = ex switch
            {
                SslHandshakeException => "Das Zertifikat des Servers wird nicht anerkannt oder TLS passt nicht: Mail:Smtp:Host muss zum Zertifikat passen; Port 587 mit Mail:Smtp:UseStartTls=true, Port 465 für TLS sofort.",
                NotSupportedException => "Der Server bietet kein STARTTLS: anderen Port (587/465) wählen oder, nur im geschützten Netz, Mail:Smtp:UseStartTls=false und Mail:Smtp:AllowInsecure=true.",
                _ when ex is TimeoutException or OperationCanceledException => "Der Server antwortet nicht: Host und Port prüfen, Firewall für ausgehende Verbindungen freigeben, Mail:Smtp:Timeout erhöhen.",
                _ => "Mail:Smtp:Host und Mail:Smtp:Port prüfen; läuft der Server und ist er von diesem Rechner aus erreichbar (Firewall)?",
            };
            return DoctorCheck.Fail(name, ex.Message.Split('\n')[0], fix);
        }
    }

    private DoctorCheck Calendar()
    {
        const string name = "Zeitzone und Feiertage";
        var today = clock.Today;
        var holidays = PublicHolidays.For(clock.DefaultState, today.Year);
        var next = PublicHolidays.For(clock.DefaultState, today.Year).Concat(PublicHolidays.For(clock.DefaultState, today.Year + 1))
            .FirstOrDefault(h => h.Date >= today);
        if (holidays.Count < 9 || next is null)
        {
            return DoctorCheck.Fail(name, $"{clock.Zone.Id}, {clock.DefaultState}: nur {holidays.Count} Feiertage {today.Year}",
                "Office:DefaultState bzw. Rules:Profile prüfen (Bundesland-Kürzel wie ST, RP, NW).");
        }

        return DoctorCheck.Pass(name, string.Create(CultureInfo.InvariantCulture,
            $"{clock.Zone.Id} (jetzt {clock.LocalNow:dd.MM.yyyy HH:mm}), Bundesland {clock.DefaultState} (Profil {rules.Value.Profile.Name}), "
            + $"{holidays.Count} Feiertage {today.Year}, nächster: {next.Name} am {next.Date:dd.MM.yyyy}"));
    }

    private DoctorCheck PickupFolder()
    {
        const string name = "Ablageordner";
        if (mail.Value.Mode != MailMode.Pickup)
        {
            return DoctorCheck.Skip(name, "nicht benutzt (Mail:Mode=Smtp)");
        }

        var folder = Path.GetFullPath(mail.Value.PickupDirectory);
        try
        {
            var existing = folder;
            while (!Directory.Exists(existing))
            {
                if (File.Exists(existing))
                {
                    throw new IOException($"{existing} ist eine Datei, kein Ordner");
                }

                existing = Path.GetDirectoryName(existing) ?? throw new DirectoryNotFoundException(folder);
            }

            var probe = Path.Combine(existing, $".qev-doctor-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "probe");
            File.Delete(probe);
            return DoctorCheck.Pass(name, existing == folder ? $"{folder} beschreibbar" : $"{folder} wird beim ersten Versand in {existing} angelegt (beschreibbar)");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return DoctorCheck.Fail(name, $"{folder} nicht beschreibbar: {ex.Message}",
                $"Mail:PickupDirectory prüfen und dem Dienstbenutzer Schreibrechte geben (z. B. chown qev {folder}).");
        }
    }
}
