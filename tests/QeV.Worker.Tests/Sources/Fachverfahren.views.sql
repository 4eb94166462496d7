-- The mapping: one view per entity of the import contract, result columns = CONTRACT.md columns. The worker's login
-- gets SELECT on these views only (docs/sources.md).
CREATE SCHEMA qev;

CREATE VIEW qev.organisations AS
SELECT einrichtung_nr AS organisation_id,
       CASE art_code WHEN 1 THEN 'jugendamt' WHEN 2 THEN 'traeger' END AS kind,
       bezeichnung AS name, postfach AS contact_email, land AS state
FROM fv.einrichtung;

CREATE VIEW qev.teams AS
SELECT gruppe_nr AS team_id, einrichtung_nr AS organisation_id, bezeichnung AS name,
       leitung_nr AS lead_staff_id, vertretung_nr AS deputy_lead_staff_id
FROM fv.arbeitsgruppe;

CREATE VIEW qev.staff AS
SELECT person_nr AS staff_id, einrichtung_nr AS organisation_id, gruppe_nr AS team_id, anzeigename AS display_name,
       mail AS email,
       CASE rolle_code WHEN 1 THEN 'fachkraft' WHEN 2 THEN 'teamleitung' WHEN 3 THEN 'personal' WHEN 4 THEN 'leitung' END AS role,
       status_code = 1 AS active, vertretung_nr AS deputy_staff_id,
       abwesend_ab AS absent_from, abwesend_bis AS absent_until, eintritt AS employed_since
FROM fv.person;

CREATE VIEW qev.cases AS
SELECT hilfe_nr AS case_id, aktenzeichen AS file_reference, paragraf AS hilfeart,
       beginn AS start_date, ende AS end_date, fallfuehrung_nr AS case_manager_staff_id,
       traeger_nr AS provider_organisation_id, bezugsbetreuung_nr AS key_worker_staff_id,
       clearing_kz = 'J' AS clearing
FROM fv.hilfe;

CREATE VIEW qev.meetings AS
SELECT hpg_nr AS meeting_id, hilfe_nr AS case_id,
       CASE art_code WHEN 10 THEN 'initial' WHEN 20 THEN 'fortschreibung' WHEN 30 THEN 'konkretisierung' END AS kind,
       termin::date AS date,
       CASE status_code WHEN 1 THEN 'planned' WHEN 2 THEN 'held' WHEN 3 THEN 'cancelled' END AS status,
       plan_versandt_am::date AS plan_sent_date, kostenzusage_am::date AS cost_approval_date,
       geaendert_am AS changed_at
FROM fv.hilfeplangespraech;

CREATE VIEW qev.reports AS
SELECT eingang_nr AS report_id,
       CASE dokument_code WHEN 1 THEN 'entwicklungsbericht' WHEN 2 THEN 'leistungsbericht'
            WHEN 3 THEN 'leistungsbeschreibung' WHEN 4 THEN 'abschlussbericht' WHEN 5 THEN 'nachweisblatt' END AS kind,
       einrichtung_nr AS organisation_id, hilfe_nr AS case_id, hpg_nr AS meeting_id, zeitraum AS period,
       eingegangen_am::date AS received_date
FROM fv.eingang;

CREATE VIEW qev.appointments AS
SELECT kontakt_nr AS appointment_id, hilfe_nr AS case_id, termin AS date,
       CASE ergebnis_code WHEN 1 THEN 'attended' WHEN 2 THEN 'no_show' WHEN 3 THEN 'cancelled_by_client_short_notice'
            WHEN 4 THEN 'cancelled_by_client' WHEN 5 THEN 'cancelled_by_provider' WHEN 6 THEN 'planned' END AS outcome
FROM fv.kontakt;

CREATE VIEW qev.fuehrungszeugnisse AS
SELECT person_nr AS staff_id, ausgestellt_am AS issued_date, vorgelegt_am AS presented_date
FROM fv.fuehrungszeugnis;

CREATE VIEW qev.agreements AS
SELECT vereinbarung_nr AS agreement_id, traeger_nr AS provider_organisation_id,
       CASE typ_code WHEN 1 THEN 'qev' WHEN 2 THEN 'leq' END AS kind,
       abgeschlossen_am AS concluded_date, gueltig_bis AS valid_until, naechster_dialog AS next_dialogue_date
FROM fv.vereinbarung;

CREATE VIEW qev.ag78_sessions AS
SELECT sitzung_nr AS session_id, jugendamt_nr AS organisation_id, sitzung_am AS date, thema AS topic
FROM fv.ag78_sitzung;

CREATE VIEW qev.trainings AS
SELECT person_nr AS staff_id, datum AS date,
       CASE form_code WHEN 1 THEN 'fortbildung' WHEN 2 THEN 'supervision' END AS kind, dauer_min AS minutes
FROM fv.qualifizierung;

CREATE VIEW qev.home_visits AS
SELECT besuch_nr AS visit_id, hilfe_nr AS case_id, person_nr AS staff_id, besuch_am AS date
FROM fv.hausbesuch;

CREATE VIEW qev.provider_dialogues AS
SELECT gespraech_nr AS dialogue_id, traeger_nr AS provider_organisation_id, gespraech_am AS date, thema AS topic
FROM fv.traegergespraech;
