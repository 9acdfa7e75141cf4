// The insight kpsim exists to show: compressing statutory days shortens
// realised approval time by the full share only when reviewers have time to
// spare. At a saturated window the queue in front of it stays as long as it
// was, because the reviewers' work per case did not shrink.
#include <gtest/gtest.h>

#include "sim/engine/compile.hpp"
#include "sim/input/load_scenario.hpp"
#include "sim/input/read_policies.hpp"
#include "sim/policy/apply_policies.hpp"
#include "sim/report/compare.hpp"
#include "support/forecast.hpp"

namespace kpsim::report {
namespace {

struct Effect {
  double before, after, wait_before, wait_after;
  double reduction() const { return 1 - after / before; }
};

Effect compress_by_40_percent(const std::string& scenario) {
  const std::string dir = KPSIM_SOURCE_DIR "/scenarios/policies/";
  const model::Scenario base = policy::apply_policies(input::load_scenario(dir + scenario));
  const model::Scenario compressed = policy::apply_policies(input::load_scenario(dir + scenario),
                                                            input::load_policy_file(dir + "compress-40pct.yaml"));
  run::ReplicationOptions o;
  o.replications = 100;
  o.seed = base.seed;
  o.threads = 2;
  const MonteCarloForecast b = test::run_forecast(base, engine::compile(base), o);
  const MonteCarloForecast c = test::run_forecast(compressed, engine::compile(compressed), o);
  return {b.approval[from_entry].all.mean, c.approval[from_entry].all.mean, b.agencies[0].mean_wait, c.agencies[0].mean_wait};
}

TEST(QueueingInsight, WithAmpleReviewersCompressingBy40PercentShortensApprovalBy40Percent) {
  const Effect e = compress_by_40_percent("ample-reviewers.yaml");
  EXPECT_NEAR(e.reduction(), 0.40, 0.01);
  EXPECT_EQ(e.wait_before, 0);
}

TEST(QueueingInsight, AtASaturatedWindowItShortensApprovalByClearlyLess) {
  const Effect e = compress_by_40_percent("saturated-agency.yaml");
  EXPECT_LT(e.reduction(), 0.32);
  EXPECT_GT(e.reduction(), 0.15);
  // The queue is what remains: as long after the reform as before it.
  EXPECT_GT(e.wait_before, 10);
  EXPECT_DOUBLE_EQ(e.wait_after, e.wait_before);
}

}  // namespace
}  // namespace kpsim::report
