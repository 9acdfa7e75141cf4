#include "sim/report/compare.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "sim/engine/compile.hpp"
#include "sim/input/load_scenario.hpp"
#include "sim/input/read_policies.hpp"
#include "sim/policy/apply_policies.hpp"
#include "support/forecast.hpp"

namespace kpsim::report {
namespace {

TEST(Paired, DifferencesAreTakenReplicationByReplication) {
  const PairedStat s = paired("x", "run", {1, 2, 3, NAN}, {2, 4, 6, 8});
  EXPECT_EQ(s.n, 3u);
  EXPECT_DOUBLE_EQ(s.base_mean, 2);
  EXPECT_DOUBLE_EQ(s.variant_mean, 4);
  EXPECT_DOUBLE_EQ(s.diff_mean, 2);
  // Differences 1, 2, 3: sd 1, standard error 1/√3.
  EXPECT_NEAR(s.ci90_high - s.diff_mean, 1.6448536269514722 / std::sqrt(3.0), 1e-12);
  EXPECT_DOUBLE_EQ(s.p05, 1.1);
  EXPECT_DOUBLE_EQ(s.p95, 2.9);
}

MonteCarloForecast forecast(const model::Scenario& sc, std::uint64_t seed) {
  run::ReplicationOptions o;
  o.replications = 200;
  o.seed = seed;
  o.threads = 2;
  return test::run_forecast(sc, engine::compile(sc), o);
}

const PairedStat& row(const Comparison& c, const std::string& metric, const std::string& period) {
  for (const PairedStat& s : c.rows)
    if (s.metric == metric && s.period == period) return s;
  throw std::logic_error("no row " + metric + " " + period);
}

// Common random numbers: the same seed for base and variant makes the paired
// interval of the difference far narrower than with independent streams.
TEST(Compare, CommonRandomNumbersGiveANarrowerIntervalThanIndependentRuns) {
  const model::Scenario base = policy::apply_policies(input::load_scenario(KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml"));
  const model::Scenario variant = policy::apply_policies(
      input::load_scenario(KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml"),
      input::load_policy_file(KPSIM_SOURCE_DIR "/scenarios/policies/compress-120.yaml"));
  const MonteCarloForecast b = forecast(base, 7);
  const Comparison crn = compare_forecasts(base, b, variant, forecast(variant, 7));
  const Comparison independent = compare_forecasts(base, b, variant, forecast(variant, 8));
  for (const char* period : {"2026Q2", "2026Q3", "2026"}) {
    const PairedStat& c = row(crn, "investment", period);
    const PairedStat& i = row(independent, "investment", period);
    EXPECT_LT(c.ci90_high - c.ci90_low, 0.5 * (i.ci90_high - i.ci90_low)) << period;
  }
  // And the compression helps, clearly, in the year.
  EXPECT_GT(row(crn, "investment", "2026").ci90_low, 0);
  EXPECT_LT(row(crn, "approval_days", "2026").ci90_high, 0);
}

TEST(Compare, AScenarioAgainstItselfDiffersByExactlyNothing) {
  const model::Scenario base = input::load_scenario(KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml");
  const MonteCarloForecast b = forecast(base, 3);
  const Comparison c = compare_forecasts(base, b, base, forecast(base, 3));
  for (const PairedStat& s : c.rows) {
    if (s.n == 0) continue;
    EXPECT_EQ(s.diff_mean, 0) << s.metric << " " << s.period;
    EXPECT_EQ(s.ci90_low, 0) << s.metric << " " << s.period;
  }
}

// The base column of a comparison is the run: every mean is pooled the way
// `run` pools it (over project-replications, over services), not a mean of
// per-replication means (which gave 139.30 against run's 139.84 days).
TEST(Compare, TheBaseIsTheRunInEveryFigure) {
  const model::Scenario base = input::load_scenario(KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml");
  const MonteCarloForecast b = forecast(base, 7);
  const Comparison c = compare_forecasts(base, b, base, forecast(base, 7));
  for (std::size_t m = 0; m < kApprovalMeasures; ++m)
    EXPECT_DOUBLE_EQ(row(c, approval_metric(static_cast<ApprovalMeasure>(m)), "2026").base_mean, b.approval[m].all.mean);
  for (std::size_t a = 0; a < base.agencies.size(); ++a)
    EXPECT_DOUBLE_EQ(row(c, "wait:" + base.agencies[a].id, "2026").base_mean, b.agencies[a].mean_wait) << base.agencies[a].id;
  EXPECT_DOUBLE_EQ(row(c, "investment", "2026").base_mean, b.horizon_investment.mean());
}

TEST(PairedRatio, IsTheRatioOfSumsWithADeltaMethodInterval) {
  // Base 2 + 4 over 1 + 3 = 1.5; variant 3 + 3 over 1 + 1 = 3.
  const Eigen::Vector2d bn(2, 4), bd(1, 3), vn(3, 3), vd(1, 1);
  const PairedStat s = paired_ratio("x", "run", bn, bd, vn, vd);
  EXPECT_DOUBLE_EQ(s.base_mean, 1.5);
  EXPECT_DOUBLE_EQ(s.variant_mean, 3.0);
  EXPECT_DOUBLE_EQ(s.diff_mean, 1.5);
  // z_r = (vn - 3 vd) / 1 - (bn - 1.5 bd) / 2 = {-0.25, 0.25}: sd √(1/8), se 1/4.
  EXPECT_NEAR(s.ci90_high - s.diff_mean, 1.6448536269514722 * 0.25, 1e-12);
  // Per-replication ratio differences 3 − 2 = 1 and 3 − 4/3 = 5/3.
  EXPECT_NEAR(s.p95, 1 + 0.95 * (2.0 / 3.0), 1e-12);
}

}  // namespace
}  // namespace kpsim::report
