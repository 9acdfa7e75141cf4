#include <gtest/gtest.h>

#include <cmath>

#include "sim/engine/compile.hpp"
#include "sim/engine/simulate.hpp"
#include "sim/input/load_scenario.hpp"
#include "sim/report/monte_carlo.hpp"
#include "support/scenario_file.hpp"
#include "support/forecast.hpp"

namespace kpsim::engine {
namespace {

const char* kBase = R"(kpsim: 1
name: arrivals
start: 2026-01-01
end: 2026-12-31
calendars:
  all: {week: all}
agencies:
  ndrc: {capacity: 100, calendar: all}
templates:
  industrial:
    calendar: all
    steps:
      - {id: filing, agency: ndrc, duration: 2}
      - {id: build, type: construction, duration: 50, share: 1}
projects:
  - {id: P, name: 已有项目, template: industrial, investment: 1}
)";

struct Fixture : test::ScenarioFile {
  explicit Fixture(const std::string& arrivals) : ScenarioFile(std::string(kBase) + arrivals) {}
};

TEST(Arrivals, ListedProjectsEnterOnTheirDatesWithTheirInvestment) {
  const Fixture f(R"(arrivals:
  - {id: signed, name: 签约项目, template: industrial, dates: [2026-03-01, 2026-06-01], investment: 5}
)");
  ASSERT_EQ(f.net.project_count(), 3u);
  const Replication rep = f.simulate();
  EXPECT_EQ(rep.project_ready[1], 59.0);
  EXPECT_EQ(rep.trace.start(f.net.project_begin[1]), 59.0);
  EXPECT_EQ(rep.project_scale[2], 5.0);
  const auto fc = report::make_forecast(f.net, rep.trace, rep.calendars, rep.project_scale);
  EXPECT_NEAR(fc.projects[1].investment_in_horizon, 5.0, 1e-9);
  EXPECT_NEAR(fc.investment_in_horizon, 1.0 + 5.0 + 5.0, 1e-9);
}

TEST(Arrivals, APoissonStreamArrivesAtItsRate) {
  const Fixture f(R"(arrivals:
  - {id: attracted, template: industrial, per_month: 2, investment: {lognormal: {median: 3, p90: 6}}}
)");
  run::ReplicationOptions o;
  o.replications = 400;
  o.threads = 2;
  const auto mc = test::run_forecast(f.scenario, f.net, o);
  ASSERT_EQ(mc.arrivals.size(), 1u);
  const double expected = 2 * 12.0;  // a year at two a month
  EXPECT_NEAR(mc.arrivals[0].arrived, expected, 4 * std::sqrt(expected / 400));
  EXPECT_GT(mc.arrivals[0].investment, 0.0);
  EXPECT_EQ(mc.projects.size(), 1u);  // per-project rows are the scenario's projects
  EXPECT_NEAR(mc.start_candidates, 1 + mc.arrivals[0].arrived, 1e-9);
}

TEST(Arrivals, SlotsNeverEnterTheDeterministicSchedule) {
  const Fixture f(R"(arrivals:
  - {id: attracted, template: industrial, per_month: 1, investment: 2}
)");
  const auto r = test::run_kpsim("graph '" + f.path() + "'");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.find("attracted#"), std::string::npos);
}

}  // namespace
}  // namespace kpsim::engine
