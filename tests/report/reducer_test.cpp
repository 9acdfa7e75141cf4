// The reducer: the same summaries in the same order give the same forecast
// to the last bit, and its statistics are those of the sample.
#include "sim/report/reducer.hpp"

#include <gtest/gtest.h>

#include "sim/engine/compile.hpp"
#include "sim/engine/simulate.hpp"
#include "sim/input/load_scenario.hpp"

namespace kpsim::report {
namespace {

TEST(Reducer, DescribeGivesMeanAndType7Quantiles) {
  const Distribution3 d = describe({4, 1, 3, 2, 5});
  EXPECT_EQ(d.n, 5u);
  EXPECT_DOUBLE_EQ(d.mean, 3);
  EXPECT_DOUBLE_EQ(d.p50, 3);
  EXPECT_DOUBLE_EQ(d.p10, 1.4);
  EXPECT_DOUBLE_EQ(d.p90, 4.6);
  EXPECT_TRUE(std::isnan(describe({}).mean));
}

TEST(Reducer, TheSameSummariesGiveTheSameForecastAndItsHorizonIsTheirSum) {
  const model::Scenario sc = input::load_scenario(KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml");
  const engine::Network net = engine::compile(sc);
  ForecastReducer a(sc, net), b(sc, net);
  engine::Simulator sim(net);
  std::vector<double> horizon;
  for (std::uint32_t r = 0; r < 12; ++r) {
    ReplicationSummary s;
    summarise(net, a.basis(), sim.run(5, r), s);
    a.add(s);
    b.add(s);
    horizon.push_back(s.forecast.counted_in_horizon);
  }
  const MonteCarloForecast fa = a.finish(make_periods(net.origin, net.horizon_days));
  const MonteCarloForecast fb = b.finish(make_periods(net.origin, net.horizon_days));
  EXPECT_EQ(fa.replications, 12);
  ASSERT_EQ(fa.horizon_investment.size(), 12);
  for (int r = 0; r < 12; ++r) EXPECT_EQ(fa.horizon_investment(r), fb.horizon_investment(r));
  EXPECT_TRUE((fa.quarter_investment.array() == fb.quarter_investment.array()).all());
  // Quarters add up to the horizon, replication by replication.
  for (int r = 0; r < 12; ++r) EXPECT_NEAR(fa.quarter_investment.row(r).sum(), fa.horizon_investment(r), 1e-9);
}

}  // namespace
}  // namespace kpsim::report
