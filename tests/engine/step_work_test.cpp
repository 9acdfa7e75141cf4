#include "sim/engine/step_work.hpp"

#include <gtest/gtest.h>

#include "support/scenario_file.hpp"

namespace kpsim::engine {
namespace {

// One review of PERT(10, 20, 40) working days on its clock, a technical
// evaluation of 5 off it, reviewers busy 8 of them.
constexpr const char* kScenario = R"(kpsim: 1
name: step-work
start: 2026-01-01
end: 2026-12-31
calendars:
  days: {week: all}
agencies:
  eco: {capacity: 1, calendar: days}
templates:
  t:
    calendar: days
    steps:
      - {id: eia, agency: eco, duration: {pert: [10, 20, 40]}, limit: 30, effort: 8, off_clock: [{name: 技术评估, duration: 5}], after: []}
      - {id: build, type: construction, duration: 10, share: 1}
projects:
  - {id: P, name: P, template: t, investment: 1}
)";

TEST(StepWork, TheDeterministicAttemptIsEachPartAtItsMostLikelyValue) {
  const test::ScenarioFile f(kScenario);
  const StepWork w = deterministic_step_work(f.net, f.net.rules[f.net.hot[0].rule]);
  EXPECT_EQ(w.clock, 20);
  EXPECT_EQ(w.off_clock, 5);
  EXPECT_EQ(w.held, 8);
  EXPECT_EQ(w.total(), 25);
}

TEST(StepWork, DrawsAreKeyedByReplicationProjectAndAttempt) {
  const test::ScenarioFile f(kScenario);
  const StepRule& rule = f.net.rules[f.net.hot[0].rule];
  const auto key = [&](std::uint32_t replication) { return project_key(core::RngStream::replication_key(1, replication), f.net.project_hash[0]); };
  const StepWork a = draw_step_work(f.net, rule, key(0), 0), again = draw_step_work(f.net, rule, key(0), 0);
  EXPECT_EQ(a.clock, again.clock);
  EXPECT_GE(a.clock, 10);
  EXPECT_LE(a.clock, 40);
  EXPECT_NE(draw_step_work(f.net, rule, key(0), 1).clock, a.clock);  // a rework attempt draws afresh
  EXPECT_NE(draw_step_work(f.net, rule, key(1), 0).clock, a.clock);  // another replication
  // The stream is the one keyed by (seed, replication, project, step, attempt) in one call.
  auto whole = core::RngStream::keyed(1, 0, f.net.project_hash[0], rule.step_hash, core::Purpose::duration);
  EXPECT_EQ(step_stream(key(0), rule.step_hash, 0, core::Purpose::duration).next_u64(), whole.next_u64());
}

TEST(StepWork, ScalingAndWorkDoneShrinkTheAttempt) {
  const StepWork w{20, 5, 8};
  const StepWork half = times(w, 0.5);
  EXPECT_EQ(half.clock, 10);
  EXPECT_EQ(half.off_clock, 2.5);
  EXPECT_EQ(half.held, 4);
  const StepWork left = less_worked(w, 22);  // the 20 on-clock days, then 2 of the 5 off it
  EXPECT_EQ(left.clock, 0);
  EXPECT_EQ(left.off_clock, 3);
  EXPECT_EQ(left.held, 0);
  EXPECT_EQ(less_worked(w, 3).clock, 17);
  EXPECT_EQ(less_worked(w, 3).held, 5);
}

}  // namespace
}  // namespace kpsim::engine
