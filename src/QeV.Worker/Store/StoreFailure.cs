using Microsoft.Data.Sqlite;
using Npgsql;

namespace QeV.Worker.Store;

/// <summary>A database failure as one German line, or null when the exception is not one.</summary>
public static class StoreFailure
{
    public static string? Describe(Exception ex) => ex switch
    {
        StoreUnavailableException => "Datenbank nicht nutzbar: " + ex.Message,
        SqliteException s => $"Datenbank nicht nutzbar ({s.SqliteErrorCode}): {s.Message.Split('\n')[0]}",
        NpgsqlException => "PostgreSQL nicht erreichbar oder abgelehnt: " + ex.Message.Split('\n')[0],
        Microsoft.Data.SqlClient.SqlException => "SQL Server nicht erreichbar oder abgelehnt: " + ex.Message.Split('\n')[0],
        InvalidOperationException { InnerException: SqliteException or NpgsqlException or Microsoft.Data.SqlClient.SqlException } => Describe(ex.InnerException!),
        _ => null,
    };
}
