#include "sim/report/forecast.hpp"

#include <gtest/gtest.h>

#include "sim/engine/compile.hpp"
#include "sim/engine/cpm.hpp"
#include "sim/input/load_scenario.hpp"
#include "support/scenario_builder.hpp"

namespace kpsim::report {
namespace {

TEST(Forecast, QuarterlySpendSumsToTheInvestmentOfTheHorizon) {
  const model::Scenario s = test::without_risks_and_quotas(input::load_scenario(KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml"));
  const engine::Network net = engine::compile(s);
  const Forecast f = make_forecast(net, engine::schedule_cpm(net).early);
  double quarters = 0, months = 0, projects = 0, remaining = 0;
  for (const auto& q : f.quarters) quarters += q.investment;
  for (const auto& m : f.months) months += m.investment;
  for (const auto& p : f.projects) projects += p.investment_in_horizon;
  for (std::size_t p = 0; p < s.projects.size(); ++p) remaining += s.projects[p].investment - s.projects[p].completed_investment();
  EXPECT_NEAR(quarters, f.investment_in_horizon, 1e-9);
  EXPECT_NEAR(months, f.investment_in_horizon, 1e-9);
  EXPECT_NEAR(projects, f.investment_in_horizon, 1e-9);
  // Every yuan left to spend lands either inside the horizon or after it.
  EXPECT_NEAR(f.investment_in_horizon + f.investment_after_horizon, remaining, 1e-9);
  EXPECT_GT(f.investment_after_horizon, 0);
}

TEST(Forecast, AProjectFortyPercentBuiltCountsOnlyWhatRemains) {
  model::Scenario s = test::base_scenario();
  s.templates.push_back(test::make_template("b", {{"c1", 100, {}, 0.4}, {"c2", 100, {"c1"}, 0.6}}));
  s.projects.push_back(test::make_project("P", "b", 10.0));
  s.projects[0].state.progress = 0.4;  // c1 done: 6.0 remains, over c2's 100 days
  const engine::Network net = engine::compile(s);
  const Forecast f = make_forecast(net, engine::schedule_cpm(net).early);
  EXPECT_NEAR(f.investment_in_horizon, 6.0, 1e-12);
  EXPECT_NEAR(f.quarters[0].investment, 6.0 * 90 / 100, 1e-12);
  EXPECT_EQ(f.quarters[0].started, 0);  // it started before the horizon
  EXPECT_EQ(f.quarters[1].completed, 1);
  EXPECT_TRUE(std::isnan(f.projects[0].start));
  EXPECT_EQ(f.projects[0].completion_day, 99);  // 2026-04-10, inclusive
}

}  // namespace
}  // namespace kpsim::report
