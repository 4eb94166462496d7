using QeV.Domain.Facts;
using QeV.Domain.Planning;
using F = QeV.Domain.Tests.Support.Builders.FactsBuilder;

namespace QeV.Domain.Tests.Planning;

/// <summary>
/// Routing (notification issue, DOMAIN.md): the responsible person; if absent on the send date, the deputy; an
/// absent team lead, the deputy lead. Inactive, mail-less or unknown people are data problems, never silently
/// dropped; the first two are replaced by a substitute, an unknown person gets nothing.
/// </summary>
public sealed class RecipientRouterTests
{
    private static readonly DateOnly SendDate = new(2026, 6, 10);
    private const string Context = "F01 Entwicklungsbericht zu 51.2-0815/25, fällig 15.06.2026";

    private static FactSet Facts() => new F().Build().WithEmails();

    [Fact]
    public void Route_PresentAndReachable_ThePersonThemselves()
    {
        // Given
        var facts = Facts();

        // When
        var routed = RecipientRouter.Route(facts, F.KeyWorkerId, SendDate, Context);

        // Then
        routed.Recipient.ShouldBe(new Recipient(F.KeyWorkerId, "Person S-7", "s-7@example.de"));
        routed.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Route_AbsentOnTheSendDate_Deputy()
    {
        // Given
        var facts = Facts().Absent(F.KeyWorkerId, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 10)).Deputy(F.KeyWorkerId, "S-8")
            .AddStaff(new Staff("S-8", F.ProviderId, F.ProviderTeamId, "Person S-8", "s-8@example.de", StaffRole.Fachkraft, true, null, null, null, null));

        // When
        var routed = RecipientRouter.Route(facts, F.KeyWorkerId, SendDate, Context);

        // Then
        routed.Recipient.ShouldBe(new Recipient("S-8", "Person S-8", "s-8@example.de", StandsInFor: "Person S-7"));
        routed.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Route_AbsenceOverBeforeTheSendDate_ThePersonThemselves()
    {
        // Given: away until the day before
        var facts = Facts().Absent(F.KeyWorkerId, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 9)).Deputy(F.KeyWorkerId, F.ProviderDeputyLeadId);

        // When
        var routed = RecipientRouter.Route(facts, F.KeyWorkerId, SendDate, Context);

        // Then
        routed.Recipient.ShouldNotBeNull().StaffId.ShouldBe(F.KeyWorkerId);
    }

    [Fact]
    public void Route_AbsentUntilFurtherNotice_Deputy()
    {
        // Given: absent_from without absent_until
        var facts = Facts().Absent(F.KeyWorkerId, new DateOnly(2026, 1, 1), null).Deputy(F.KeyWorkerId, F.ProviderDeputyLeadId);

        // When
        var routed = RecipientRouter.Route(facts, F.KeyWorkerId, SendDate, Context);

        // Then
        routed.Recipient.ShouldNotBeNull().StaffId.ShouldBe(F.ProviderDeputyLeadId);
    }

    [Fact]
    public void Route_AbsentAndDeputyAbsentToo_TeamLead()
    {
        // Given
        var facts = Facts()
            .Absent(F.KeyWorkerId, new DateOnly(2026, 6, 1), null).Deputy(F.KeyWorkerId, F.ProviderDeputyLeadId)
            .Absent(F.ProviderDeputyLeadId, new DateOnly(2026, 6, 1), null);

        // When
        var routed = RecipientRouter.Route(facts, F.KeyWorkerId, SendDate, Context);

        // Then
        routed.Recipient.ShouldNotBeNull().StaffId.ShouldBe(F.ProviderTeamLeadId);
        routed.Recipient.StandsInFor.ShouldBe("Person S-7");
        routed.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Route_TeamLeadAbsent_DeputyLeadBeforeThePersonalDeputy()
    {
        // Given: lead S-2 away; the team's deputy lead is S-3, the lead's personal deputy S-7
        var facts = Facts().Absent(F.ProviderTeamLeadId, new DateOnly(2026, 6, 1), null).Deputy(F.ProviderTeamLeadId, F.KeyWorkerId);

        // When
        var routed = RecipientRouter.Route(facts, F.ProviderTeamLeadId, SendDate, Context);

        // Then
        routed.Recipient.ShouldNotBeNull().StaffId.ShouldBe(F.ProviderDeputyLeadId);
        routed.Recipient.StandsInFor.ShouldBe("Person S-2");
    }

    [Fact]
    public void Route_Inactive_DataProblemAndSubstitute()
    {
        // Given
        var facts = Facts().ChangeStaff(F.KeyWorkerId, s => s with { Active = false }).Deputy(F.KeyWorkerId, F.ProviderDeputyLeadId);

        // When
        var routed = RecipientRouter.Route(facts, F.KeyWorkerId, SendDate, Context);

        // Then
        routed.Recipient.ShouldNotBeNull().StaffId.ShouldBe(F.ProviderDeputyLeadId);
        routed.Problems.ShouldBe([new DataProblemLine(F.KeyWorkerId, "Person S-7", "nicht mehr aktiv", Context)]);
    }

    [Fact]
    public void Route_NoEmail_DataProblemAndTeamLead()
    {
        // Given: no deputy, so the team lead
        var facts = Facts().ChangeStaff(F.KeyWorkerId, s => s with { Email = " " });

        // When
        var routed = RecipientRouter.Route(facts, F.KeyWorkerId, SendDate, Context);

        // Then
        routed.Recipient.ShouldNotBeNull().StaffId.ShouldBe(F.ProviderTeamLeadId);
        routed.Problems.ShouldBe([new DataProblemLine(F.KeyWorkerId, "Person S-7", "keine E-Mail-Adresse hinterlegt", Context)]);
    }

    [Fact]
    public void Route_InactiveDeputy_SkippedForTheTeamLead()
    {
        // Given: S-7 absent; the deputy S-3 left
        var facts = Facts()
            .Absent(F.KeyWorkerId, new DateOnly(2026, 6, 1), null).Deputy(F.KeyWorkerId, F.ProviderDeputyLeadId)
            .ChangeStaff(F.ProviderDeputyLeadId, s => s with { Active = false });

        // When
        var routed = RecipientRouter.Route(facts, F.KeyWorkerId, SendDate, Context);

        // Then
        routed.Recipient.ShouldNotBeNull().StaffId.ShouldBe(F.ProviderTeamLeadId);
    }

    [Fact]
    public void Route_Unknown_DataProblemAndNobody()
    {
        // Given
        var facts = Facts();

        // When
        var routed = RecipientRouter.Route(facts, "S-99", SendDate, Context);

        // Then
        routed.Recipient.ShouldBeNull();
        routed.Problems.ShouldBe([new DataProblemLine("S-99", null, "Person unbekannt", Context)]);
    }

    [Fact]
    public void Route_NobodyOnRecord_DataProblemAndNobody()
    {
        // Given
        var facts = Facts();

        // When
        var routed = RecipientRouter.Route(facts, null, SendDate, Context);

        // Then
        routed.Recipient.ShouldBeNull();
        routed.Problems.ShouldHaveSingleItem().Problem.ShouldBe("keine zuständige Person hinterlegt");
    }

    [Fact]
    public void Route_AbsentWithNoReachableSubstitute_DataProblemNotSilentlyDropped()
    {
        // Given: the case manager S-4 away; the Jugendamt team lead S-1 away too, no deputies
        var facts = Facts()
            .Absent(F.CaseManagerId, new DateOnly(2026, 6, 1), null)
            .Absent(F.JugendamtTeamLeadId, new DateOnly(2026, 6, 1), null);

        // When
        var routed = RecipientRouter.Route(facts, F.CaseManagerId, SendDate, Context);

        // Then
        routed.Recipient.ShouldBeNull();
        routed.Problems.ShouldBe([new DataProblemLine(F.CaseManagerId, "Person S-4", "abwesend, keine erreichbare Vertretung", Context)]);
    }
}
