using System.Text.RegularExpressions;

namespace QeV.Worker.Dispatch.Delivery;

/// <summary>
/// Reads a reply to RCPT TO. 4xx concerns the recipient for now. A 5xx concerns the address when its enhanced status
/// code says so (5.1.x addressing, 5.2.x mailbox; without one: 550, 551, 553); any other 5xx (5.7.1 relay access
/// denied, 554, 530) is the server's policy: when every recipient gets it, the relay refuses us, not them.
/// </summary>
public static partial class SmtpReplies
{
    public enum RcptVerdict { Temporary, Permanent, Policy, ClosesConnection }

    public static RcptVerdict Classify(int code, string? text)
    {
        if (code == 421)
            return RcptVerdict.ClosesConnection;
        if (code is >= 400 and < 500)
            return RcptVerdict.Temporary;
        if (EnhancedClass(text) is { } subject)
            return subject is 1 or 2 ? RcptVerdict.Permanent : RcptVerdict.Policy;
        return code is 550 or 551 or 553 ? RcptVerdict.Permanent : RcptVerdict.Policy;
    }

    /// <summary>The subject digit of an enhanced status code at the start of the text ("5.1.1 …" → 1), or null.</summary>
    public static int? EnhancedClass(string? text)
    {
        var match = Enhanced().Match(text ?? "");
        return match.Success ? int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>"550 5.1.1 User unknown" as one line.</summary>
    public static string Format(int code, string? text) =>
        $"{code} {string.Join(' ', (text ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}".Trim();

    [GeneratedRegex(@"^\s*[245]\.(\d{1,3})\.\d{1,3}\b")]
    private static partial Regex Enhanced();
}
