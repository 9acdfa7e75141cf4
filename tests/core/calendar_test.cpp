#include "sim/core/calendar.hpp"

#include <gtest/gtest.h>

#include "sim/input/read_calendars.hpp"
#include "sim/report/periods.hpp"
#include "support/scenario_builder.hpp"

namespace kpsim::core {
namespace {

using test::date;

// The office calendar of the shipped scenarios: Mon–Fri plus the official
// holiday and 调休 table.
Calendar office_calendar(Date origin) {
  model::CalendarSpec spec;
  model::Diagnostics diag;
  input::read_holiday_file(KPSIM_SOURCE_DIR "/scenarios/calendars/cn-holidays.yaml", spec, diag);
  EXPECT_FALSE(diag.has_errors());
  return make_calendar(spec.pattern, origin, 3 * 365);
}

// Day a task of `work` working days starting on `start` finishes (inclusive).
Date finish_date(const Calendar& c, Date origin, Date start, double work) {
  const double s = c.next_working(start - origin);
  return origin + report::finish_day(s, c.finish(s, work));
}

TEST(Calendar, WorkingDaysSkipSpringFestivalAndCountAdjustedSaturday) {
  const Date origin = date("2026-01-01");
  const Calendar c = office_calendar(origin);
  // 2026: off Feb 15–23; Saturday Feb 14 and Saturday Feb 28 are working days.
  EXPECT_TRUE(c.is_working_day(date("2026-02-14") - origin));
  EXPECT_FALSE(c.is_working_day(date("2026-02-16") - origin));
  EXPECT_TRUE(c.is_working_day(date("2026-02-28") - origin));
  EXPECT_FALSE(c.is_working_day(date("2026-03-01") - origin));
  // Fri Feb 13, Sat Feb 14 (调休), then nothing until Tue Feb 24.
  EXPECT_EQ(finish_date(c, origin, date("2026-02-13"), 3).iso(), "2026-02-24");
  // New Year: Jan 1–3 off, Sunday Jan 4 works.
  EXPECT_EQ(origin + static_cast<std::int32_t>(c.next_working(0)), date("2026-01-04"));
}

TEST(Calendar, WorkingDaysSkipNationalDayAndCountAdjustedSunday) {
  const Date origin = date("2025-09-01");
  const Calendar c = office_calendar(origin);
  // 2025: off Oct 1–8; Sunday Sep 28 and Saturday Oct 11 are working days.
  EXPECT_EQ(finish_date(c, origin, date("2025-09-26"), 2).iso(), "2025-09-28");
  EXPECT_EQ(finish_date(c, origin, date("2025-09-29"), 3).iso(), "2025-10-09");
  // October 2025: 23 weekdays − 6 holiday weekdays + 1 adjusted Saturday.
  const double oct = c.work_before(date("2025-11-01") - origin) - c.work_before(date("2025-10-01") - origin);
  EXPECT_EQ(oct, 18.0);
}

TEST(Calendar, WinterStopSuspendsWorkUntilSpring) {
  WorkPattern p;
  p.weekday_works.fill(true);
  p.yearly_stops.push_back({11, 15, 3, 15});
  const Date origin = date("2026-01-01");
  const Calendar c = make_calendar(p, origin, 3 * 365);
  EXPECT_FALSE(c.is_working_day(date("2026-03-15") - origin));
  EXPECT_TRUE(c.is_working_day(date("2026-03-16") - origin));
  // Nov 5–14 is 10 days; the other 10 run Mar 16–25 of the next year.
  EXPECT_EQ(finish_date(c, origin, date("2026-11-05"), 20).iso(), "2027-03-25");
  // A task ready during the stop starts when it ends.
  EXPECT_EQ(origin + static_cast<std::int32_t>(c.next_working(date("2026-12-01") - origin)), date("2027-03-16"));
}

TEST(Calendar, FinishDatesAreInclusiveLikeProjectSoftware) {
  WorkPattern p;  // Mon–Fri
  const Date origin = date("2026-03-02");  // a Monday
  const Calendar c = make_calendar(p, origin, 400);
  EXPECT_EQ(finish_date(c, origin, origin, 1).iso(), "2026-03-02");
  EXPECT_EQ(finish_date(c, origin, origin, 5).iso(), "2026-03-06");
  EXPECT_EQ(finish_date(c, origin, origin, 6).iso(), "2026-03-09");
  EXPECT_EQ(finish_date(c, origin, origin, 0.5).iso(), "2026-03-02");
  EXPECT_DOUBLE_EQ(c.finish(0, 0.5), 0.5);  // fractions interpolate inside a working day
  EXPECT_EQ(finish_date(c, origin, origin, 0).iso(), "2026-03-02");
}

TEST(Calendar, StartAndEndInvertWorkBefore) {
  WorkPattern p;
  p.yearly_stops.push_back({7, 1, 7, 31});
  const Calendar c = make_calendar(p, date("2026-01-01"), 800);
  for (double w = 0.25; w < 2000; w += 7.75) {
    EXPECT_NEAR(c.work_before(c.start_at(w)), w, 1e-9);
    EXPECT_NEAR(c.work_before(c.end_at(w)), w, 1e-9);
    EXPECT_LE(c.end_at(w), c.start_at(w));
  }
  // Thu Jan 1 and Fri Jan 2 work: two working days end Friday night, while
  // work after them starts Monday morning.
  EXPECT_DOUBLE_EQ(c.end_at(2), 2.0);
  EXPECT_DOUBLE_EQ(c.start_at(2), 4.0);
}

TEST(Calendar, BeyondTheTableTheLastYearRepeats) {
  WorkPattern p;
  const Calendar c = make_calendar(p, date("2026-01-05"), 364);  // 52 whole weeks
  EXPECT_EQ(c.work_before(364), 260.0);
  EXPECT_EQ(c.work_before(364 * 3), 780.0);
  EXPECT_DOUBLE_EQ(c.finish(0, 520), 364.0 * 2 - 2);  // ends Friday night of week 104
}

// A site working every day, its winter (11-15 … 03-15) at 0.3 of a day's
// work (indoor fit-out goes on), February at half pace on top.
WorkPattern slowed_site() {
  WorkPattern p;
  p.weekday_works.fill(true);
  p.yearly_stops.push_back({11, 15, 3, 15, 0.3});
  p.month_intensity[1] = 0.5;
  return p;
}

TEST(Calendar, AStopAtIntensityPointThreeSlowsWorkInsteadOfHaltingIt) {
  const Date origin = date("2026-01-01");
  const Calendar c = make_calendar(slowed_site(), origin, 3 * 365);
  const double dec1 = date("2026-12-01") - origin;
  EXPECT_NEAR(c.intensity_of(static_cast<std::int64_t>(dec1)), 0.3, 1e-15);
  // 10 working days from December 1 take 10 / 0.3 calendar days.
  EXPECT_NEAR(c.finish(dec1, 10), dec1 + 10 / 0.3, 1e-9);
  EXPECT_NEAR(c.work_before(dec1 + 31) - c.work_before(dec1), 31 * 0.3, 1e-9);
  // January works at 0.3, February at 0.3 × 0.5, April in full.
  EXPECT_NEAR(c.work_before(31), 31 * 0.3, 1e-9);
  EXPECT_NEAR(c.work_before(59) - c.work_before(31), 28 * 0.15, 1e-9);
  const double apr1 = date("2026-04-01") - origin;
  EXPECT_NEAR(c.work_before(apr1 + 30) - c.work_before(apr1), 30, 1e-9);
  // A closing stop still closes.
  WorkPattern closed = slowed_site();
  closed.yearly_stops[0].intensity = 0;
  EXPECT_EQ(make_calendar(closed, origin, 3 * 365).work_before(dec1 + 31) -
                make_calendar(closed, origin, 3 * 365).work_before(dec1),
            0.0);
}

TEST(Calendar, SlowedDaysStillInvertAndRepeatBeyondTheTable) {
  const Date origin = date("2026-01-01");
  const Calendar c = make_calendar(slowed_site(), origin, 400);
  for (double w = 0.05; w < 1500; w += 7.37) {
    const double end = c.end_at(w), start = c.start_at(w);
    EXPECT_NEAR(c.work_before(end), w, 1e-9) << w;
    EXPECT_NEAR(c.work_before(start), w, 1e-9) << w;
    EXPECT_LE(start, end + 1e-12) << w;
    EXPECT_GT(c.intensity_of(static_cast<std::int64_t>(std::floor(start))), 0) << w;  // work goes on from there
  }
  // Beyond the table, the last 364 days repeat: a year later, the same pace.
  const double far = 400 + 3 * 364 + 20.5;
  EXPECT_NEAR(c.work_before(far + 364) - c.work_before(far), c.work_before(far) - c.work_before(far - 364), 1e-9);
}

TEST(Calendar, LostDaysCloseSlowedDaysToo) {
  const Date origin = date("2026-01-01");
  const Calendar base = make_calendar(slowed_site(), origin, 400);
  Calendar c = base;
  c.assign_with_closed_days(base, {0, 1, 2});
  EXPECT_NEAR(c.work_before(31), 28 * 0.3, 1e-9);
  EXPECT_FALSE(c.is_working_day(1));
}

}  // namespace
}  // namespace kpsim::core
