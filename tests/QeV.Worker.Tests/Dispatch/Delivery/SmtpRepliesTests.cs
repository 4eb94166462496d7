using QeV.Worker.Dispatch.Delivery;
using static QeV.Worker.Dispatch.Delivery.SmtpReplies;

namespace QeV.Worker.Tests.Dispatch.Delivery;

public sealed class SmtpRepliesTests
{
    [Theory]
    [InlineData(450, "4.7.1 Greylisted", RcptVerdict.Temporary)]
    [InlineData(452, "4.2.2 Mailbox full", RcptVerdict.Temporary)]
    [InlineData(421, "4.3.2 Shutting down", RcptVerdict.ClosesConnection)]
    [InlineData(550, "5.1.1 User unknown", RcptVerdict.Permanent)]
    [InlineData(550, "5.2.1 Mailbox disabled", RcptVerdict.Permanent)]
    [InlineData(550, "User unknown", RcptVerdict.Permanent)]
    [InlineData(553, "mailbox name not allowed", RcptVerdict.Permanent)]
    [InlineData(554, "5.7.1 Relay access denied", RcptVerdict.Policy)]
    [InlineData(550, "5.7.54 Unable to relay recipient in non-accepted domain", RcptVerdict.Policy)]
    [InlineData(554, "Relay access denied", RcptVerdict.Policy)]
    [InlineData(530, "5.7.0 Authentication required", RcptVerdict.Policy)]
    public void Classify_RcptReply_ConcernsRecipientOrServer(int code, string text, RcptVerdict expected) =>
        Classify(code, text).ShouldBe(expected);

    [Fact]
    public void Format_MultiLineReply_OneLine() =>
        Format(550, "5.1.1 User\r\nunknown").ShouldBe("550 5.1.1 User unknown");

    [Fact]
    public void Describe_Refused_NamesTheServer() =>
        SmtpFailures.Describe(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused), "mail.example:587", TimeSpan.FromSeconds(30))
            .Message.ShouldBe("Verbindung zu mail.example:587 abgelehnt");

    [Fact]
    public void Describe_LoginRefused_AnmeldungAbgelehnt() =>
        SmtpFailures.Describe(new MailKit.Security.AuthenticationException("535: 5.7.8 Authentication credentials invalid"), "mail.example:587", TimeSpan.FromSeconds(30))
            .Message.ShouldBe("Anmeldung abgelehnt: 535: 5.7.8 Authentication credentials invalid");
}
