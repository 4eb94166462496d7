using System.ComponentModel.DataAnnotations;
using QeV.Worker.Settings;

namespace QeV.Worker.Dispatch.Delivery;

/// <summary>Section Mail: .eml files in a folder (the default) or a real SMTP server.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    [EnumDataType(typeof(MailMode), ErrorMessage = "erlaubt: Pickup, Smtp.")]
    public MailMode Mode { get; set; } = MailMode.Pickup;

    public string PickupDirectory { get; set; } = "./mail-out";

    public SmtpOptions Smtp { get; set; } = new();
}

public enum MailMode { Pickup, Smtp }

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = Allowed.Between)]
    public int Port { get; set; } = 587;

    public bool UseStartTls { get; set; } = true;

    /// <summary>TLS from the first byte (SMTPS). Port 465 implies it.</summary>
    public bool ImplicitTls { get; set; }

    /// <summary>
    /// SHA-1 thumbprint (hex) of the server certificate to accept even though it does not validate (a self-signed
    /// internal relay). Empty: only certificates that validate are accepted.
    /// </summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>SMTP connections used side by side in one dispatch run, each reused for many mails.</summary>
    [Range(1, 32, ErrorMessage = Allowed.Between)]
    public int Connections { get; set; } = 4;

    /// <summary>Allows plain SMTP to a host that is not loopback. Only for a relay on a trusted network.</summary>
    public bool AllowInsecure { get; set; }

    public string? User { get; set; }

    /// <summary>Set through an environment variable or user secrets (Mail__Smtp__Password), never in a committed file.</summary>
    public string? Password { get; set; }

    [Mailbox]
    public string From { get; set; } = "QeV.Worker <fristen@qev-worker.invalid>";

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = Allowed.Duration, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool UsesImplicitTls => ImplicitTls || Port == 465;
}
