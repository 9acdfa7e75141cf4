#include "sim/report/spend.hpp"

#include <gtest/gtest.h>

#include <boost/math/special_functions/beta.hpp>

#include <numeric>

#include "support/scenario_builder.hpp"

namespace kpsim::report {
namespace {

using test::date;

core::Calendar all_week_2026() {
  core::WorkPattern all;
  all.weekday_works.fill(true);
  return core::make_calendar(all, date("2026-01-01"), 800);
}

TEST(Spend, FlowsUniformlyOverWorkingTime) {
  const core::Calendar c = all_week_2026();
  const Periods p = make_periods(date("2026-01-01"), 365);
  std::vector<double> month(p.months.size());
  // 100 days from Jan 1: Jan 31, Feb 28, Mar 31, then 10 in April.
  EXPECT_DOUBLE_EQ(add_spend({&c, 0, 100, 50.0, {}}, p, month), 50.0);
  EXPECT_DOUBLE_EQ(month[0], 15.5);
  EXPECT_DOUBLE_EQ(month[1], 14.0);
  EXPECT_DOUBLE_EQ(month[3], 5.0);
}

TEST(Spend, NothingIsSpentDuringAWinterStop) {
  core::WorkPattern p;
  p.weekday_works.fill(true);
  p.yearly_stops.push_back({11, 15, 3, 15});
  const core::Date origin = date("2026-01-01");
  const core::Calendar c = core::make_calendar(p, origin, 800);
  const Periods periods = make_periods(origin, 365);
  std::vector<double> month(periods.months.size());
  const double start = date("2026-11-01") - origin;
  const double finish = c.finish(start, 30);  // 14 days in November, 16 after the stop
  const double inside = add_spend({&c, start, finish, 30.0, {}}, periods, month);
  EXPECT_DOUBLE_EQ(inside, 14.0);
  EXPECT_DOUBLE_EQ(month[10], 14.0);
  EXPECT_DOUBLE_EQ(month[11], 0.0);
}

TEST(Spend, AZeroLengthTaskSpendsAtItsFinish) {
  const core::Calendar c = all_week_2026();
  const Periods p = make_periods(date("2026-01-01"), 365);
  std::vector<double> month(p.months.size());
  EXPECT_DOUBLE_EQ(add_spend({&c, 40, 40, 2.0, {}}, p, month), 2.0);
  EXPECT_DOUBLE_EQ(month[1], 2.0);
}

TEST(Periods, CoverPartialFirstAndLastMonthsAndQuarters) {
  const Periods p = make_periods(date("2026-02-15"), date("2026-08-10") - date("2026-02-15") + 1);
  ASSERT_EQ(p.months.size(), 7u);
  EXPECT_EQ(p.months.front().label, "2026-02");
  EXPECT_EQ(p.months.front().end - p.months.front().begin, 14);
  EXPECT_EQ(p.months.back().end - p.months.back().begin, 10);
  ASSERT_EQ(p.quarters.size(), 3u);
  EXPECT_EQ(p.quarters[0].label, "2026Q1");
  EXPECT_EQ(p.quarters[2].label, "2026Q3");
  EXPECT_EQ(p.month_at(13.5), 0);
  EXPECT_EQ(p.month_at(-1), -1);
}

TEST(Spend, AnSCurveSpendsEachQuarterWhatItsClosedFormSays) {
  // A year-long step on an all-days calendar, beta(2, 2): F(u) = 3u² − 2u³.
  const core::Calendar c = all_week_2026();
  const Periods p = make_periods(date("2026-01-01"), 365);
  std::vector<double> month(p.months.size());
  const double total = add_spend({&c, 0, 365, 100.0, {2, 2}}, p, month);
  EXPECT_NEAR(total, 100.0, 1e-9);
  auto F = [](double u) { return 3 * u * u - 2 * u * u * u; };
  for (std::size_t q = 0; q < p.quarters.size(); ++q) {
    double got = 0;
    for (std::size_t m = 0; m < month.size(); ++m)
      if (p.quarter_of_month[m] == q) got += month[m];
    const double u0 = p.quarters[q].begin / 365.0, u1 = p.quarters[q].end / 365.0;
    EXPECT_NEAR(got, 100.0 * (F(u1) - F(u0)), 1e-9) << p.quarters[q].label;
  }
  // Mid-year spends most: an S-curve is slow at both ends.
  EXPECT_LT(month[0], month[5]);
  EXPECT_LT(month[11], month[6]);
}

TEST(Spend, FrontAndBackLoadedCurvesMirrorEachOther) {
  for (double u : {0.1, 0.3, 0.5, 0.8})
    EXPECT_NEAR(spent_share({1.5, 3}, u), 1 - spent_share({3, 1.5}, 1 - u), 1e-12) << u;
  EXPECT_GT(spent_share({1.5, 3}, 0.3), 0.3);  // front-loaded: ahead of the straight line
  EXPECT_DOUBLE_EQ(spent_share({}, 0.3), 0.3);
}

// A shape with one whole parameter (β(2, b), what calibration varies) has a
// closed form; it must agree with the general incomplete beta function.
TEST(Spend, OneWholeParameterGivesTheIncompleteBetaFunction) {
  for (const auto& [a, b] : std::vector<std::pair<double, double>>{{2, 3.526}, {2, 1.5}, {3, 0.7}, {1.8, 2}, {0.6, 4}})
    for (double u : {1e-4, 0.05, 0.3, 0.5, 0.77, 0.999})
      EXPECT_NEAR(spent_share({a, b}, u), boost::math::ibeta(a, b, u), 1e-13) << a << ", " << b << " at " << u;
}

TEST(Spend, OnlyTheWorkAfterTheCountingDayIsCountedAlongTheCurve) {
  const core::Calendar c = all_week_2026();
  const Periods p = make_periods(date("2026-01-01"), 365);
  std::vector<double> all(p.months.size()), counted(p.months.size());
  const SpendSpan span{&c, 0, 200, 60.0, {2, 2}};
  add_spend(span, p, all);
  const double after = add_spend(span, p, counted, 59);  // counted from March
  EXPECT_NEAR(after, 60.0 * (1 - spent_share({2, 2}, 59.0 / 200)), 1e-9);
  EXPECT_EQ(counted[0] + counted[1], 0.0);
  for (std::size_t m = 2; m < p.months.size(); ++m) EXPECT_NEAR(counted[m], all[m], 1e-12) << m;
}

}  // namespace
}  // namespace kpsim::report
