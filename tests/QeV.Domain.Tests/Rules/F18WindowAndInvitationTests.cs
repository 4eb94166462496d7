using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F18, issue 10 point 7. Seed 003 (NRW template): "Der Qualitätsdialog wird fortgesetzt am …" and "Die Einladung erfolgt
/// durch …". A dialogue long before the agreed continuation date is the last round, not its continuation: only one held
/// from two months before the date (or later) fulfils it. The side that invites is responsible.
/// </summary>
public sealed class F18WindowAndInvitationTests
{
    private static readonly DateOnly Next = new(2026, 9, 30);

    private static FactsBuilder Agreement(string? invitedBy = null) =>
        new FactsBuilder().WithJugendamtState("NW").WithProviderState("NW")
            .WithLeitung("S-20", FactsBuilder.JugendamtId).WithLeitung("S-30", FactsBuilder.ProviderId)
            .WithAgreementRow(new Agreement("AG-1", FactsBuilder.ProviderId, AgreementKind.Qev, new DateOnly(2025, 3, 1), new DateOnly(2026, 12, 31), Next)
            {
                InvitedBy = invitedBy,
            });

    private static Deadline Continuation(FactsBuilder facts, DateOnly asOf) =>
        Evaluate(new F18QualitaetsdialogRule(), facts, "nrw-qe-vereinbarung", asOf)
            .Single(d => d.Name == "Fortsetzung des Qualitätsdialogs");

    [Theory]
    // in spring, half a year before the agreed date: the previous round, not the continuation
    [InlineData("2026-03-12", DeadlineStatus.Overdue)]
    // a day before the window opens
    [InlineData("2026-07-29", DeadlineStatus.Overdue)]
    // the first day of the window, two months before 30.09.
    [InlineData("2026-07-30", DeadlineStatus.Fulfilled)]
    // on the agreed date
    [InlineData("2026-09-30", DeadlineStatus.Fulfilled)]
    // late, but held
    [InlineData("2026-10-08", DeadlineStatus.Fulfilled)]
    public void Evaluate_DialogueDate_FulfilsOnlyOnOrNearTheAgreedDate(string held, DeadlineStatus expected)
    {
        // Given
        var facts = Agreement().WithDialogue("QD-1", RuleContexts.Day(held));

        // When
        var deadline = Continuation(facts, new DateOnly(2026, 10, 15));

        // Then
        deadline.DueDate.ShouldBe(Next);
        deadline.Status.ShouldBe(expected);
    }

    [Fact]
    public void Evaluate_ProviderInvites_ProviderLeitungResponsibleJugendamtInformed()
    {
        // Given: "Die Einladung erfolgt durch" the provider
        var facts = Agreement("traeger");

        // When
        var deadlines = Evaluate(new F18QualitaetsdialogRule(), facts, "nrw-qe-vereinbarung", new DateOnly(2026, 9, 1));

        // Then: the continuation is the provider's; the period's end stays with the Jugendamt
        var continuation = deadlines.Single(d => d.Name == "Fortsetzung des Qualitätsdialogs");
        continuation.ResponsibleStaffId.ShouldBe("S-30");
        continuation.InformedStaffId.ShouldBe("S-20");
        var periodEnd = deadlines.Single(d => d.Name == "Ende des Vereinbarungszeitraums");
        periodEnd.ResponsibleStaffId.ShouldBe("S-20");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("jugendamt")]
    public void Evaluate_JugendamtInvitesOrNotSaid_JugendamtLeitungResponsible(string? invitedBy)
    {
        // Given
        var facts = Agreement(invitedBy);

        // When
        var deadline = Continuation(facts, new DateOnly(2026, 9, 1));

        // Then
        deadline.ResponsibleStaffId.ShouldBe("S-20");
        deadline.InformedStaffId.ShouldBe("S-30");
    }
}
