using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using QeV.Worker.Ledger;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;
using QeV.Worker.Tests.Support.Fixtures;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Dispatch.Delivery;

/// <summary>
/// TLS and authentication against a real server (delivery issue): the test sink with a throwaway self-signed
/// certificate made for this test class, offering STARTTLS or implicit TLS, and AUTH PLAIN/LOGIN (over TLS only)
/// with a user and password given at its start. Plain SMTP to a host that is not loopback is refused at start-up
/// unless Mail:Smtp:AllowInsecure (NotificationCycleTests.Start_PlainSmtp…).
/// </summary>
public sealed class SmtpTlsTests : IAsyncLifetime, IDisposable
{
    private const string User = "qev-relay";
    private const string Password = "Richtig-1234";

    private readonly TempFolder _folder = new();
    private SmtpSink? _startTls;
    private SmtpSink? _implicitTls;

    private string Thumbprint { get; set; } = "";

    public async Task InitializeAsync()
    {
        var (cert, key) = (_folder.Combine("sink.crt"), _folder.Combine("sink.key"));
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=qev-smtp-sink", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
            var now = TimeProvider.System.GetUtcNow();
            using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
            await File.WriteAllTextAsync(cert, certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(key, rsa.ExportPkcs8PrivateKeyPem());
            Thumbprint = certificate.GetCertHashString();
        }

        string[] auth = ["--tls-cert", cert, "--tls-key", key, "--auth-user", User, "--auth-password", Password];
        _startTls = await SmtpSink.StartAsync(_folder.Combine("starttls"), _folder.Combine("starttls.json"), options: auth);
        _implicitTls = await SmtpSink.StartAsync(_folder.Combine("implicit"), _folder.Combine("implicit.json"), options: [.. auth, "--implicit-tls"]);
    }

    public async Task DisposeAsync()
    {
        if (_startTls is not null)
            await _startTls.DisposeAsync();
        if (_implicitTls is not null)
            await _implicitTls.DisposeAsync();
        Dispose();
    }

    public void Dispose() => _folder.Dispose();

    private SmtpSink StartTls => _startTls!;

    private SmtpSink ImplicitTls => _implicitTls!;

    private static Dictionary<string, string?> Tls(string? thumbprint, string password, bool implicitTls = false) => new()
    {
        ["Mail:Smtp:UseStartTls"] = implicitTls ? "false" : "true",
        ["Mail:Smtp:ImplicitTls"] = implicitTls ? "true" : "false",
        ["Mail:Smtp:CertificateThumbprint"] = thumbprint,
        ["Mail:Smtp:User"] = User,
        ["Mail:Smtp:Password"] = password,
        ["Mail:Smtp:Connections"] = "1",
    };

    private static ManualTimeProvider NineOClock() => ManualTimeProvider.AtOffice(Day, new TimeOnly(9, 0));

    [Fact]
    public async Task Dispatch_StartTlsWithTheNamedThumbprintAndLogin_Delivered()
    {
        // Given: one reminder; the sink's certificate is self-signed, and its thumbprint is the one configured
        var domain = NewDomain();
        using var db = await TestDatabase.CreateAsync(TestEngine.Sqlite);
        await db.ImportAsync(Files(domain));
        using var worker = TestWorker.Smtp(db, NineOClock(), StartTls.Port, domain, Tls(Thumbprint, Password));
        await worker.Cycle.ScanAsync(Day, CancellationToken.None);

        // When
        var result = await worker.Cycle.DispatchAsync(Day, officeOpen: true, CancellationToken.None);

        // Then: delivered after STARTTLS and a login (the sink offers AUTH only over TLS)
        result.Sent.ShouldBe(1, StartTls.Log);
        StartTls.MessagesTo(domain).Select(m => m.NoticeKey).ShouldBe([ReminderKey()]);
        StartTls.Log.ShouldContain($"AUTH PLAIN {User} accepted", Case.Insensitive);
    }

    [Fact]
    public async Task Dispatch_UnknownCertificate_RefusedInGermanNamingServerAndThumbprint_NoticeStaysOwed()
    {
        // Given: three reminders; no thumbprint configured, so the self-signed certificate is not trusted
        var domain = NewDomain();
        using var db = await TestDatabase.CreateAsync(TestEngine.Sqlite);
        await db.ImportAsync(Files(domain, cases: 3));
        using var worker = TestWorker.Smtp(db, NineOClock(), StartTls.Port, domain, Tls(null, Password));
        await worker.Cycle.ScanAsync(Day, CancellationToken.None);

        // When
        var result = await worker.Cycle.DispatchAsync(Day, officeOpen: true, CancellationToken.None);

        // Then: a transport failure (breaker), nothing sent, nothing dead; the message names the server and the thumbprint
        var outage = result.Outage.ShouldNotBeNull();
        outage.ShouldContain($"Zertifikat von 127.0.0.1:{StartTls.Port}");
        outage.ShouldContain(Thumbprint);
        outage.ShouldContain("Mail:Smtp:CertificateThumbprint");
        result.Sent.ShouldBe(0);
        result.Dead.ShouldBe(0);
        StartTls.MessagesTo(domain).ShouldBeEmpty();
        (await worker.RowsAsync()).ShouldAllBe(r => r.State == NoticeState.Failed || r.State == NoticeState.Pending);
    }

    [Fact]
    public async Task Dispatch_WrongPassword_535TripsTheBreaker_AnmeldungAbgelehnt_NothingDead()
    {
        // Given: three reminders; the right certificate, the wrong password
        var domain = NewDomain();
        using var db = await TestDatabase.CreateAsync(TestEngine.Sqlite);
        await db.ImportAsync(Files(domain, cases: 3));
        using var worker = TestWorker.Smtp(db, NineOClock(), StartTls.Port, domain, Tls(Thumbprint, "Falsch-0000"));
        await worker.Cycle.ScanAsync(Day, CancellationToken.None);

        // When
        var result = await worker.Cycle.DispatchAsync(Day, officeOpen: true, CancellationToken.None);

        // Then
        var outage = result.Outage.ShouldNotBeNull();
        outage.ShouldContain("Anmeldung abgelehnt");
        outage.ShouldContain("535");
        result.Sent.ShouldBe(0);
        result.Dead.ShouldBe(0);
        StartTls.MessagesTo(domain).ShouldBeEmpty();
        StartTls.Log.ShouldContain($"AUTH PLAIN {User} refused", Case.Insensitive);
        (await worker.RowsAsync()).ShouldAllBe(r => r.State == NoticeState.Failed || r.State == NoticeState.Pending);
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM data_problems WHERE staff_id = 'Mailserver' AND problem LIKE '%Anmeldung abgelehnt%'")).ShouldBe(1);
    }

    [Fact]
    public async Task Dispatch_ImplicitTlsOnItsPort_Delivered()
    {
        // Given: the sink speaks TLS from the first byte (SMTPS); Mail:Smtp:ImplicitTls on
        var domain = NewDomain();
        using var db = await TestDatabase.CreateAsync(TestEngine.Sqlite);
        await db.ImportAsync(Files(domain));
        using var worker = TestWorker.Smtp(db, NineOClock(), ImplicitTls.Port, domain, Tls(Thumbprint, Password, implicitTls: true));
        await worker.Cycle.ScanAsync(Day, CancellationToken.None);

        // When
        var result = await worker.Cycle.DispatchAsync(Day, officeOpen: true, CancellationToken.None);

        // Then
        result.Sent.ShouldBe(1, ImplicitTls.Log);
        ImplicitTls.MessagesTo(domain).Select(m => m.NoticeKey).ShouldBe([ReminderKey()]);
        ImplicitTls.Log.ShouldContain($"{User} accepted", Case.Insensitive);
    }
}
