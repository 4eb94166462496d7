namespace QeV.Domain.Facts;

// Enum names map to the contract's codes by snake_case (NoShow <-> no_show), see Codes.
public enum OrganisationKind { Jugendamt, Traeger }

public enum StaffRole { Fachkraft, Teamleitung, Personal, Leitung }

public enum MeetingKind { Initial, Fortschreibung, Konkretisierung }

public enum MeetingStatus { Planned, Held, Cancelled }

public enum ReportKind { Entwicklungsbericht, Leistungsbericht, Leistungsbeschreibung, Abschlussbericht, Nachweisblatt, Zielueberpruefung, Clearingbericht }

public enum AppointmentOutcome { Attended, NoShow, CancelledByClientShortNotice, CancelledByClient, CancelledByProvider, Planned }

public enum AgreementKind { Qev, Leq }

public enum TrainingKind { Fortbildung, Supervision }
