// Steps in progress at the start date: agencies begin the year with their
// real load — cases in review hold their reviewers from day 0, filed cases
// queue in filing order, and their statutory clocks started before day 0.
#include <gtest/gtest.h>

#include "support/scenario_file.hpp"

namespace kpsim::engine {
namespace {

// One reviewer, every day a working day; review takes 20 days (limit 25),
// then 10 days of construction.
std::string scenario(const std::string& projects) {
  return R"(kpsim: 1
name: under-way
start: 2026-01-01
end: 2026-12-31
calendars:
  days: {week: all}
agencies:
  office: {capacity: 1, calendar: days}
templates:
  t:
    calendar: days
    steps:
      - {id: design, type: preparation, duration: 5, after: []}
      - {id: review, agency: office, duration: 20, limit: 25}
      - {id: build, type: construction, duration: 10, share: 1}
projects:
)" + projects;
}

// Tasks per project: design, review, build.
constexpr std::uint32_t kReview = 1;

TEST(UnderWay, AStepInReviewFinishesAfterItsRemainingWorkAndHoldsItsReviewerFromDayZero) {
  // B is listed first, but A is in review with 12 of its 20 days done.
  const test::ScenarioFile f(scenario(R"(
  - {id: B, name: B, template: t, investment: 1, state: {done: [design]}}
  - {id: A, name: A, template: t, investment: 1, state: {under_way: review, worked: 12}}
)"));
  const Replication rep = f.deterministic();
  const std::uint32_t a = f.net.project_begin[1] + kReview, b = f.net.project_begin[0] + kReview;
  EXPECT_EQ(rep.trace.start(a), 0);
  EXPECT_EQ(rep.trace.finish(a), 8);   // 20 − 12 days left
  EXPECT_EQ(rep.trace.start(b), 8);    // the reviewer was A's from day 0
  EXPECT_EQ(rep.trace.finish(b), 28);
  // A's preparation was done before its review: it is not run again.
  EXPECT_TRUE(f.net.tasks[f.net.project_begin[1]].done_at_start);
  // A's clock: 12 days before the start + 8 after = 20, within 25; B's 28 (it waited 8) is over.
  EXPECT_EQ(rep.agency[0].limited, 2u);
  EXPECT_EQ(rep.agency[0].over_limit, 1u);
  EXPECT_NEAR(rep.agency[0].excess_sum, 3, 1e-9);
}

TEST(UnderWay, FiledCasesQueueInFilingOrderWithTheirClocksRunningSinceFiling) {
  // Both filed in December and waiting; C filed first is served first, and
  // its clock counts the 15 days since 2025-12-17.
  const test::ScenarioFile f(scenario(R"(
  - {id: D, name: D, template: t, investment: 1, state: {under_way: review, filed: 2025-12-27}}
  - {id: C, name: C, template: t, investment: 1, state: {under_way: review, filed: 2025-12-17}}
)"));
  const Replication rep = f.deterministic();
  const std::uint32_t d = f.net.project_begin[0] + kReview, c = f.net.project_begin[1] + kReview;
  EXPECT_EQ(rep.trace.start(c), 0);
  EXPECT_EQ(rep.trace.finish(c), 20);
  EXPECT_EQ(rep.trace.start(d), 20);
  // Clocks: C 15 + 20 = 35, D 5 + 40 = 45, both over the 25-day limit.
  EXPECT_EQ(rep.agency[0].over_limit, 2u);
  EXPECT_NEAR(rep.agency[0].excess_sum, (35 - 25) + (45 - 25), 1e-9);
}

}  // namespace
}  // namespace kpsim::engine
