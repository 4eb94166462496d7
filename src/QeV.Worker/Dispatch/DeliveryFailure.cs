using System.Net.Mail;
using System.Net.Sockets;
using System.Text.Json;

namespace QeV.Worker.Dispatch;

/// <summary>Whether a failed delivery is worth another try: 4xx and connection trouble are; 5xx answers are final.</summary>
public static class DeliveryFailure
{
    public static bool IsPermanent(Exception ex) => ex switch
    {
        SmtpFailedRecipientsException many => many.InnerExceptions.All(IsPermanent),
        SmtpException smtp when IsCode(smtp.StatusCode, 500) => true,
        SmtpException => false,
        JsonException or FormatException or ArgumentException => true,
        _ => false,
    };

    public static bool IsTransient(Exception ex) =>
        ex is SmtpException or IOException or SocketException or TimeoutException && !IsPermanent(ex);

    public static string Describe(Exception ex) => ex switch
    {
        SmtpException smtp => $"SMTP {(int)smtp.StatusCode}: {smtp.Message}",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    private static bool IsCode(SmtpStatusCode code, int hundreds) => (int)code >= hundreds && (int)code < hundreds + 100;
}
