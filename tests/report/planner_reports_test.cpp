// What planners read: investment counted as the statistics bureau counts,
// the step that holds a project past its target, the owner's preparation
// work off the statutory clock, and agency utilisation by month.
#include <gtest/gtest.h>

#include <cmath>

#include "sim/engine/simulate.hpp"
#include "sim/report/forecast.hpp"
#include "sim/report/monte_carlo.hpp"
#include "sim/report/replication_summary.hpp"
#include "support/scenario_file.hpp"
#include "support/forecast.hpp"

namespace kpsim::report {
namespace {

// Every day a working day; `reviewers` at the one office; construction of
// 100 days spends the project's investment evenly: 0.01 of it a day.
std::string scenario(const std::string& statistics, const std::string& projects, int reviewers = 1) {
  return R"(kpsim: 1
name: planner
start: 2026-01-01
end: 2026-12-31
money_unit: 亿元
)" + statistics + R"(
calendars:
  days: {week: all}
agencies:
  office: {name: 审批局, capacity: )" + std::to_string(reviewers) + R"(, calendar: days}
templates:
  t:
    calendar: days
    steps:
      - {id: design, name: 施工图设计, type: preparation, duration: 40, after: []}
      - {id: review, name: 施工图审查, agency: office, duration: 20, limit: 20}
      - {id: build, type: construction, duration: 100, share: 1}
projects:
)" + projects;
}

Forecast forecast_of(const test::ScenarioFile& f, const engine::Replication& rep) {
  const ReportingBasis basis = make_reporting_basis(f.scenario, f.net);
  return make_forecast(f.net, rep.trace, rep.calendars, rep.project_scale, &basis);
}

TEST(StatisticsRules, CountFromTheRegistrationMonthAndOnlyProjectsOfFiveMillionYuan) {
  // Each project: design days 0–40, review 40–60, build 60–160 (2026-03-02 … 06-09).
  const test::ScenarioFile f(scenario("statistics: {registration_lag_months: 1}", R"(
  - {id: BIG, name: 大项目, template: t, investment: 10}
  - {id: SMALL, name: 小项目, template: t, investment: 0.04}
  - {id: EARLY, name: 早入库, template: t, investment: 10, registered: 2026-01}
)", 3));
  const engine::Replication rep = f.deterministic();
  const Forecast fc = forecast_of(f, rep);
  // Gross: everything spent; counted: SMALL never (below 0.05 亿元), BIG from
  // April (registered the month after its March start), EARLY from the start.
  EXPECT_NEAR(fc.investment_in_horizon, 20.04, 1e-9);
  const double march = 10 * 0.01 * 30;  // 2026-03-02 … 03-31: 30 days
  EXPECT_NEAR(fc.months[2].investment, 2 * march + 0.04 * 0.3, 1e-9);
  EXPECT_NEAR(fc.months[2].counted, march, 1e-9);  // EARLY only
  EXPECT_NEAR(fc.months[3].counted, 2 * 10 * 0.01 * 30, 1e-9);
  EXPECT_NEAR(fc.counted_in_horizon, 20 - march, 1e-9);
}

TEST(StatisticsRules, WithoutThemEverythingCounts) {
  const test::ScenarioFile f(scenario("", "  - {id: SMALL, name: 小项目, template: t, investment: 0.04}\n"));
  const Forecast fc = forecast_of(f, f.deterministic());
  EXPECT_NEAR(fc.counted_in_horizon, fc.investment_in_horizon, 1e-12);
  EXPECT_NEAR(fc.investment_in_horizon, 0.04, 1e-12);
}

TEST(HeldStep, IsTheStepAProjectWasInOrWaitingForWhenItsTargetPassed) {
  // One reviewer: A reviews 40–60, B queues and reviews 60–80, so B starts
  // building on day 80. B's start target (day 70) finds it in review; A
  // meets its target; C's target (day 30) finds it still designing.
  const test::ScenarioFile f(scenario("", R"(
  - {id: A, name: 甲, template: t, investment: 1, start_target: 2026-03-15}
  - {id: B, name: 乙, template: t, investment: 1, start_target: 2026-03-12}
  - {id: C, name: 丙, template: t, investment: 1, start_target: 2026-01-31}
)"));
  const engine::Replication rep = f.deterministic();
  const Forecast fc = forecast_of(f, rep);
  const auto task = [&](std::uint32_t p, std::uint32_t step) { return f.net.project_begin[p] + step; };
  EXPECT_EQ(fc.projects[0].held_start, ProjectResult::kNoTask);
  EXPECT_EQ(fc.projects[1].held_start, task(1, 1));  // in review (queued first, then served)
  EXPECT_EQ(fc.projects[2].held_start, task(2, 0));  // still designing
}

TEST(HeldStep, IsNeverAStepOnlyALaterConstructionStepWaitsFor) {
  // The permit (begun on day 0, the land on day 5) is needed only before the
  // second construction step, as under 拿地即开工: on the target day both are
  // under way, and it is the land the start waits for.
  const test::ScenarioFile f(R"(kpsim: 1
name: gates
start: 2026-01-01
end: 2026-12-31
calendars:
  days: {week: all}
agencies:
  office: {capacity: 5, calendar: days}
templates:
  t:
    calendar: days
    steps:
      - {id: permit, agency: office, duration: 100, after: []}
      - {id: survey, type: preparation, duration: 5, after: []}
      - {id: land, agency: office, duration: 30, after: [survey]}
      - {id: earthworks, type: construction, duration: 50, share: 0.5, after: [land]}
      - {id: building, type: construction, duration: 50, share: 0.5, after: [earthworks, permit]}
projects:
  - {id: A, name: 甲, template: t, investment: 1, start_target: 2026-01-11}
)");
  const Forecast fc = forecast_of(f, f.deterministic());
  ASSERT_TRUE(fc.projects[0].start_missed);
  ASSERT_NE(fc.projects[0].held_start, ProjectResult::kNoTask);
  const engine::Task& held = f.net.tasks[fc.projects[0].held_start];
  EXPECT_EQ(f.scenario.templates[0].steps[held.step].id, "land");  // not the permit
}

TEST(HeldStep, TheMonteCarloReportsTheStepThatHeldMostMisses) {
  test::ScenarioFile f(scenario("", R"(
  - {id: A, name: 甲, template: t, investment: 1}
  - {id: B, name: 乙, template: t, investment: 1, start_target: 2026-03-12}
)"));
  run::ReplicationOptions o;
  o.replications = 20;
  o.deterministic = true;
  const MonteCarloForecast mc = test::run_forecast(f.scenario, f.net, o);
  EXPECT_DOUBLE_EQ(mc.projects[1].p_start_target_missed, 1.0);
  EXPECT_EQ(mc.projects[1].held_start_task, f.net.project_begin[1] + 1);
  EXPECT_DOUBLE_EQ(mc.projects[1].held_start_share, 1.0);
  // Date quantiles are exact: B starts on day 80 (2026-03-22) in every
  // replication, so its mean and P10 = P50 = P90 are that day (they were
  // rounded up to the end of its week, day 83).
  EXPECT_EQ(mc.projects[1].mean_start_day, 80.0);
  for (double q : mc.projects[1].start_quantiles) EXPECT_EQ(q, 80.0);
}

TEST(PreparationStep, IsElapsedApprovalTimeButNotOnTheStatutoryClock) {
  const test::ScenarioFile f(scenario("", "  - {id: A, name: 甲, template: t, investment: 1}\n"));
  const engine::Replication rep = f.deterministic();
  ReplicationSummary s;
  summarise(f.net, make_reporting_basis(f.scenario, f.net), rep, s);
  EXPECT_DOUBLE_EQ(s.approval.from_entry[0], 60.0);   // design 40 + review 20
  EXPECT_DOUBLE_EQ(s.approval.from_entry_clock[0], 20.0);  // the review only
  EXPECT_DOUBLE_EQ(rep.agency[0].busy_work, 20.0);  // the owner's work holds no reviewer
}

// A project in procedures at the start date (its design done) is measured
// from the start date; it used to drop out of the approval figures.
TEST(ApprovalTime, CoversProjectsInProceduresAtTheStart) {
  const test::ScenarioFile f(scenario("", R"(  - {id: A, name: 甲, template: t, investment: 1}
  - {id: B, name: 乙, template: t, investment: 1, class: key, state: {done: [design]}}
)", 2));
  const engine::Replication rep = f.deterministic();
  ReplicationSummary s;
  summarise(f.net, make_reporting_basis(f.scenario, f.net), rep, s);
  EXPECT_DOUBLE_EQ(s.approval.from_start[0], 60.0);  // entered at the start: both measures agree
  EXPECT_DOUBLE_EQ(s.approval.from_entry[0], 60.0);
  EXPECT_DOUBLE_EQ(s.approval.from_start[1], 20.0);  // the review, from the start date
  EXPECT_DOUBLE_EQ(s.approval.from_start_clock[1], 20.0);
  EXPECT_TRUE(std::isnan(s.approval.from_entry[1]));  // its design's time is not known
  run::ReplicationOptions o;
  o.deterministic = true;
  const MonteCarloForecast mc = test::run_forecast(f.scenario, f.net, o);
  EXPECT_EQ(mc.approval[from_start].key.n, 1u);  // the key project is in the figures
  EXPECT_EQ(mc.approval[from_entry].key.n, 0u);
  EXPECT_DOUBLE_EQ(mc.approval[from_start].all.mean, 40.0);
}

TEST(AgencyMonths, SplitTheBusyTimeByCalendarMonth) {
  // Reviews 40–60 (A) and 60–80 (B): February has days 31–58, March from 59.
  const test::ScenarioFile f(scenario("", R"(
  - {id: A, name: 甲, template: t, investment: 1}
  - {id: B, name: 乙, template: t, investment: 1}
)"));
  const engine::Replication rep = f.deterministic();
  const std::size_t months = f.net.month_count();
  ASSERT_EQ(months, 12u);
  double total = 0;
  for (std::size_t m = 0; m < months; ++m) total += rep.agency_month_busy[m];
  EXPECT_DOUBLE_EQ(total, rep.agency[0].busy_work);
  EXPECT_DOUBLE_EQ(rep.agency_month_busy[1], 19.0);  // 2026-02-10 … 02-28
  EXPECT_DOUBLE_EQ(rep.agency_month_busy[2], 21.0);
}

TEST(Categories, ComeFromTheProjectOrItsStateAndCarryThePlan) {
  const test::ScenarioFile f(scenario("", R"(
  - {id: A, name: 甲, template: t, investment: 4, plan: 1.5, start_target: 2026-06-30}
  - {id: B, name: 乙, template: t, investment: 4, plan: 0.5}
  - {id: C, name: 丙, template: t, investment: 4, plan: 2, category: 竣工, state: {progress: 0.5}}
)"));
  const ReportingBasis b = make_reporting_basis(f.scenario, f.net);
  ASSERT_EQ(b.category_names, (std::vector<std::string>{"新开工", "前期", "竣工"}));
  EXPECT_EQ(b.category, (std::vector<std::uint16_t>{0, 1, 2}));
  EXPECT_EQ(b.category_plan, (std::vector<double>{1.5, 0.5, 2.0}));
}

}  // namespace
}  // namespace kpsim::report
