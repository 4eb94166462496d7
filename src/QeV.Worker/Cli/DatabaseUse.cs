namespace QeV.Worker.Cli;

/// <summary>What a command may do with the database before its body runs.</summary>
public enum DatabaseUse
{
    /// <summary>Needs no database (rules, doctor checks it itself).</summary>
    None,

    /// <summary>Reads only: the database must exist; nothing (no file, no folder) is created. Pending migrations are applied.</summary>
    Existing,

    /// <summary>Writes: a missing SQLite file is created with its folder, then migrated.</summary>
    CreateOrMigrate,
}
