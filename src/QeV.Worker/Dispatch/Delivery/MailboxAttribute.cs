using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace QeV.Worker.Dispatch.Delivery;

/// <summary>One sender address, with or without a display name.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MailboxAttribute : ValidationAttribute
{
    public MailboxAttribute() : base("keine gültige Absenderadresse; erlaubt: „Name <adresse@domain>“ oder adresse@domain.") { }

    public override bool IsValid(object? value) =>
        value is string text && MailboxAddress.TryParse(text, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal)
        && mailbox.Address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < mailbox.Address.Length - 1;
}
