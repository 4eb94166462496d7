using QeV.Domain.Facts;

namespace QeV.Demo;

/// <summary>The staff: new people with unique names, the realistic data problems, deputies, and the teams and staff tables.</summary>
internal sealed partial class DemoBuilder
{
    private Person NewPerson(string organisationId, string domain, string? teamId, StaffRole role)
    {
        string first, surname;
        do
        {
            first = Pick(DemoNames.FirstNames);
            surname = Pick(DemoNames.Surnames);
        }
        while (!_usedNames.Add(first + " " + surname));

        var person = new Person
        {
            Id = "S-" + (_staff.Count + 1).ToString("D3", Invariant),
            OrganisationId = organisationId,
            TeamId = teamId,
            DisplayName = first + " " + surname,
            Email = DemoNames.EmailLocalPart(first, surname) + "@" + domain,
            Role = role,
        };
        _staff.Add(person);
        return person;
    }

    /// <summary>The realistic gaps: an inactive key worker, no e-mail, two absences, two hires without certificate.</summary>
    private void MarkDataProblems()
    {
        var (elbe, boerde, sudenburg, domplatz) = (_providers[0], _providers[1], _providers[2], _providers[3]);

        _inactiveKeyWorker = Ordinary(elbe.Teams[1]);
        _inactiveKeyWorker.Active = false;

        Ordinary(boerde.Teams[0]).Email = null;

        foreach (var absent in new[] { Ordinary(sudenburg.Teams[0]), Ordinary(Jugendamt.Teams[1]) })
        {
            absent.AbsentFrom = _today.AddDays(-Between(2, 5));
            absent.AbsentUntil = _today.AddDays(Between(12, 16));
        }

        var hiredToday = Ordinary(elbe.Teams[0]);
        hiredToday.EmployedSince = _today;
        hiredToday.WithoutCertificate = true;

        var hiredRecently = Ordinary(domplatz.Teams[0]);
        hiredRecently.EmployedSince = _today.AddDays(-Between(20, 60));
        hiredRecently.WithoutCertificate = true;
    }

    /// <summary>A Fachkraft of the team who is not its deputy lead and not yet picked for another example.</summary>
    private Person Ordinary(TeamInfo team)
    {
        var person = Pick(team.Fachkraefte.Where(p => p != team.DeputyLead && !p.Special).ToList());
        person.Special = true;
        return person;
    }

    /// <summary>Everyone has a deputy in the same team; leitung → first team lead, HR → leitung.</summary>
    private void AssignDeputies()
    {
        foreach (var org in _providers.Prepend(Jugendamt))
        {
            foreach (var team in org.Teams)
            {
                team.Lead.DeputyId = team.DeputyLead.Id;
                var ring = team.Fachkraefte.Where(p => p.Active && !p.WithoutCertificate).ToList();
                for (var i = 0; i < ring.Count; i++)
                {
                    ring[i].DeputyId = ring[(i + 1) % ring.Count].Id;
                }

                foreach (var person in team.Fachkraefte.Where(p => p.DeputyId is null))
                {
                    person.DeputyId = ring[0].Id;
                }
            }

            org.Leitung.DeputyId = org.Teams[0].Lead.Id;
            if (org.Personal is { } personal)
            {
                personal.DeputyId = org.Leitung.Id;
            }
        }
    }

    private void WriteTeamsAndStaff()
    {
        foreach (var org in _providers.Prepend(Jugendamt))
        {
            foreach (var team in org.Teams)
            {
                _tables["teams"].Add(
                    ("team_id", team.Id), ("organisation_id", org.Id), ("name", team.Name),
                    ("lead_staff_id", team.Lead.Id), ("deputy_lead_staff_id", team.DeputyLead.Id));
            }
        }

        foreach (var person in _staff)
        {
            _tables["staff"].Add(
                ("staff_id", person.Id), ("organisation_id", person.OrganisationId), ("team_id", person.TeamId),
                ("display_name", person.DisplayName), ("email", person.Email), ("role", Codes.Of(person.Role)),
                ("active", person.Active), ("deputy_staff_id", person.DeputyId), ("absent_from", person.AbsentFrom),
                ("absent_until", person.AbsentUntil), ("employed_since", person.EmployedSince));
        }
    }
}
