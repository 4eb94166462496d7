using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules.Boundaries;

/// <summary>
/// F12, seed 000 (Anlage, line 261): "Für jede Fachkraft/ jede*n Mitarbeiter*in liegt ein erweitertes Führungszeugnis
/// vor." A person with no certificate and no employed_since is a data gap and gets an instance key of its own
/// (…/ohne-datum); with either of the two on record it is an ordinary instance.
/// </summary>
public sealed class F12InstanceKeyTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 2);

    [Fact]
    public void Evaluate_NoCertificateAndNoEmployedSince_OwnInstanceKeyDueAtOnce()
    {
        // Given
        var facts = new FactsBuilder();

        // When
        var deadline = KeyWorker(facts);

        // Then
        deadline.InstanceKey.ShouldBe("F12/S-7/ohne-datum");
        deadline.DueDate.ShouldBe(AsOf);
    }

    [Fact]
    public void Evaluate_CertificateButNoEmployedSince_OrdinaryInstance()
    {
        // Given: issued Tuesday 10.06.2025; 5 years later is Monday 10.06.2030, Pfingstmontag (Easter 21.04.2030 + 50 days),
        // so it falls due on the business day before, Friday 07.06.2030
        var facts = new FactsBuilder().WithCertificate(FactsBuilder.KeyWorkerId, new DateOnly(2025, 6, 10));

        // When
        var deadline = KeyWorker(facts);

        // Then
        deadline.InstanceKey.ShouldBeNull();
        deadline.DueDate.ShouldBe(new DateOnly(2030, 6, 7));
    }

    [Fact]
    public void Evaluate_EmployedSinceButNoCertificate_OrdinaryInstanceDueFromThatDay()
    {
        // Given
        var facts = new FactsBuilder().WithEmployedSince(FactsBuilder.KeyWorkerId, new DateOnly(2026, 7, 1));

        // When
        var deadline = KeyWorker(facts);

        // Then
        deadline.InstanceKey.ShouldBeNull();
        deadline.DueDate.ShouldBe(new DateOnly(2026, 7, 1));
    }

    private static Deadline KeyWorker(FactsBuilder facts) =>
        Evaluate(new F12FuehrungszeugnisRule(), facts, "magdeburg", AsOf)
            .Where(d => d.SubjectId == FactsBuilder.KeyWorkerId).ToList().ShouldHaveSingleItem();
}
