using QeV.Domain.Planning;

namespace QeV.Worker.Dispatch;

/// <summary>
/// One mail of a run: a single notice to its owed recipients, or a bundle of several notices to one person. Each part
/// is one notice for one address; the envelope holds each address once.
/// </summary>
internal sealed record OutgoingMail(string Key, Recipient? BundleRecipient, IReadOnlyList<(DispatchItem Item, string Address)> Parts)
{
    public bool IsBundle => BundleRecipient is not null;

    public IReadOnlyList<DispatchItem> Items => [.. Parts.Select(p => p.Item).Distinct()];

    public IReadOnlyList<string> Addresses => [.. Parts.Select(p => p.Address).Distinct(StringComparer.OrdinalIgnoreCase)];
}
