using Microsoft.Extensions.Options;
using Npgsql;
using QeV.Worker.Office;
using QeV.Worker.Sources;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Sources;

/// <summary>A source connection cannot write: PostgreSQL refuses it in the session and in the transaction.</summary>
public sealed class SourceReadOnlyTests
{
    private static async Task<Fachverfahren> SmallFachverfahrenAsync() =>
        await Fachverfahren.DemoAsync(5);

    [Fact]
    public async Task OpenReadOnly_InsertThroughTheSession_FailsWithReadOnlyTransaction()
    {
        // Given
        using var fachverfahren = await SmallFachverfahrenAsync();
        var before = await fachverfahren.CountAsync("fv.hilfe");
        await using var session = await new PostgresSourceProvider().OpenReadOnlyAsync(
            new SourceConnectionOptions { Provider = "postgres", ConnectionString = fachverfahren.ConnectionString }, CancellationToken.None);

        // When
        await using var insert = session.Command("INSERT INTO fv.hilfe (hilfe_nr, aktenzeichen, beginn, fallfuehrung_nr) VALUES ('X', 'X', now(), 'S')", TimeSpan.FromSeconds(10));
        var ex = await Should.ThrowAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());

        // Then
        ex.SqlState.ShouldBe(PostgresErrorCodes.ReadOnlySqlTransaction);
        await session.DisposeAsync();
        (await fachverfahren.CountAsync("fv.hilfe")).ShouldBe(before);
    }

    [Fact]
    public async Task ReadOnlyConnectionString_WriteOutsideAnyTransaction_FailsAsWell()
    {
        // Given: the session setting alone, without the read-only transaction (as after a COMMIT inside a query)
        using var fachverfahren = await SmallFachverfahrenAsync();
        var builder = PostgresSourceProvider.ReadOnlyConnectionString(fachverfahren.ConnectionString);
        await using var connection = new NpgsqlConnection(builder);
        await connection.OpenAsync();

        // When
        await using var show = new NpgsqlCommand("SHOW default_transaction_read_only", connection);
        var setting = (string?)await show.ExecuteScalarAsync();
        await using var delete = new NpgsqlCommand("DELETE FROM fv.kontakt", connection);
        var ex = await Should.ThrowAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());

        // Then
        setting.ShouldBe("on");
        ex.SqlState.ShouldBe(PostgresErrorCodes.ReadOnlySqlTransaction);
        (await fachverfahren.CountAsync("fv.kontakt")).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task ReadAsync_QueryThatDeletesInACte_FailsAndTheRowsStay()
    {
        // Given: a mapping that would delete what it reads
        using var fachverfahren = await SmallFachverfahrenAsync();
        var before = await fachverfahren.CountAsync("fv.kontakt");
        var options = new SourcesOptions();
        options.Connections["fv"] = new SourceConnectionOptions { Provider = "postgres", ConnectionString = fachverfahren.ConnectionString };
        options.Queries["appointments"] = new SourceQueryOptions
        {
            Sql = "WITH gone AS (DELETE FROM fv.kontakt RETURNING *) SELECT kontakt_nr AS appointment_id FROM gone",
        };
        var source = new SqlFactSource(Options.Create(options), SourceTestParts.Clock());

        // When
        var ex = await Should.ThrowAsync<PostgresException>(async () =>
        {
            await foreach (var _ in source.ReadAsync("appointments", new SourceWindow(new DateOnly(2026, 11, 23), null), CancellationToken.None))
            {
            }
        });

        // Then
        ex.SqlState.ShouldBe(PostgresErrorCodes.ReadOnlySqlTransaction);
        (await fachverfahren.CountAsync("fv.kontakt")).ShouldBe(before);
    }
}
