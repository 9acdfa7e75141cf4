// The engine compiled for plain networks (Simulator::plain) against the one
// compiled for every network: on a plain network they must publish the same
// replication, number for number.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "sim/engine/simulate.hpp"
#include "support/scenario_file.hpp"

namespace kpsim::engine {
namespace {

// Plain, but with what a plain network may still have: office and site
// calendars with holidays, a winter slowdown and lost days; fork and join;
// queues at every agency inside the horizon (so that every statistic
// accrues); steps holding two units; projects ready on different days; a
// stream of arrivals.
const char* kPlain = R"(kpsim: 1
name: plain
start: 2026-01-01
end: 2026-12-31
calendars:
  office: {week: [mon, tue, wed, thu, fri], off: [2026-05-01, 2026-05-04], work: [2026-05-09]}
  site:
    week: all
    stops: [{from: 12-01, to: 02-28, intensity: 0.4}]
    lost_days: [{months: [3, 4], per_month: {triangular: [0, 2, 5]}}]
agencies:
  a: {capacity: 2, calendar: office}
  b: {capacity: 3, calendar: office}
  c: {capacity: 2, calendar: site}
templates:
  t:
    calendar: site
    steps:
      - {id: s1, agency: a, calendar: office, duration: {exponential: {mean: 6}}, after: []}
      - {id: s2, agency: b, calendar: office, duration: {triangular: [2, 5, 12]}, after: [s1]}
      - {id: s3, agency: c, duration: {lognormal: {median: 4, p90: 8}}, after: [s1]}
      - {id: s4, agency: a, calendar: office, duration: {pert: [3, 6, 15]}, after: [s2, s3], needs: {a: 2}}
      - {id: build, type: construction, duration: {uniform: [60, 120]}, share: 1, after: [s4]}
arrivals:
  - {id: signed, template: t, from: 2026-02-01, to: 2026-09-30, per_month: 3, investment: {uniform: [1, 3]}}
projects:
)";

std::string plain_scenario() {
  std::string yaml = kPlain;
  for (int p = 0; p < 40; ++p)
    yaml += "  - {id: P" + std::to_string(p) + ", name: P, template: t, investment: 2, ready: 2026-0" + std::to_string(1 + p % 6) + "-1" +
            std::to_string(p % 10) + "}\n";
  return yaml;
}

void expect_same(const Replication& plain, const Replication& general) {
  EXPECT_EQ(plain.events, general.events);
  EXPECT_EQ(plain.trace.times, general.trace.times);  // ready, start and finish of every task
  EXPECT_EQ(plain.trace.extras.size(), general.trace.extras.size());
  EXPECT_EQ(plain.project_ready, general.project_ready);
  EXPECT_EQ(plain.agency_month_busy, general.agency_month_busy);
  ASSERT_EQ(plain.agency.size(), general.agency.size());
  for (std::size_t a = 0; a < plain.agency.size(); ++a) {
    const AgencyStats &x = plain.agency[a], &y = general.agency[a];
    EXPECT_EQ(x.busy_work, y.busy_work) << a;
    EXPECT_EQ(x.queue_area, y.queue_area) << a;
    EXPECT_EQ(x.max_queue, y.max_queue) << a;
    EXPECT_EQ(x.wait_sum, y.wait_sum) << a;
    EXPECT_EQ(x.served, y.served) << a;
  }
}

TEST(PlainEngine, PublishesWhatTheGeneralEngineDoesOnAPlainNetwork) {
  const test::ScenarioFile s(plain_scenario());
  Simulator sim(s.net);
  ASSERT_TRUE(sim.plain());
  Simulator general(s.net);
  for (std::uint32_t r = 0; r < 3; ++r) {
    const Replication plain = sim.run(7, r);
    const Replication& full = general.run(7, r, {.general_engine = true});
    expect_same(plain, full);
    // The network is one that queues: the comparison covers the statistics.
    EXPECT_GT(plain.agency[0].max_queue, 1u);
    EXPECT_GT(plain.agency[0].wait_sum, 0.0);
    EXPECT_GT(plain.agency_month_busy[3], 0.0);
  }
  expect_same(sim.run(7, 0, {.deterministic = true}), general.run(7, 0, {.deterministic = true, .general_engine = true}));
}

// Without a stream of arrivals every task finishes, each finish puts its
// task's state back, and the next run skips the reset passes: replication
// after replication, and after the general engine has used the workspace,
// the trace is still the general engine's, number for number.
TEST(PlainEngine, RunAfterRunWithoutResetPassesPublishesTheSame) {
  std::string yaml = plain_scenario();
  const auto from = yaml.find("arrivals:\n"), to = yaml.find("projects:\n");
  yaml.erase(from, to - from);
  const test::ScenarioFile s(yaml);
  Simulator sim(s.net);
  ASSERT_TRUE(sim.plain());
  for (std::uint32_t r = 0; r < 4; ++r) {
    const SimSettings settings{.general_engine = r == 2};  // the third run: the general engine on the same workspace
    const Replication& got = sim.run(11, r, settings);
    const Replication fresh = Simulator(s.net).run(11, r, {.general_engine = true});
    expect_same(got, fresh);
    EXPECT_TRUE(std::none_of(got.trace.times.begin(), got.trace.times.end(), [](const Trace::Times& x) { return std::isinf(x.finish); }));
  }
}

TEST(PlainEngine, IsNotUsedForANetworkWithARisk) {
  std::string yaml = plain_scenario();
  yaml.insert(yaml.find("projects:\n"), "risks:\n  - {id: gap, name: gap, on: {step: build}, probability: 0.5, delay: 10}\n");
  const test::ScenarioFile s(yaml);
  EXPECT_FALSE(Simulator(s.net).plain());
}

}  // namespace
}  // namespace kpsim::engine
