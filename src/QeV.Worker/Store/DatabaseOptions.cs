using System.ComponentModel.DataAnnotations;
using QeV.Worker.Settings;

namespace QeV.Worker.Store;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>A SQLite file path (the embedded default) a PostgreSQL connection string with "Host=", or a SQL Server one with "Server=".</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = Allowed.Present + " Eine SQLite-Datei wie ./data/qev.db oder Host=…;Database=… oder Server=…;Database=…")]
    [ConnectionString]
    public string ConnectionString { get; set; } = "./data/qev.db";
}
