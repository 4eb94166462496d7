using System.Data.Common;

namespace QeV.Worker.Sources;

/// <summary>A source connection in its read-only transaction. Nothing is ever committed: dispose rolls back.</summary>
public sealed class SourceSession(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    public DbCommand Command(string sql, TimeSpan timeout)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        command.CommandTimeout = (int)Math.Ceiling(timeout.TotalSeconds);
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Connection.State == System.Data.ConnectionState.Open)
            {
                await Transaction.RollbackAsync();
            }
        }
        catch (DbException)
        {
            // A broken connection has no transaction left to roll back.
        }
        finally
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }
}
