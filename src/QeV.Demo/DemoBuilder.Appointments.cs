using QeV.Domain.Facts;

namespace QeV.Demo;

/// <summary>The cases' weekly appointments, with the F06 runs of the examples.</summary>
internal sealed partial class DemoBuilder
{
    // Appointment runs relative to today (days, outcome). Earlier weeks of these cases are all attended.
    private static readonly (int Offset, AppointmentOutcome Outcome)[] RunThirdToday =
    [
        (-14, AppointmentOutcome.NoShow), (-7, AppointmentOutcome.CancelledByClientShortNotice),
        (0, AppointmentOutcome.NoShow), (7, AppointmentOutcome.Planned),
    ];

    private static readonly (int Offset, AppointmentOutcome Outcome)[] RunThirdThreeWeeksAgo =
    [
        (-35, AppointmentOutcome.NoShow), (-28, AppointmentOutcome.NoShow), (-21, AppointmentOutcome.NoShow),
        (-14, AppointmentOutcome.Attended), (-7, AppointmentOutcome.Attended), (7, AppointmentOutcome.Planned),
    ];

    // A fourth miss continues the same run: still one instance, due on the third.
    private static readonly (int Offset, AppointmentOutcome Outcome)[] RunOfFourEndingLastWeek =
    [
        (-12, AppointmentOutcome.CancelledByClientShortNotice), (-9, AppointmentOutcome.NoShow),
        (-5, AppointmentOutcome.NoShow), (-2, AppointmentOutcome.NoShow), (5, AppointmentOutcome.Planned),
    ];

    // The third is a short-notice cancellation the family already phoned in for tomorrow.
    private static readonly (int Offset, AppointmentOutcome Outcome)[] RunThirdTomorrow =
    [
        (-13, AppointmentOutcome.Attended), (-8, AppointmentOutcome.NoShow), (-1, AppointmentOutcome.NoShow),
        (1, AppointmentOutcome.CancelledByClientShortNotice), (8, AppointmentOutcome.Planned),
    ];

    private static readonly (int Offset, AppointmentOutcome Outcome)[] RunBrokenByAttended =
    [
        (-21, AppointmentOutcome.NoShow), (-14, AppointmentOutcome.NoShow), (-7, AppointmentOutcome.Attended),
        (-3, AppointmentOutcome.NoShow), (4, AppointmentOutcome.Planned),
    ];

    // cancelled_by_provider, an unrecorded "planned" and cancelled_by_client neither count nor end the run.
    private static readonly (int Offset, AppointmentOutcome Outcome)[] RunInterrupted =
    [
        (-24, AppointmentOutcome.NoShow), (-21, AppointmentOutcome.CancelledByProvider), (-17, AppointmentOutcome.NoShow),
        (-14, AppointmentOutcome.Planned), (-10, AppointmentOutcome.CancelledByClient),
        (-7, AppointmentOutcome.CancelledByClientShortNotice), (-3, AppointmentOutcome.Attended), (4, AppointmentOutcome.Planned),
    ];

    private static (int Offset, AppointmentOutcome Outcome)[]? AppointmentRunOf(Scenario scenario) => scenario switch
    {
        Scenario.F06ThirdToday => RunThirdToday,
        Scenario.F06ThirdThreeWeeksAgo => RunThirdThreeWeeksAgo,
        Scenario.F06RunOfFour => RunOfFourEndingLastWeek,
        Scenario.F06ThirdTomorrow => RunThirdTomorrow,
        Scenario.F06BrokenByAttended => RunBrokenByAttended,
        Scenario.F06Interrupted => RunInterrupted,
        _ => null,
    };

    /// <summary>Weekly on a fixed weekday for the last ten weeks and the next one; the examples follow their runs.</summary>
    private void BuildAppointments(CaseInfo c)
    {
        if (AppointmentRunOf(c.Scenario) is { } run)
        {
            for (var offset = -70; offset <= run[0].Offset - 5; offset += 7)
            {
                if (_today.AddDays(offset) >= c.Start)
                {
                    AddAppointment(c, _today.AddDays(offset), AppointmentOutcome.Attended);
                }
            }

            foreach (var (offset, outcome) in run)
            {
                AddAppointment(c, _today.AddDays(offset), outcome);
            }

            return;
        }

        var limit = c.End ?? DateOnly.MaxValue;
        var weekday = Between(0, 4);
        var monday = _today.AddDays(-(((int)_today.DayOfWeek + 6) % 7));
        for (var week = -10; week <= 1; week++)
        {
            var date = monday.AddDays((7 * week) + weekday);
            if (date < c.Start || date > limit || !IsBusinessDay(date))
            {
                continue;
            }

            AddAppointment(c, date, date >= _today ? AppointmentOutcome.Planned : RandomOutcome());
        }
    }

    private AppointmentOutcome RandomOutcome()
    {
        var roll = _rng.NextDouble();
        return roll switch
        {
            < 0.84 => AppointmentOutcome.Attended,
            < 0.89 => AppointmentOutcome.CancelledByClient,
            < 0.93 => AppointmentOutcome.CancelledByProvider,
            < 0.97 => AppointmentOutcome.NoShow,
            < 0.99 => AppointmentOutcome.CancelledByClientShortNotice,
            _ => AppointmentOutcome.Planned, // not yet recorded
        };
    }

    private void AddAppointment(CaseInfo c, DateOnly date, AppointmentOutcome outcome) =>
        _tables["appointments"].Add(
            ("appointment_id", NextRowId("A-", ref _appointmentNo)), ("case_id", c.Id), ("date", date),
            ("outcome", Codes.Of(outcome)));
}
