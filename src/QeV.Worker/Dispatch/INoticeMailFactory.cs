using System.Net.Mail;
using QeV.Domain.Planning;

namespace QeV.Worker.Dispatch;

/// <summary>Renders a notice's content into a complete message (text + HTML, calendar, headers).</summary>
public interface INoticeMailFactory
{
    MailMessage Create(NoticeContent content);
}
