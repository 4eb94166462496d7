using System.ComponentModel.DataAnnotations;

namespace QeV.Worker.Store;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>A SQLite file path (the embedded default) a PostgreSQL connection string with "Host=", or a SQL Server one with "Server=".</summary>
    [Required(ErrorMessage = "Database:ConnectionString fehlt.")]
    public string ConnectionString { get; set; } = "./data/qev.db";
}
