using Dapper;
using Microsoft.Extensions.Logging;

namespace QeV.Worker.Store.Migrations;

/// <summary>Brings the schema up to date: each migration once, in order, in its own transaction, recorded.</summary>
public sealed class Migrator(Database database, ILogger<Migrator> logger)
{
    private const string CreateHistory = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version {int} PRIMARY KEY,
            name {text} NOT NULL,
            applied_at {timestamp} NOT NULL)
        """;

    public async Task<int> MigrateAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var dialect = database.Dialect;
        var applied = 0;

        foreach (var migration in MigrationCatalog.All)
        {
            await using var tx = await dialect.BeginWriteAsync(connection, ct);
            await dialect.LockForMigrationAsync(connection, tx, ct);
            await connection.ExecuteAsync(new CommandDefinition(dialect.Ddl(CreateHistory), transaction: tx, cancellationToken: ct));

            var done = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM schema_migrations WHERE version = @version",
                new { version = migration.Version }, tx, cancellationToken: ct));
            if (done > 0)
            {
                await tx.CommitAsync(ct);
                continue;
            }

            if (!string.IsNullOrWhiteSpace(migration.Sql))
            {
                await connection.ExecuteAsync(new CommandDefinition(dialect.Ddl(migration.Sql), transaction: tx, cancellationToken: ct));
            }

            foreach (var statement in migration.DialectSql?.Invoke(dialect) ?? [])
            {
                await connection.ExecuteAsync(new CommandDefinition(statement, transaction: tx, cancellationToken: ct));
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @now)",
                new { version = migration.Version, name = migration.Name, now = dialect.Instant(now) }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            applied++;
            logger.LogInformation("Migration {Version} ({Name}) angewendet", migration.Version, migration.Name);
        }

        return applied;
    }
}
