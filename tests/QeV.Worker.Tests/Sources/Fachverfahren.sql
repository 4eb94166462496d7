-- A case database laid out the way a Fachverfahren does it (the example of docs/sources.md): German names, numeric
-- codes, every person in one table with a role code, dates as timestamps.
CREATE SCHEMA fv;

CREATE TABLE fv.einrichtung (
    einrichtung_nr   varchar(20) PRIMARY KEY,
    art_code         smallint NOT NULL,          -- 1 Jugendamt, 2 freier Träger
    bezeichnung      varchar(200) NOT NULL,
    postfach         varchar(200),
    land             char(2));

CREATE TABLE fv.arbeitsgruppe (
    gruppe_nr        varchar(20) PRIMARY KEY,
    einrichtung_nr   varchar(20) NOT NULL REFERENCES fv.einrichtung,
    bezeichnung      varchar(200) NOT NULL,
    leitung_nr       varchar(20),
    vertretung_nr    varchar(20));

CREATE TABLE fv.person (
    person_nr        varchar(20) PRIMARY KEY,
    einrichtung_nr   varchar(20) NOT NULL REFERENCES fv.einrichtung,
    gruppe_nr        varchar(20),
    anzeigename      varchar(200) NOT NULL,
    mail             varchar(200),
    rolle_code       smallint,                   -- 1 Fachkraft, 2 Teamleitung, 3 Personalverwaltung, 4 Leitung
    status_code      smallint NOT NULL,          -- 1 aktiv, 9 ausgeschieden
    vertretung_nr    varchar(20),
    abwesend_ab      timestamp(0),
    abwesend_bis     timestamp(0),
    eintritt         timestamp(0));

CREATE TABLE fv.hilfe (
    hilfe_nr         varchar(20) PRIMARY KEY,
    aktenzeichen     varchar(40) NOT NULL,
    paragraf         smallint,                   -- 29, 30, 31, 35, 41
    beginn           timestamp(0) NOT NULL,
    ende             timestamp(0),
    fallfuehrung_nr  varchar(20) NOT NULL,
    traeger_nr       varchar(20),
    bezugsbetreuung_nr varchar(20),
    clearing_kz      char(1) NOT NULL DEFAULT 'N', -- J/N
    geaendert_am     timestamp(0) NOT NULL DEFAULT now());

CREATE TABLE fv.hilfeplangespraech (
    hpg_nr           varchar(20) PRIMARY KEY,
    hilfe_nr         varchar(20) NOT NULL REFERENCES fv.hilfe,
    art_code         smallint NOT NULL,          -- 10 Erstgespräch, 20 Fortschreibung, 30 Konkretisierung
    termin           timestamp(0) NOT NULL,
    status_code      smallint NOT NULL,          -- 1 geplant, 2 durchgeführt, 3 abgesagt
    plan_versandt_am timestamp(0),
    kostenzusage_am  timestamp(0),
    geaendert_am     timestamp(0) NOT NULL DEFAULT now());

CREATE TABLE fv.eingang (
    eingang_nr       varchar(20) PRIMARY KEY,
    dokument_code    smallint NOT NULL,          -- 1 EB, 2 LB, 3 LBS, 4 AB, 5 NB
    einrichtung_nr   varchar(20) NOT NULL,
    hilfe_nr         varchar(20),
    hpg_nr           varchar(20),
    zeitraum         varchar(40),
    eingegangen_am   timestamp(0) NOT NULL);

CREATE TABLE fv.kontakt (
    kontakt_nr       varchar(20) PRIMARY KEY,
    hilfe_nr         varchar(20) NOT NULL,
    termin           timestamp(0) NOT NULL,
    ergebnis_code    smallint NOT NULL);         -- 1 wahrgenommen, 2 nicht erschienen, 3 kurzfristig abgesagt (Familie),
                                                 -- 4 abgesagt (Familie), 5 abgesagt (Träger), 6 geplant

CREATE TABLE fv.fuehrungszeugnis (
    person_nr        varchar(20) NOT NULL,
    ausgestellt_am   timestamp(0) NOT NULL,
    vorgelegt_am     timestamp(0),
    PRIMARY KEY (person_nr, ausgestellt_am));

CREATE TABLE fv.vereinbarung (
    vereinbarung_nr  varchar(20) PRIMARY KEY,
    traeger_nr       varchar(20) NOT NULL,
    typ_code         smallint NOT NULL,          -- 1 QEV, 2 LEQ
    abgeschlossen_am timestamp(0) NOT NULL,
    gueltig_bis      timestamp(0),
    naechster_dialog timestamp(0));

CREATE TABLE fv.ag78_sitzung (
    sitzung_nr       varchar(20) PRIMARY KEY,
    jugendamt_nr     varchar(20) NOT NULL,
    sitzung_am       timestamp(0) NOT NULL,
    thema            varchar(400));

CREATE TABLE fv.qualifizierung (
    person_nr        varchar(20) NOT NULL,
    datum            timestamp(0) NOT NULL,
    form_code        smallint NOT NULL,          -- 1 Fortbildung, 2 Supervision
    dauer_min        integer NOT NULL,
    PRIMARY KEY (person_nr, datum, form_code));

CREATE TABLE fv.hausbesuch (
    besuch_nr        varchar(20) PRIMARY KEY,
    hilfe_nr         varchar(20) NOT NULL,
    person_nr        varchar(20),
    besuch_am        timestamp(0) NOT NULL);

CREATE TABLE fv.traegergespraech (
    gespraech_nr     varchar(20) PRIMARY KEY,
    traeger_nr       varchar(20) NOT NULL,
    gespraech_am     timestamp(0) NOT NULL,
    thema            varchar(400));
