// How a step's time counts: off-clock phases (expert review, notices) are
// elapsed time but not statutory time; reviewers' effort holds the agency
// for part of the step only; a deemed approval ends a step in service.
#include <gtest/gtest.h>

#include "sim/engine/simulate.hpp"
#include "sim/report/monte_carlo.hpp"
#include "support/scenario_file.hpp"
#include "support/forecast.hpp"

namespace kpsim::engine {
namespace {

std::string scenario(const std::string& review_step, int capacity = 1, int projects = 2) {
  std::string yaml = R"(kpsim: 1
name: clock
start: 2026-01-01
end: 2026-12-31
calendars:
  days: {week: all}
agencies:
  eco: {capacity: )" + std::to_string(capacity) + R"(, calendar: days}
templates:
  t:
    calendar: days
    steps:
      - )" + review_step + R"(
      - {id: build, type: construction, duration: 10, share: 1}
projects:
)";
  for (int p = 0; p < projects; ++p)
    yaml += "  - {id: P" + std::to_string(p) + ", name: P" + std::to_string(p) + ", template: t, investment: 1}\n";
  return yaml;
}

TEST(StatutoryClock, OffClockPhasesAddElapsedTimeButNotStatutoryTime) {
  // 20 days on the clock (limit 25), then a 10-day expert review off it.
  const test::ScenarioFile f(scenario(
      "{id: eia, agency: eco, duration: 20, limit: 25, off_clock: [{name: 专家评审, duration: 10}], after: []}", 1, 1));
  const Replication rep = f.deterministic();
  EXPECT_EQ(rep.trace.finish(0), 30);
  EXPECT_EQ(rep.off_path_of(0), 10);
  EXPECT_EQ(rep.agency[0].limited, 1u);
  EXPECT_EQ(rep.agency[0].over_limit, 0u);  // 30 elapsed, 20 on the clock
  run::ReplicationOptions o;
  o.deterministic = true;
  const report::MonteCarloForecast mc = test::run_forecast(f.scenario, f.net, o);
  EXPECT_DOUBLE_EQ(mc.approval[report::from_entry].all.mean, 30);
  EXPECT_DOUBLE_EQ(mc.approval[report::from_entry_clock].all.mean, 20);
}

TEST(StatutoryClock, OffClockPhasesDoNotHoldTheReviewer) {
  // One reviewer: the second case starts when the first leaves for its expert review.
  const test::ScenarioFile f(scenario("{id: eia, agency: eco, duration: 10, off_clock: [{name: 专家评审, duration: 10}], after: []}"));
  const Replication rep = f.deterministic();
  EXPECT_EQ(rep.trace.start(2), 10);
  EXPECT_EQ(rep.trace.finish(2), 30);
  EXPECT_DOUBLE_EQ(rep.agency[0].busy_work, 20);
}

TEST(StatutoryClock, QueueingCountsOnTheClockFromFiling) {
  // One reviewer, two cases of 20 days: the second waits 20, so 40 on the clock.
  const test::ScenarioFile f(scenario("{id: eia, agency: eco, duration: 20, limit: 25, after: []}"));
  const Replication rep = f.deterministic();
  EXPECT_EQ(rep.trace.finish(2), 40);
  EXPECT_EQ(rep.agency[0].over_limit, 1u);
  EXPECT_DOUBLE_EQ(rep.agency[0].excess_sum, 15);
}

TEST(StatutoryClock, EffortHoldsTheReviewerForPartOfTheStepOnly) {
  // 20 days per case, of which the reviewer works 5: the second case starts at 5.
  const test::ScenarioFile f(scenario("{id: eia, agency: eco, duration: 20, effort: 5, after: []}"));
  const Replication rep = f.deterministic();
  EXPECT_EQ(rep.trace.start(2), 5);
  EXPECT_EQ(rep.trace.finish(2), 25);
  EXPECT_DOUBLE_EQ(rep.agency[0].busy_work, 10);
}

TEST(StatutoryClock, ADeemedApprovalEndsAStepInServiceAndFreesTheReviewer) {
  // 40 days of review against a 30-day limit: approved by default at 30, and
  // the reviewer takes the next case then.
  const test::ScenarioFile f(scenario("{id: eia, agency: eco, duration: 40, limit: 30, deemed: true, after: []}"));
  const Replication rep = f.deterministic();
  EXPECT_EQ(rep.trace.finish(0), 30);
  EXPECT_EQ(rep.trace.start(2), 30);
  EXPECT_EQ(rep.trace.finish(2), 30);  // filed at 0: its 30 days were up while it waited
  EXPECT_EQ(rep.agency[0].deemed, 2u);
  EXPECT_EQ(rep.agency[0].over_limit, 0u);
}

TEST(StatutoryClock, OffClockPhasesAreNotCutShortByADeemedApproval) {
  // 25 days on the clock, then a 10-day public notice: at day 30 the clock
  // stands at 25, under the limit, so the notice runs to its end.
  const test::ScenarioFile f(scenario(
      "{id: eia, agency: eco, duration: 25, limit: 30, deemed: true, off_clock: [{name: 公示, duration: 10}], after: []}", 1, 1));
  const Replication rep = f.deterministic();
  EXPECT_EQ(rep.trace.finish(0), 35);
  EXPECT_EQ(rep.agency[0].deemed, 0u);
}

TEST(StatutoryClock, DeemedApprovalNeedsALimit) {
  EXPECT_THROW(test::ScenarioFile(scenario("{id: eia, agency: eco, duration: 40, deemed: true, after: []}")), model::InputError);
}

}  // namespace
}  // namespace kpsim::engine
