using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using QeV.Domain.Planning;

namespace QeV.Worker.Dispatch;

/// <summary>
/// Decides which mails a batch of notices becomes. Without bundling, or for F06, digests and admin reports: one mail per
/// notice to its owed recipients. With bundling: everything else owed to one address on the day goes as one mail; a
/// notice that is the only one for each of its owed addresses stays a mail of its own, to all of them at once.
/// </summary>
internal static class MailGrouping
{
    public static IReadOnlyList<OutgoingMail> Plan(IReadOnlyList<DispatchItem> items, bool bundle, DateOnly day)
    {
        var mails = new List<OutgoingMail>();
        var bundleable = new List<(DispatchItem Item, Recipient Recipient)>();
        foreach (var item in items)
        {
            var owed = item.Owed;
            if (owed.Count == 0)
                continue;
            if (bundle && IsBundleable(item.Content))
                bundleable.AddRange(owed.Select(r => (item, r)));
            else
                mails.Add(Single(item, owed));
        }

        var byAddress = bundleable.GroupBy(p => p.Recipient.Email, StringComparer.OrdinalIgnoreCase).ToList();
        var alone = byAddress.Where(g => g.Count() == 1).Select(g => g.Single().Item).ToHashSet();
        var single = alone.Where(i => byAddress.All(g => g.Count() == 1 || g.All(p => p.Item != i))).ToHashSet();
        mails.AddRange(single.Select(i => Single(i, i.Owed)));
        foreach (var group in byAddress)
        {
            var parts = group.Where(p => !single.Contains(p.Item)).ToList();
            if (parts.Count == 1)
                mails.Add(new OutgoingMail(parts[0].Item.Key, null, [(parts[0].Item, parts[0].Recipient.Email)]));
            else if (parts.Count > 1)
                mails.Add(Bundle(day, parts));
        }

        return mails;
    }

    /// <summary>Reminders, due and overdue notices, escalations, notes and "missing" notices; never F06 or a digest.</summary>
    public static bool IsBundleable(NoticeContent content) =>
        !content.Urgent && content.Kind is not (NoticeKind.Notice or NoticeKind.Digest or NoticeKind.AdminReport);

    /// <summary>"bundle/2026-06-05/S-7/3f2a9c1d": the day, the person and a hash of the item keys, so a repeat has the same Message-ID.</summary>
    public static string BundleKey(DateOnly day, Recipient to, IEnumerable<string> itemKeys)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', itemKeys.Order(StringComparer.Ordinal))));
        return string.Create(CultureInfo.InvariantCulture, $"bundle/{day:yyyy-MM-dd}/{to.StaffId ?? to.Email}/{Convert.ToHexStringLower(hash, 0, 4)}");
    }

    private static OutgoingMail Single(DispatchItem item, IReadOnlyList<Recipient> owed) =>
        new(item.Key, null, [.. owed.Select(r => (item, r.Email))]);

    private static OutgoingMail Bundle(DateOnly day, List<(DispatchItem Item, Recipient Recipient)> parts)
    {
        // The person as the notices addressed to them name them; a Cc copy names them the same way.
        var to = parts.Select(p => p.Recipient).OrderBy(r => r.StaffId is null).First() with { StandsInFor = null };
        var ordered = parts.OrderBy(p => p.Item.Content.Rule, StringComparer.Ordinal).ThenBy(p => p.Item.Key, StringComparer.Ordinal).ToList();
        return new OutgoingMail(BundleKey(day, to, ordered.Select(p => p.Item.Key)), to, [.. ordered.Select(p => (p.Item, p.Recipient.Email))]);
    }
}
