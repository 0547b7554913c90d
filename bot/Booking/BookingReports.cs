using ChatAssistant.Staff;
using System.Globalization;
using System.Text;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Identity;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Booking;

/// <summary>One slot of the staff calendar with who sits in it.</summary>
public sealed record CalendarSlot(DateTimeOffset Start, DateTimeOffset End, int Places, int Taken, IReadOnlyList<CalendarBooking> Bookings);

/// <summary>
/// A booking as staff see it (names only for staff, never in logs). <paramref name="Attendance"/> is
/// <see cref="AttendanceNames"/>' name; <paramref name="AttendanceBy"/> says how it was recorded (door-screen,
/// printed-code, staff:…).
/// </summary>
public sealed record CalendarBooking(int Id, int Place, string MemberId, string? Name, string Attendance, DateTimeOffset? CheckedInAt, string? AttendanceBy);

/// <summary>A delegate under the yearly requirement; <paramref name="SelfReported"/> duties wait for staff to confirm them (not counted as attended).</summary>
public sealed record ComplianceRow(string MemberId, string Name, string District, int Attended, int Upcoming, int Missing, int SelfReported);

/// <summary>A self-reported check-in (the printed door code) waiting for staff, in Beijing time.</summary>
public sealed record SelfReportedRow(int BookingId, int StudioId, string MemberId, string? Name, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset? CheckedInAt);

/// <summary>What staff read: the slot calendar, the quarterly rota (CSV) and the compliance report.</summary>
public sealed class BookingReports(IBookingStore bookings, SlotCalendar calendar, IdentityService identity, AssistantClock clock, IOptions<BookingOptions> options)
{
    /// <summary>Every slot of a studio on the given days, with its bookings.</summary>
    public IReadOnlyList<CalendarSlot> Calendar(Studio studio, DateOnly from, DateOnly to)
    {
        var taken = bookings.OfStudio(studio.Id, clock.FromWallClock(from.ToDateTime(TimeOnly.MinValue)), clock.FromWallClock(to.AddDays(1).ToDateTime(TimeOnly.MinValue)))
            .ToLookup(b => b.Start);
        // Bookings stay visible even if staff later changed the pattern and the slot no longer exists.
        var starts = calendar.Slots(studio, from, to).Select(s => (s.Start, s.End))
            .Concat(taken.Select(g => (g.Key, g.First().End))).Distinct().OrderBy(s => s.Item1);
        return starts.Select(s => new CalendarSlot(s.Item1, s.Item2, studio.PlacesPerSlot, taken[s.Item1].Count(),
            taken[s.Item1].Select(b => new CalendarBooking(b.Id, b.Place, b.MemberId, identity.FindByMemberId(RosterKind.Delegate, b.MemberId)?.Name,
                AttendanceNames.Of(b.Attendance), b.CheckedInAt is { } at ? clock.ToLocal(at) : null, b.AttendanceBy)).ToList())).ToList();
    }

    /// <summary>The rota of one quarter as CSV (UTF-8 with BOM so Excel shows the Chinese): one row per booked place, one per empty slot.</summary>
    public byte[] RotaCsv(Studio studio, int year, int quarter)
    {
        var from = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        var slots = Calendar(studio, from, from.AddMonths(3).AddDays(-1));
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
        {
            foreach (var header in new[] { "日期", "星期", "开始", "结束", "工作室", "名额", "团代表编号", "姓名", "出勤" }) csv.WriteField(header);
            csv.NextRecord();
            foreach (var slot in slots)
            {
                var rows = slot.Bookings.Select(b => (Place: b.Place.ToString(CultureInfo.InvariantCulture), b.MemberId, b.Name ?? "", Status: AttendanceNames.Chinese(b.Attendance))).ToList();
                if (slot.Taken < slot.Places) rows.Add(("", "", "", $"空缺 {slot.Places - slot.Taken}"));
                foreach (var row in rows)
                {
                    var local = clock.ToLocal(slot.Start);
                    csv.WriteField(local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    csv.WriteField(AssistantClock.WeekdayName(local.DayOfWeek));
                    csv.WriteField(local.ToString("HH:mm", CultureInfo.InvariantCulture));
                    csv.WriteField(clock.ToLocal(slot.End).ToString("HH:mm", CultureInfo.InvariantCulture));
                    csv.WriteField(studio.Name);
                    csv.WriteField(row.Place);
                    csv.WriteField(row.MemberId);
                    csv.WriteField(row.Item3);
                    csv.WriteField(row.Status);
                    csv.NextRecord();
                }
            }
        }
        return stream.ToArray();
    }

    /// <summary>Delegates (of the districts within <paramref name="scope"/>) who have attended fewer duties this year than required.</summary>
    public IReadOnlyList<ComplianceRow> Compliance(int year, StaffScope scope)
    {
        var required = options.Value.RequiredDutiesPerYear;
        var now = clock.Now;
        var rows = new List<ComplianceRow>();
        foreach (var member in identity.Members(RosterKind.Delegate, scope))
        {
            var mine = bookings.OfMember(member.MemberId);
            var thisYear = mine.Where(b => clock.ToLocal(b.Start).Year == year).ToList();
            var attended = thisYear.Count(b => b.Attendance == Attendance.Attended);
            if (attended >= required) continue;
            rows.Add(new ComplianceRow(member.MemberId, member.Name, member.District, attended, thisYear.Count(b => b.End > now), required - attended,
                thisYear.Count(b => b.Attendance == Attendance.SelfReported)));
        }
        return rows;
    }

    /// <summary>Check-ins with the printed door code in the given studios that staff have not confirmed yet, oldest first.</summary>
    public IReadOnlyList<SelfReportedRow> SelfReported(IEnumerable<Studio> studios) =>
        studios.SelectMany(s => bookings.OfStudio(s.Id, DateTimeOffset.MinValue, DateTimeOffset.MaxValue))
            .Where(b => b.Attendance == Attendance.SelfReported)
            .OrderBy(b => b.Start).ThenBy(b => b.StudioId)
            .Select(b => new SelfReportedRow(b.Id, b.StudioId, b.MemberId, identity.FindByMemberId(RosterKind.Delegate, b.MemberId)?.Name,
                clock.ToLocal(b.Start), clock.ToLocal(b.End), b.CheckedInAt is { } at ? clock.ToLocal(at) : null))
            .ToList();
}
