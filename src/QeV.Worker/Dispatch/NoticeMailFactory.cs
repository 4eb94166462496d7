using Microsoft.Extensions.Options;
using QeV.Worker.Dispatch.Delivery;
using MimeKit;
using QeV.Worker.Dispatch.Rendering;
using QeV.Domain.Planning;

namespace QeV.Worker.Dispatch;

/// <summary>Renders with the templates and composes the message with its headers and calendar attachment.</summary>
public sealed class NoticeMailFactory(MailRenderer renderer, BundleRenderer bundles, IOptions<MailOptions> options)
{
    private readonly MailboxAddress _from = MailboxAddress.Parse(options.Value.Smtp.From);

    public MimeMessage Create(NoticeContent content) => MailComposer.Compose(content, renderer.Render(content), _from);

    public MimeMessage CreateBundle(string key, Recipient to, DateOnly day, IReadOnlyList<NoticeContent> items) =>
        MailComposer.ComposeBundle(key, to, [.. items.Select(i => i.Key)], bundles.Render(key, to, day, items), _from);
}
