using System.Net.Mail;
using Microsoft.Extensions.Options;
using QeV.Worker.Dispatch.Rendering;
using QeV.Domain.Planning;

namespace QeV.Worker.Dispatch;

/// <summary>Renders with the templates and composes the message with its headers and calendar attachment.</summary>
public sealed class NoticeMailFactory(MailRenderer renderer, IOptions<MailOptions> options) : INoticeMailFactory
{
    private readonly MailAddress _from = new(options.Value.Smtp.From);

    public MailMessage Create(NoticeContent content) => MailComposer.Compose(content, renderer.Render(content), _from);
}
