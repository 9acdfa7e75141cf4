#include "sim/report/monte_carlo.hpp"

#include <gtest/gtest.h>

#include "sim/engine/compile.hpp"
#include "sim/input/load_scenario.hpp"
#include "support/scenario_builder.hpp"
#include "support/forecast.hpp"

namespace kpsim::report {
namespace {

const model::Scenario& quickstart() {
  static const model::Scenario s = input::load_scenario(KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml");
  return s;
}

MonteCarloForecast run(const model::Scenario& s, int reps, std::uint64_t seed, int threads) {
  const engine::Network net = engine::compile(s);
  run::ReplicationOptions o;
  o.replications = reps;
  o.seed = seed;
  o.threads = threads;
  return test::run_forecast(s, net, o);
}

TEST(MonteCarlo, TheThreadCountDoesNotChangeAnyNumber) {
  const auto one = run(quickstart(), 70, 7, 1);  // 70 > one block of 64
  for (int threads : {2, 4}) {
    const auto many = run(quickstart(), 70, 7, threads);
    EXPECT_EQ(one.month_investment, many.month_investment);
    EXPECT_EQ(one.month_started, many.month_started);
    EXPECT_EQ(one.criticality, many.criticality);
    EXPECT_EQ(one.events, many.events);
    for (std::size_t a = 0; a < one.agencies.size(); ++a) {
      EXPECT_EQ(one.agencies[a].utilisation, many.agencies[a].utilisation);
      EXPECT_EQ(one.agencies[a].mean_wait, many.agencies[a].mean_wait);
    }
    for (std::size_t m = 0; m < report::kApprovalMeasures; ++m)
      EXPECT_EQ(one.approval[m].all.mean, many.approval[m].all.mean);
  }
}

TEST(MonteCarlo, TheSeedDrivesTheDraws) {
  EXPECT_EQ(run(quickstart(), 10, 7, 2).month_investment, run(quickstart(), 10, 7, 1).month_investment);
  EXPECT_NE(run(quickstart(), 10, 7, 1).month_investment, run(quickstart(), 10, 8, 1).month_investment);
}

TEST(MonteCarlo, BandsAreOrderedAndQuartersAddUpMonths) {
  const auto mc = run(quickstart(), 100, 3, 2);
  for (Eigen::Index q = 0; q < mc.quarter_investment.cols(); ++q) {
    const auto d = column_stats(mc.quarter_investment, q);
    EXPECT_LE(d.p10, d.p50);
    EXPECT_LE(d.p50, d.p90);
  }
  EXPECT_NEAR(mc.quarter_investment.sum(), mc.month_investment.sum(), 1e-9);
  EXPECT_NEAR(mc.horizon_investment.sum(), mc.month_investment.sum(), 1e-6);
  // Draws vary: some spread in the year's total.
  const auto total = column_stats(mc.horizon_investment, 0);
  EXPECT_LT(total.p10, total.p90);
}

TEST(MonteCarlo, YearToDateRestartsEachJanuary) {
  model::Scenario s = test::base_scenario();
  s.end = test::date("2027-06-30");
  s.templates.push_back(test::make_template("b", {{"c", 546, {}, 1.0}}));
  s.projects.push_back(test::make_project("P", "b", 546.0));  // one per day
  const auto mc = run(s, 3, 1, 1);
  ASSERT_EQ(mc.quarter_ytd.cols(), 6);
  EXPECT_NEAR(mc.quarter_ytd(0, 3), 365.0, 1e-9);
  EXPECT_NEAR(mc.quarter_ytd(0, 4), 90.0, 1e-9);  // 2027Q1 starts a new year
}

TEST(MonteCarlo, UntilConvergedAddsBlocksAndStops) {
  const engine::Network net = engine::compile(quickstart());
  run::ReplicationOptions o;
  o.replications = 50;
  o.seed = 11;
  o.threads = 2;
  o.until_converged = 0.01;
  const auto mc = test::run_forecast(quickstart(), net, o);
  EXPECT_GE(mc.blocks, 2);
  EXPECT_LT(mc.blocks, o.max_rounds);
  EXPECT_EQ(mc.replications, 50 * mc.blocks);
}

}  // namespace
}  // namespace kpsim::report
