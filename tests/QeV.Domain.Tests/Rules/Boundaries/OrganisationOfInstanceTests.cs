using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules.Boundaries;

/// <summary>
/// Every instance names the organisation it belongs to (<see cref="Deadline.OrganisationId"/>): the notices are routed
/// and the profile per Jugendamt is chosen by it. These rules set it beside the constructor, so each is checked once:
/// the case manager's Jugendamt for case obligations, the provider for the provider's, the Jugendamt for the AG § 78.
/// </summary>
public sealed class OrganisationOfInstanceTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 2);

    [Fact]
    public void Evaluate_F02_TheCaseManagersJugendamt()
    {
        // Given: help since Wednesday 15.01.2025, no Fortschreibung yet
        var facts = new FactsBuilder();

        // When
        var deadline = Evaluate(new F02HilfeplanfortschreibungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: 15.01.2025 + 6 months = Tuesday 15.07.2025
        (deadline.DueDate, deadline.OrganisationId).ShouldBe((new DateOnly(2025, 7, 15), FactsBuilder.JugendamtId));
    }

    [Fact]
    public void Evaluate_F04_TheCaseManagersJugendamt()
    {
        // Given: the first Hilfeplangespräch held on Monday 05.05.2025, no plan sent yet
        var facts = new FactsBuilder().WithMeetingRecord("M-1", new DateOnly(2025, 5, 5), MeetingKind.Initial);

        // When
        var deadline = Evaluate(new F04HilfeplanVersandRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: seed 000 "innerhalb von 14 Tagen": Monday 19.05.2025
        (deadline.DueDate, deadline.OrganisationId).ShouldBe((new DateOnly(2025, 5, 19), FactsBuilder.JugendamtId));
    }

    [Fact]
    public void Evaluate_F09_TheJugendamtOfTheSessions()
    {
        // Given: three AG § 78 sessions, the latest on Wednesday 13.03.2024 in the middle
        var facts = new FactsBuilder()
            .WithSession("AG-1", new DateOnly(2021, 3, 10))
            .WithSession("AG-2", new DateOnly(2024, 3, 13))
            .WithSession("AG-3", new DateOnly(2022, 9, 14));

        // When
        var deadline = Evaluate(new F09Ag78ReviewRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: "alle 3 Jahre": Saturday 13.03.2027, on to Monday 15.03.2027
        (deadline.DueDate, deadline.OrganisationId).ShouldBe((new DateOnly(2027, 3, 15), FactsBuilder.JugendamtId));
    }

    [Fact]
    public void Evaluate_F11_TheProviderWithTheJugendamtsLeitungAsSupervisor()
    {
        // Given
        var facts = new FactsBuilder()
            .WithLeitung("S-40", FactsBuilder.JugendamtId)
            .WithAgreement("AG-1", new DateOnly(2024, 1, 8))
            .WithReport("R-1", ReportKind.Leistungsbeschreibung, new DateOnly(2023, 11, 15));

        // When
        var deadline = Evaluate(new F11LeistungsbeschreibungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then
        (deadline.OrganisationId, deadline.SupervisorStaffId).ShouldBe((FactsBuilder.ProviderId, "S-40"));
    }

    [Fact]
    public void Evaluate_F14_TheFachkraftsProvider()
    {
        // Given
        var facts = new FactsBuilder();

        // When
        var deadline = Evaluate(new F14SupervisionRule(), facts, "magdeburg", AsOf)
            .Where(d => d.SubjectId == FactsBuilder.KeyWorkerId).ToList().ShouldHaveSingleItem();

        // Then: due Wednesday 31.12.2025
        (deadline.DueDate, deadline.OrganisationId, deadline.Progress).ShouldBe((new DateOnly(2025, 12, 31), FactsBuilder.ProviderId, "0 von 8"));
    }

    [Fact]
    public void Evaluate_F15_TheCaseManagersJugendamt()
    {
        // Given: help since 15.01.2025, in its first help year
        var facts = new FactsBuilder();

        // When
        var deadline = Evaluate(new F15HausbesuchRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: the help year ends Wednesday 14.01.2026
        (deadline.DueDate, deadline.OrganisationId, deadline.Progress).ShouldBe((new DateOnly(2026, 1, 14), FactsBuilder.JugendamtId, "0 von 2"));
    }
}
