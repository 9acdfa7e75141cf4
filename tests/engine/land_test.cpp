#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "sim/engine/compile.hpp"
#include "sim/engine/simulate.hpp"
#include "sim/input/load_scenario.hpp"
#include "sim/report/forecast.hpp"
#include "support/scenario_file.hpp"

namespace kpsim::engine {
namespace {

// Each project: land transfer (5 days) → build (100 days). `pool` and
// `projects` are appended per test.
const char* kHeader = R"(kpsim: 1
name: land
start: 2026-01-01
end: 2026-12-31
calendars:
  all: {week: all}
)";
const char* kBase = R"(agencies:
  bank: {capacity: 10, calendar: all}
templates:
  t:
    calendar: all
    steps:
      - {id: transfer, type: land, agency: bank, duration: 5}
      - {id: build, type: construction, duration: 100, share: 1}
)";

Network network_of(const std::string& extra) { return test::ScenarioFile(std::string(kHeader) + kBase + extra).net; }

TEST(Land, KeyProjectsAreGrantedFirstWhenTheQuotaIsReleased) {
  const Network net = network_of(R"(land:
  pools:
    quota: {releases: [{date: 2026-01-31, mu: 100}, {date: 2026-04-01, mu: 100}]}
projects:
  - {id: N, name: 一般, template: t, investment: 1, land_mu: 100}
  - {id: K, name: 重点, template: t, investment: 1, land_mu: 100, class: key}
)");
  const Replication rep = simulate(net, 1, 0, {});
  EXPECT_EQ(rep.trace.start(2), 30.0);  // K's transfer, on the first release
  EXPECT_EQ(rep.trace.start(0), 90.0);  // N's, on the second
  EXPECT_EQ(rep.land[0].grants, 2u);
  EXPECT_DOUBLE_EQ(rep.land[0].wait_sum, 30.0 + 90.0);
}

TEST(Land, AProjectGetsItsWholeNeedOrWaitsWithoutBlockingSmallerOnes) {
  const Network net = network_of(R"(land:
  pools:
    quota: {discipline: fifo, releases: [{date: 2026-01-01, mu: 100}, {date: 2026-07-01, mu: 100}]}
projects:
  - {id: Big, name: 大, template: t, investment: 1, land_mu: 150}
  - {id: Small, name: 小, template: t, investment: 1, land_mu: 50}
)");
  const Replication rep = simulate(net, 1, 0, {});
  EXPECT_EQ(rep.trace.start(2), 0.0);    // Small fits at once
  EXPECT_EQ(rep.trace.start(0), 181.0);  // Big waits for 2026-07-01
}

TEST(Land, AProjectNeverGrantedNeverStartsAndItsInvestmentFallsOutside) {
  const Network net = network_of(R"(land:
  pools:
    quota: {releases: [{date: 2026-01-01, mu: 10}]}
projects:
  - {id: P, name: 项目, template: t, investment: 7, land_mu: 100}
)");
  const Replication rep = simulate(net, 1, 0, {});
  EXPECT_TRUE(std::isinf(rep.trace.start(0)));
  EXPECT_EQ(rep.land[0].waiting_at_end, 1u);
  const auto f = report::make_forecast(net, rep.trace);
  EXPECT_TRUE(std::isnan(f.projects[0].start));
  EXPECT_DOUBLE_EQ(f.investment_in_horizon, 0.0);
  EXPECT_DOUBLE_EQ(f.investment_after_horizon, 7.0);
}

TEST(Land, ProjectsWhoseLandIsDoneNeedNoGrant) {
  const Network net = network_of(R"(land:
  pools:
    quota: {releases: [{date: 2026-06-01, mu: 10}]}
projects:
  - {id: P, name: 项目, template: t, investment: 1, land_mu: 100, state: {done: [transfer]}}
)");
  EXPECT_EQ(net.project_pool[0], -1);
  const Replication rep = simulate(net, 1, 0, {});
  EXPECT_EQ(rep.trace.start(1), 0.0);
}

// Two land steps of one project wait for the same grant: both ask for their
// agency when it comes, in the engine's task order (a bank of one unit
// serves them one after the other).
TEST(Land, EveryStepOfAProjectWaitingForItsLandGoesOnWhenItIsGranted) {
  const Network net = test::ScenarioFile(std::string(kHeader) + R"(agencies:
  bank: {capacity: 1, calendar: all}
templates:
  t:
    calendar: all
    steps:
      - {id: transfer, type: land, agency: bank, duration: 5}
      - {id: lease, type: land, agency: bank, duration: 3, after: []}
      - {id: build, type: construction, duration: 100, share: 1, after: [transfer, lease]}
land:
  pools:
    quota: {releases: [{date: 2026-01-31, mu: 100}]}
projects:
  - {id: P, name: 项目, template: t, investment: 1, land_mu: 100}
)").net;
  const Replication rep = simulate(net, 1, 0, {});
  const auto start_of = [&](std::uint16_t step) {
    for (std::uint32_t t = 0; t < net.task_count(); ++t)
      if (net.tasks[t].step == step) return rep.trace.start(t);
    return -1.0;
  };
  // The engine orders a project's tasks its own way; the two asked at the
  // same moment are served in that order.
  const double transfer = start_of(0), lease = start_of(1);
  EXPECT_EQ(std::min(transfer, lease), 30.0);  // the first, on the release
  EXPECT_EQ(std::max(transfer, lease), transfer < lease ? 35.0 : 33.0);  // the other, next
  EXPECT_EQ(start_of(2), 38.0);  // build, after both
  EXPECT_EQ(rep.land[0].grants, 1u);
}

}  // namespace
}  // namespace kpsim::engine
