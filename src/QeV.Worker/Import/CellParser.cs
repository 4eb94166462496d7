using System.Globalization;
using System.Net.Mail;
using QeV.Domain.Calendar;
using QeV.Domain.Tables;

namespace QeV.Worker.Import;

/// <summary>Turns one CSV cell into a typed value, or says in German why it cannot.</summary>
public static class CellParser
{
    public static bool TryParse(ColumnSpec column, string? raw, out object? value, out string? error)
    {
        value = null;
        error = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            value = column.DefaultValue;
            if (column.Required)
            {
                error = "Pflichtfeld ist leer.";
            }

            return error is null;
        }

        // Free text is kept exactly as given; identifiers, codes and dates are compared without surrounding blanks.
        var trimmed = raw.Trim();
        switch (column.Kind)
        {
            case ColumnKind.Text:
                value = raw;
                return true;
            case ColumnKind.Id:
                value = trimmed;
                return true;
            case ColumnKind.Date:
                if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    value = date;
                    return true;
                }

                error = $"„{raw}“ ist kein gültiges Datum (erwartet JJJJ-MM-TT, z. B. 2026-12-04).";
                return false;
            case ColumnKind.Code:
                var code = column.AllowedCodes.FirstOrDefault(c => string.Equals(c, trimmed, StringComparison.OrdinalIgnoreCase));
                value = code;
                error = code is null ? $"unbekannter Wert „{raw}“; erlaubt: {string.Join(", ", column.AllowedCodes)}." : null;
                return code is not null;
            case ColumnKind.Bool:
                return ParseBool(raw, trimmed, out value, out error);
            case ColumnKind.Number:
                if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    value = number;
                    return true;
                }

                error = $"„{raw}“ ist keine ganze Zahl ≥ 0.";
                return false;
            case ColumnKind.Email:
                value = trimmed;
                error = IsEmail(trimmed) ? null : $"„{raw}“ ist keine gültige E-Mail-Adresse.";
                return error is null;
            case ColumnKind.State:
                if (BundeslandCodes.TryParse(trimmed, out var state))
                {
                    value = state.ToString();
                    return true;
                }

                error = $"„{raw}“ ist kein Bundesland-Kürzel (z. B. ST, RP, NW).";
                return false;
            default:
                throw new InvalidOperationException($"Spaltentyp {column.Kind} ohne Parser.");
        }
    }

    private static bool ParseBool(string raw, string trimmed, out object? value, out string? error)
    {
        value = trimmed.ToUpperInvariant() switch
        {
            "TRUE" or "1" or "JA" => true,
            "FALSE" or "0" or "NEIN" => false,
            _ => null,
        };
        error = value is null ? $"„{raw}“ ist kein Wahrheitswert (erwartet true oder false)." : null;
        return value is not null;
    }

    public static bool IsEmail(string value) =>
        !value.Any(char.IsWhiteSpace)
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.StartsWith('.')
        && !address.Host.EndsWith('.');
}
